"""Organizers' page "Try the phone line": the text-message conversation, in the browser."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from aidhub.core.decorators import organizer_required
from aidhub.phone.forms import TrialMessageForm
from aidhub.phone.trial import trial_reset, trial_send, trial_transcript


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
