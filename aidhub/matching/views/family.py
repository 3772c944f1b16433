"""The family's answer to the check-in after help, from its private status page (aidhub.needs's page; the token
comes with the form). A text reply 1/2/3 reaches the same service through aidhub.portal.hooks."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aidhub.matching import services
from aidhub.matching.forms import FamilyCheckInForm
from aidhub.matching.models import FamilyCheckIn
from aidhub.needs.access import family_page, request_for_family
from aidhub.needs.services import status_path


@require_POST
@never_cache
@family_page
def family_check_in(request):
    help_request, token = request_for_family(request)
    pending = FamilyCheckIn.objects.pending().filter(match__help_request=help_request).first()
    form = FamilyCheckInForm(request.POST)
    if pending is None:
        messages.info(request, _("Your answer was already received. Thank you."))
    elif not form.is_valid():
        messages.error(request, _("Choose one of the answers."))
    else:
        try:
            services.check_in_family_answer(
                family_check_in=pending, answer=form.cleaned_data["answer"], via=FamilyCheckIn.Via.LINK
            )
        except services.MatchConflict:
            messages.info(request, _("Your answer was already received. Thank you."))
        else:
            messages.success(request, _("Thank you. The organizers of your area will see your answer."))
    return redirect(status_path(token, help_request.message_language))
