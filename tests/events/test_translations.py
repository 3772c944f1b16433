"""Organizers translate an event's title, description and accessibility notes; readers see their language."""

import pytest
from django.conf import settings
from django.core import mail
from django.utils import translation

from aidhub.events.models import Event
from tests.events.test_organize import event_data
from tests.factories import language
from tests.helpers import antibot_fields

SPANISH = {
    "es-title": "Noche de ayuda legal",
    "es-description": "Consultas gratis.",
    "es-accessibility": "Sin escalones",
}


def _translate(client, event, data=SPANISH, language="es"):
    return client.post(f"/en/organize/events/{event.pk}/translations/{language}/", data)


def test_translations_page_has_one_form_per_other_interface_language(client_for, organizer, event):
    html = client_for(organizer).get(f"/en/organize/events/{event.pk}/translations/").text
    for code, _name in settings.LANGUAGES:
        assert (f'id="translation-{code}"' in html) == (code != event.original_language)
        if code != event.original_language:
            assert f'action="/en/organize/events/{event.pk}/translations/{code}/"' in html
            assert f'name="{code}-title"' in html
            assert f'lang="{code}"' in html
    assert "Legal aid night" in html  # the original, to translate from


def test_spanish_reader_sees_spanish_and_arabic_reader_sees_the_original_with_a_note(
    client_for, organizer, client, event
):
    event.accessibility = "Step-free entrance"
    event.save()
    response = _translate(client_for(organizer), event)
    assert response.status_code == 302
    assert response["Location"] == f"/en/organize/events/{event.pk}/translations/#translation-es"
    event.refresh_from_db()
    assert event.translations == {
        "es": {"title": "Noche de ayuda legal", "description": "Consultas gratis.", "accessibility": "Sin escalones"}
    }
    client.logout()

    spanish = client.get(f"/es/events/{event.pk}/").text
    assert '<h1 lang="es" dir="ltr">Noche de ayuda legal</h1>' in spanish
    assert '<div class="event-description" lang="es" dir="ltr"><p>Consultas gratis.</p></div>' in spanish
    assert "Sin escalones" in spanish
    assert "translation-note" not in spanish
    assert "Noche de ayuda legal" in client.get("/es/events/").text

    arabic = client.get(f"/ar/events/{event.pk}/").text
    assert '<h1 lang="en" dir="ltr">Legal aid night</h1>' in arabic
    assert 'class="event-description" lang="en" dir="ltr"' in arabic
    assert '<bdi lang="en" dir="ltr">Step-free entrance</bdi>' in arabic
    assert "translation-note" in arabic
    with translation.override("ar"):
        assert translation.gettext("Not yet translated") in client.get("/ar/events/").text

    english = client.get(f"/en/events/{event.pk}/").text
    assert "Legal aid night" in english
    assert "translation-note" not in english


def test_a_missing_field_falls_back_alone(client_for, organizer, client, event):
    _translate(client_for(organizer), event, {"es-title": "Noche de ayuda legal"})
    client.logout()
    html = client.get(f"/es/events/{event.pk}/").text
    assert '<h1 lang="es" dir="ltr">Noche de ayuda legal</h1>' in html
    assert 'class="event-description" lang="en" dir="ltr"' in html
    assert "translation-note" in html


def test_too_long_a_title_is_explained_in_the_organizers_language_and_nothing_saved(client_for, organizer, event):
    client = client_for(organizer)
    response = client.post(
        f"/es/organize/events/{event.pk}/translations/es/", {"es-title": "x" * 121, "es-description": "Consultas"}
    )
    assert response.status_code == 200
    assert "Asegúrese de que este valor tenga menos de 120 caracteres" in response.text
    assert "Consultas" in response.text  # what was typed is kept
    event.refresh_from_db()
    assert event.translations == {}


def test_extra_posted_fields_change_nothing(client_for, organizer, event):
    _translate(
        client_for(organizer),
        event,
        {**SPANISH, "ar-title": "ليلة", "es-status": "cancelled", "status": "cancelled", "translations": "{}"},
    )
    event.refresh_from_db()
    assert set(event.translations) == {"es"}
    assert set(event.translations["es"]) == {"title", "description", "accessibility"}
    assert event.status == "published"


@pytest.mark.parametrize("language", ["en", "xx", "EN"])
def test_the_original_language_or_an_unknown_one_is_not_found(client_for, organizer, event, language):
    assert _translate(client_for(organizer), event, language=language).status_code == 404


def test_the_event_form_remembers_the_language_it_is_written_in(client_for, organizer, organization, eastside):
    client = client_for(organizer)
    assert '<option value="es" selected>' in client.get("/es/organize/events/new/").text
    client.post("/es/organize/events/new/", event_data(organization=organization.pk, area=eastside.pk))
    assert Event.objects.get().original_language == "es"
    event = Event.objects.get()
    client.post(f"/en/organize/events/{event.pk}/edit/", event_data(event))
    event.refresh_from_db()
    assert event.original_language == "es"  # left out, it stays as it was
    response = client.post(f"/en/organize/events/{event.pk}/edit/", event_data(event, original_language="xx"))
    assert response.status_code == 200
    event.refresh_from_db()
    assert event.original_language == "es"


def test_calendar_files_follow_the_language_of_their_address(client_for, organizer, client, event):
    _translate(client_for(organizer), event)
    client.logout()
    assert "SUMMARY:Noche de ayuda legal" in client.get(f"/es/events/{event.pk}/calendar.ics").text
    assert "SUMMARY:Legal aid night" in client.get(f"/ar/events/{event.pk}/calendar.ics").text
    assert "Noche de ayuda legal" in client.get("/es/events/calendar.ics").text


def test_emails_use_the_recipients_language(client, event, django_capture_on_commit_callbacks):
    event.translations = {"es": {"title": "Noche de ayuda legal"}}
    event.save()
    details = {"first_name": "Rosa", "contact_kind": "email", "contact": "rosa@example.net"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/es/events/{event.pk}/register/", {**details, "language": language("es").pk, **antibot_fields()})
        client.post(
            f"/en/events/{event.pk}/register/",
            {**details, "contact": "tom@example.net", "language": language("en").pk, **antibot_fields()},
        )
    spanish, english = mail.outbox
    assert "Noche de ayuda legal" in spanish.body
    assert "Legal aid night" in english.body


def test_the_admin_edits_an_events_translations_too(client_for, admin_user, event):
    html = client_for(admin_user).get(f"/admin/events/event/{event.pk}/change/").text
    for code, _name in settings.LANGUAGES:
        for field in ("title", "description", "accessibility"):
            assert f'name="translation_{code}_{field}"' in html
