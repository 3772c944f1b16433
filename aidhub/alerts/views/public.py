"""Pages anyone may open: the alerts, their feed, subscribing and unsubscribing, and sending a report."""

from django.conf import settings
from django.contrib import messages
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from aidhub.alerts.filters import AlertFilter
from aidhub.alerts.forms import ConfirmForm, ReportForm, SubscribeForm
from aidhub.alerts.models import Alert, Subscriber
from aidhub.alerts.services import reports as report_services
from aidhub.alerts.services import subscribers as subscriber_services
from aidhub.core.models import Language
from aidhub.lib.antibot import TOO_MANY, rate_limit_exceeded
from aidhub.lib.languages import spoken_code
from aidhub.lib.phones import mask_phone
from aidhub.lib.tokens import hash_access_token


def _get_published_alert(pk):
    return get_object_or_404(Alert.objects.published().for_listing().prefetch_related("corrections"), pk=pk)


def _get_subscriber_by_token(token):
    """The subscription started with this private link; any other token answers 404."""
    return get_object_or_404(Subscriber.objects.select_related("language"), token_hash=hash_access_token(token))


def _get_subscriber_by_unsubscribe_token(token):
    subscriber = subscriber_services.subscriber_from_unsubscribe_token(token)
    if subscriber is None:
        raise Http404
    return subscriber


@require_safe
def alert_list(request):
    alert_filter = AlertFilter(request.GET, queryset=Alert.objects.published().for_listing())
    page = Paginator(alert_filter.qs, settings.ALERTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "alerts/alert_list.html", {"filter": alert_filter, "page": page})


@require_safe
def alert_detail(request, pk):
    alert = _get_published_alert(pk)
    corrections = alert.corrections.published().for_listing().order_by("verified_at")
    return render(request, "alerts/alert_detail.html", {"alert": alert, "corrections": corrections})


@method_decorator(require_safe, name="__call__")
class AlertFeed(Feed):
    feed_type = Atom1Feed
    link = reverse_lazy("alerts:list")
    description = gettext_lazy("Alerts verified by two organizers of the network.")

    def title(self):
        return _("Alerts from %(site)s") % {"site": settings.SITE_NAME}

    def items(self):
        return Alert.objects.published().for_listing()[:30]

    def item_title(self, alert):
        label = _("Retracted") if alert.status == Alert.Status.RETRACTED else alert.get_severity_display()
        text = alert.text_for(translation.get_language())
        return f"{label}: {text.text[:80] if text else ''}"

    def item_description(self, alert):
        text = alert.text_for(translation.get_language())
        return text.text if text else ""

    def item_link(self, alert):
        return reverse("alerts:detail", kwargs={"pk": alert.pk})

    def item_pubdate(self, alert):
        return alert.verified_at

    def item_updateddate(self, alert):
        return alert.retracted_at or alert.verified_at


def subscribe(request):
    language = Language.objects.filter(code=spoken_code(translation.get_language())).first()
    form = SubscribeForm(
        request.POST or None, request=request, initial={"language": language, "channel": Subscriber.Channel.SMS}
    )
    if request.method == "POST" and form.is_valid():
        token = subscriber_services.subscriber_subscribe(
            channel=form.cleaned_data["channel"],
            address=form.address(),
            language=form.cleaned_data["language"],
            areas=form.cleaned_data["areas"],
        )
        return redirect("alerts:confirm", token=token)
    return render(request, "alerts/subscribe.html", {"form": form}, status=429 if form.rate_limited else 200)


def confirm(request, token):
    subscriber = _get_subscriber_by_token(token)
    form = ConfirmForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    status = 200
    if request.method == "POST" and form.is_valid():
        if rate_limit_exceeded(request, "alerts.confirm"):
            form.add_error(None, TOO_MANY)
            status = 429
        elif subscriber_services.subscriber_confirm(subscriber=subscriber, code=form.cleaned_data["code"]):
            messages.success(request, _("You are subscribed. Alerts for your areas will reach you in your language."))
            return redirect("alerts:list")
        else:
            form.add_error("code", _("This code is not right or has expired. Check the message, or subscribe again."))
    masked = mask_phone(subscriber.phone) if subscriber.channel == Subscriber.Channel.SMS else ""
    context = {"form": form, "subscriber": subscriber, "masked_phone": masked}
    return render(request, "alerts/confirm.html", context, status=status)


@require_safe
def unsubscribe(request, token):
    _get_subscriber_by_unsubscribe_token(token)
    return render(request, "alerts/unsubscribe.html", {"token": token})


@require_POST
def unsubscribe_confirm(request, token):
    subscriber = _get_subscriber_by_unsubscribe_token(token)
    subscriber_services.subscriber_unsubscribe(subscriber=subscriber)
    return render(request, "alerts/unsubscribe.html", {"token": token, "done": True})


def report(request):
    form = ReportForm(request.POST or None, request.FILES or None, request=request)
    if request.method == "POST" and form.is_valid():
        report_services.report_create(**{name: form.cleaned_data[name] for name in ReportForm.Meta.fields})
        messages.success(
            request, _("Thank you. Organizers of the area will check what you reported before anything is shared.")
        )
        return redirect("alerts:report")
    return render(request, "alerts/report_form.html", {"form": form}, status=429 if form.rate_limited else 200)
