from django.contrib import admin

from aidhub.core.admin import BumpsFragmentsAdmin
from aidhub.offers.models import Offer
from aidhub.offers.services import offers_keep_keys


@admin.register(Offer)
class OfferAdmin(BumpsFragmentsAdmin):
    fragment_versions = ("offers",)
    list_display = ["title", "category", "volunteer", "status", "submitted_at", "published_at"]
    list_filter = ["status", "category", "languages", "areas"]
    search_fields = ["title", "description", "volunteer__email"]
    filter_horizontal = ["languages", "areas"]
    autocomplete_fields = ["volunteer"]
    readonly_fields = ["reviewed_by", "reviewed_at", "submitted_at", "published_at", "created_at", "updated_at"]
    date_hierarchy = "submitted_at"

    def save_related(self, request, form, formsets, change):
        # The languages and areas are saved here, after the offer: its keys follow them (Offer.language_keys).
        super().save_related(request, form, formsets, change)
        offers_keep_keys(offer_ids=[form.instance.pk])
