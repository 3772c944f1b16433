import pytest

from aidhub.messaging.keywords import is_stop_word

STOP_WORDS = [
    "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",  # carriers' standard words
    "PARA", "ALTO", "PARAR",  # Spanish, Portuguese
    "ARRET", "ARRÊT",  # French
    "KANPE",  # Haitian Creole
    "توقف", "لغو", "إلغاء",  # Arabic, Persian
    "停止", "取消",  # Chinese
    "DỪNG", "HỦY",  # Vietnamese
    "HINTO",  # Tagalog
    "СТОП",  # Russian
    "중지",  # Korean
]  # fmt: skip


@pytest.mark.parametrize("word", STOP_WORDS)
def test_stop_words_in_any_case_and_with_spaces_or_punctuation(word):
    assert is_stop_word(word)
    assert is_stop_word(f"  {word.lower()}! ")


@pytest.mark.parametrize("text", ["", "hello", "stop sending me this please", "PARADA", "123456", "ok"])
def test_other_replies_are_not_stop_words(text):
    assert not is_stop_word(text)
