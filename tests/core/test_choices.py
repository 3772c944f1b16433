"""get_FOO_display() through ChoiceLabelsMixin: the same labels as Django's, in the active language."""

from django.utils import translation

from aidhub.needs.models import HelpRequest


def test_labels_follow_the_active_language_and_unknown_values_show_as_they_are():
    help_request = HelpRequest(category="food", status="new", urgency="today")
    with translation.override("en"):
        assert help_request.get_category_display() == "Food"
        assert help_request.get_status_display() == "New"
    with translation.override("es"):
        assert help_request.get_category_display() == "Comida"
    with translation.override("ar"):
        assert help_request.get_category_display() != "Food"
    help_request.category = "not-a-category"
    assert help_request.get_category_display() == "not-a-category"
