"""Property-based tests: hundreds of arbitrary submissions of every public form, through the HTTP client.
Whatever people (or bots) send, the answer is a page or a redirect, never a server error."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import antibot_fields

pytestmark = pytest.mark.slow

# Text of any kind, including right-to-left, emoji, control characters and very long strings.
ANY_TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=3000),
    st.sampled_from(["", " ", "0", "-1", "999999999999999999999", "1e10", "<script>", "' OR 1=1 --", "\x00"]),
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
)
VALUE = st.one_of(ANY_TEXT, st.lists(ANY_TEXT, max_size=4))

FORMS = {
    "help": ("/{lang}/help/", ["category", "language", "area", "first_name", "contact_method", "contact_value",
                               "partner_organization", "best_times", "urgency", "description", "submission_id"]),
    "find": ("/{lang}/help/find/", ["reference_code", "contact"]),
    "subscribe": ("/{lang}/alerts/subscribe/", ["channel", "phone", "email", "language", "areas"]),
    "report": ("/{lang}/alerts/report/", ["what", "area", "happened_at", "contact"]),
    "book": ("/{lang}/events/{event}/book/", ["slot", "first_name", "contact_kind", "contact", "language"]),
    "register": ("/{lang}/events/{event}/register/", ["first_name", "contact_kind", "contact", "language"]),
    "pledge": ("/{lang}/events/{event}/pledge/", ["item", "quantity", "first_name", "contact"]),
}  # fmt: skip

EXAMPLES = 200


@pytest.fixture
def lots_of_attempts(settings):
    settings.ANTIBOT_RATES = dict.fromkeys(settings.ANTIBOT_RATES, (10**6, 10**6, 3600))


@pytest.mark.parametrize("form", FORMS)
def test_public_forms_never_fail_on_arbitrary_input(form, event, slot, supply_item, lots_of_attempts, eastside):
    path, names = FORMS[form]

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(data=st.fixed_dictionaries({}, optional=dict.fromkeys(names, VALUE)), lang=st.sampled_from(["en", "ar"]))
    def post_anything(data, lang):
        client = Client()
        url = path.format(lang=lang, event=event.pk)
        with_check = data | antibot_fields()
        response = client.post(url, with_check)
        assert response.status_code in (200, 302, 429), (url, data, response.status_code)

    post_anything()
