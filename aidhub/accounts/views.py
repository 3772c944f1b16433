from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from aidhub.accounts.forms import VolunteerProfileForm
from aidhub.accounts.models import get_volunteer_profile
from aidhub.accounts.services import volunteer_profile_save


@login_required
def profile_edit(request):
    profile = get_volunteer_profile(request.user)
    form = VolunteerProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        volunteer_profile_save(actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile is saved."))
        # The person may have picked another language: continue in it.
        with translation.override(request.user.language):
            return redirect(reverse("portal:dashboard"))
    return render(request, "accounts/profile_form.html", {"form": form})
