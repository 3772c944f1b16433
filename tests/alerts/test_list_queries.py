"""List pages run the same number of queries however many rows they show."""

from django.utils import timezone

from tests.factories import AlertFactory, AreaFactory, ReportFactory, UserFactory
from tests.helpers import count_queries, get_with_queries


def _alerts(count, organization, author, verifier, areas, **fields):
    for index in range(count):
        AlertFactory(
            organization=organization,
            author=author,
            areas=areas,
            texts={"en": f"Alert number {index}", "es": f"Alerta número {index}", "ar": f"تنبيه {index}"},
            verified_by=verifier,
            verified_at=timezone.now(),
            **fields,
        )


def test_public_alerts_list_is_flat(client, organization, organizer, second_organizer, eastside, city, settings):
    settings.ALERTS_PER_PAGE = 500
    areas = [eastside, city, AreaFactory()]
    _alerts(5, organization, organizer, second_organizer, areas, status="sent")
    with_5 = count_queries(client, "/es/alerts/")
    _alerts(45, organization, UserFactory(), second_organizer, areas, status="sent")
    response, with_50 = get_with_queries(client, "/es/alerts/")
    assert response.text.count("alert-card") >= 50
    assert "Alerta número 44" in response.text
    assert with_5 == with_50
    in_eastside = count_queries(client, f"/es/alerts/?area={eastside.pk}")
    assert in_eastside == count_queries(client, f"/es/alerts/?area={city.pk}")


def test_organizer_alerts_list_is_flat(client_for, organization, organizer, second_organizer, eastside, settings):
    settings.ALERTS_PER_PAGE = 500
    client = client_for(organizer)
    _alerts(5, organization, second_organizer, None, [eastside], status="pending")
    count_queries(client, "/en/organize/alerts/")  # the first visit records the organizer's stricter session rules
    with_5 = count_queries(client, "/en/organize/alerts/")
    for _ in range(15):
        author = UserFactory()
        _alerts(3, organization, author, None, [eastside], status="draft")
    response, with_50 = get_with_queries(client, "/en/organize/alerts/")
    assert "Alert number 2" in response.text
    assert with_5 == with_50


def test_vetting_queue_is_flat(client_for, organizer, eastside, city, settings):
    settings.REPORTS_PER_PAGE = 500
    client = client_for(organizer)
    for _ in range(5):
        ReportFactory(area=eastside)
    count_queries(client, "/en/organize/reports/")  # the first visit records the organizer's stricter session rules
    with_5 = count_queries(client, "/en/organize/reports/")
    for index in range(55):
        ReportFactory(area=city if index % 2 else eastside)
    response, with_60 = get_with_queries(client, "/en/organize/reports/")
    assert response.text.count("/en/organize/reports/") >= 60
    assert with_5 == with_60
