"""Corrections on top of the catalogs: the latest wins, a newer release wins over it, plural forms each apart."""

from types import SimpleNamespace

import polib

from aidhub.catalogs import live
from aidhub.catalogs.live import Correction, apply_corrections, catalog_key
from aidhub.catalogs.services import correct_entries


def test_a_correction_applies_while_the_catalog_says_a_text_it_saw():
    catalog = {"Hello": "Hola", "ctx\x04Hello": "Buenas", ("%(n)s day", 1): "%(n)s días"}
    entries = {
        ("", "Hello", None): Correction(text="Hola, buenas", fuzzy=False, seen=frozenset({"Hola", "Hola, buenas"})),
        ("ctx", "Hello", None): Correction(text="Saludos", fuzzy=False, seen=frozenset({"Ola", "Saludos"})),
        ("", "%(n)s day", 1): Correction(text="%(n)s jornadas", fuzzy=False, seen=frozenset({"%(n)s días"})),
    }
    assert apply_corrections(catalog, entries) == 2
    assert catalog["Hello"] == "Hola, buenas"
    # The release says "Buenas", a wording the browser never saw: the release wins.
    assert catalog["ctx\x04Hello"] == "Buenas"
    assert catalog[("%(n)s day", 1)] == "%(n)s jornadas"
    assert catalog_key(("ctx", "Hello", None)) == "ctx\x04Hello"


def test_a_correction_marked_for_review_or_emptied_is_not_shown():
    catalog = {"Hello": "Hola"}
    seen = frozenset({"Hola", "Ola", ""})
    assert apply_corrections(catalog, {("", "Hello", None): Correction("Ola", True, seen)}) == 0
    assert apply_corrections(catalog, {("", "Hello", None): Correction("", False, seen)}) == 0
    assert catalog["Hello"] == "Hola"


def test_the_patch_changes_only_the_corrected_plural_form():
    po = polib.pofile(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "%(n)s day"\nmsgid_plural "%(n)s days"\nmsgstr[0] "%(n)s día"\nmsgstr[1] "%(n)s días"\n',
        wrapwidth=0,
    )
    correct_entries(po, {("", "%(n)s day", 1): Correction("%(n)s jornadas", False, frozenset({"%(n)s días"}))})
    assert po[0].msgstr_plural == {0: "%(n)s día", 1: "%(n)s jornadas"}


def test_health_checks_touch_neither_the_database_nor_the_cache(client, db, django_assert_num_queries):
    from django.core.cache import cache

    from aidhub.catalogs.live import VERSION_KEY

    cache.delete(VERSION_KEY)
    with django_assert_num_queries(0):
        assert client.get("/healthz").status_code == 200
    assert cache.get(VERSION_KEY) is None


def test_a_page_is_served_when_the_corrections_cannot_be_checked(client, db, monkeypatch):
    from aidhub.catalogs import live

    def broken():
        raise ConnectionError("the cache is down")

    monkeypatch.setattr(live, "current_version", broken)
    assert client.get("/en/").status_code == 200


def test_a_background_task_starts_with_the_latest_corrections(db, monkeypatch):
    from django.tasks.signals import task_started

    from aidhub.catalogs import live

    checked = []
    monkeypatch.setattr(live, "current_version", lambda: checked.append(True) or "")
    started = SimpleNamespace(id="1", task=SimpleNamespace(module_path="x"), status="RUNNING")
    task_started.send(sender=None, task_result=started)
    assert checked == [True]


def test_a_process_looks_at_the_version_at_most_once_a_second(db, monkeypatch):
    """The check costs a cache read (a query on the database cache): not one per request (the benchmark's cached
    API answer lost a tenth of its speed to it), one a second per process at most."""
    monkeypatch.setattr(live, "CHECK_SECONDS", 1.0)  # the tests' settings look on every request (conftest)
    live.start_without_corrections()
    looks = []
    monkeypatch.setattr(live, "current_version", lambda: looks.append(1) or "")
    clock = [1000.0]
    monkeypatch.setattr(live.time, "monotonic", lambda: clock[0])
    for _ in range(5):
        live.refresh()
    assert len(looks) == 1
    clock[0] += live.CHECK_SECONDS
    live.refresh()
    assert len(looks) == 2
