"""The best-times grid (issue 16, item 6): a group of checkboxes per day with its legend, which reflows on a small
screen, not a table; the field names and values posted are those of the old grid."""

import re

from aidhub.needs.models import HelpRequest
from tests.needs.helpers import help_form


def test_the_best_times_are_a_fieldset_per_day_with_the_same_names_and_values(client, db):
    page = client.get("/en/help/").text
    grid = page[page.index('<div class="availability-days"') :]
    assert "<table" not in page
    days = re.findall(r'<legend class="availability-day-name">(\w+)</legend>', page)
    assert days == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    values = re.findall(r'<input class="form-check-input" type="checkbox" name="best_times" value="(\d+)"', page)
    assert values == [str(index) for index in range(21)]
    # Each box is named by its time of day, inside its day's group.
    assert re.search(r'id="id_best_times_0">\s*<label class="form-check-label" for="id_best_times_0">Morning', grid)
    # The whole grid is a group with its own legend (no <label for> pointing at the first box only).
    assert re.search(r"<fieldset[^>]*>\s*<legend[^>]*>\s*Best times", page)


def test_ticked_times_are_saved_and_shown_ticked_again(client, eastside):
    response = client.post("/en/help/", help_form(eastside, best_times=["0", "20"]))
    assert response.status_code == 302
    assert HelpRequest.objects.get().best_times == 1 | (1 << 20)
    # A form sent back with an error keeps the ticks.
    page = client.post("/en/help/", help_form(eastside, best_times=["4"], first_name="")).text
    assert re.search(r'value="4" id="id_best_times_4" checked', page)
    assert not re.search(r'value="3" id="id_best_times_3" checked', page)
