"""Organizers' pages of the phone line: which languages the call-back line speaks, how, and its recordings; and
"Try the phone line", the text-message conversation in the browser."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from aidhub.core.decorators import organizer_required
from aidhub.core.translations import language_name
from aidhub.phone import voice
from aidhub.phone.forms import PromptUploadForm, TrialMessageForm
from aidhub.phone.services import calls
from aidhub.phone.trial import trial_reset, trial_send, trial_transcript


def _prompt_or_404(language, name=None):
    """A language of the line and, when named, one of its prompts; anything else answers 404."""
    if language not in voice.line_languages():
        raise Http404
    if name is not None and name not in voice.prompts_for(language):
        raise Http404
    return language, name


@require_safe
@organizer_required
def prompts(request):
    """Each language of the line: its key, how it is spoken (recordings, a voice, or the default language) and how
    many of its prompts are recorded."""
    recorded = calls.recordings()
    rows: list[dict[str, object]] = []
    silent: list[dict[str, object]] = []
    for language in voice.line_languages():
        names = voice.prompts_for(language)
        count = sum((name, language) in recorded for name in names)
        row: dict[str, object] = {
            "code": language,
            "name": language_name(language),
            "key": voice.language_digit(language),
            "voice": voice.VOICES.get(language),
            "recorded": count,
            "total": len(names),
        }
        rows.append(row)
        if not voice.has_voice(language) and count < len(names):
            silent.append(row)
    context = {"rows": rows, "silent": silent, "fallback": _fallback_name()}
    return render(request, "phone/prompts.html", context)


def _language_context(language, failed=None, form=None):
    recorded = calls.recordings()
    areas = voice.menu_areas()
    items = [
        {
            "name": name,
            "purpose": voice.PROMPT_PURPOSES[name],
            "script": voice.script(name, language, areas),
            "digest": recorded.get((name, language)),
            "form": form if name == failed else _upload_form(name),
        }
        for name in voice.prompts_for(language)
    ]
    return {
        "language": language,
        "language_name": language_name(language),
        "voice": voice.VOICES.get(language),
        "fallback": _fallback_name(),
        "items": items,
    }


def _fallback_name():
    """The default language, named in the organizer's own language ("الإنجليزية" on an Arabic page)."""
    return str(translation.get_language_info(voice.fallback_language())["name_translated"])


def _upload_form(name, data=None, files=None):
    """One upload form per prompt on the page, each field with its own id (its label names that prompt's field)."""
    return PromptUploadForm(data, files, auto_id=f"id_{name}_%s")


@require_safe
@organizer_required
@never_cache
def prompt_language(request, language):
    """The prompts of one language: the words to record, the recording if there is one, upload, replace, delete."""
    language, _name = _prompt_or_404(language)
    return render(request, "phone/prompt_language.html", _language_context(language))


@require_POST
@organizer_required
def prompt_upload(request, language, name):
    language, name = _prompt_or_404(language, name)
    form = _upload_form(name, request.POST, request.FILES)
    if not form.is_valid():
        context = _language_context(language, failed=name, form=form)
        return render(request, "phone/prompt_language.html", context, status=400)
    calls.voice_prompt_save(
        actor=request.user,
        name=name,
        language=language,
        audio=form.cleaned_data["audio"],
        content_type=form.content_type,
    )
    messages.success(request, _("The recording is saved. The phone line plays it from now on."))
    return redirect("phone:prompt_language", language=language)


@require_POST
@organizer_required
def prompt_delete(request, language, name):
    language, name = _prompt_or_404(language, name)
    calls.voice_prompt_delete(actor=request.user, name=name, language=language)
    messages.success(request, _("The recording is deleted."))
    return redirect("phone:prompt_language", language=language)


@organizer_required
@never_cache
def try_line(request):
    """The same conversation code as the number's webhook, on a state kept in this session; it creates nothing."""
    if request.method == "POST" and "reset" in request.POST:
        trial_reset(session=request.session)
        return redirect("phone:try")
    form = TrialMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        trial_send(session=request.session, message=form.cleaned_data["message"])
        return redirect("phone:try")
    return render(request, "phone/try.html", {"form": form, "transcript": trial_transcript(request.session)})
