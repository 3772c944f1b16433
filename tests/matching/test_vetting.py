from aidhub.matching.models import Vetting


def test_organizer_marks_a_volunteer_vetted(client_for, organizer, volunteer):
    profile = volunteer.volunteer_profile
    client = client_for(organizer)
    assert profile.display_name in client.get("/en/organize/volunteers/").text
    client.post(f"/en/organize/volunteers/{profile.pk}/", {"categories": ["childcare", "rides"]})
    assert set(Vetting.objects.filter(volunteer=volunteer).values_list("category", flat=True)) == {"childcare", "rides"}
    client.post(f"/en/organize/volunteers/{profile.pk}/", {"categories": ["rides"]})
    assert list(Vetting.objects.filter(volunteer=volunteer).values_list("category", flat=True)) == ["rides"]


def test_volunteers_outside_my_areas_are_not_listed(client_for, other_organizer, volunteer):
    profile = volunteer.volunteer_profile
    client = client_for(other_organizer)
    assert profile.display_name not in client.get("/en/organize/volunteers/").text
    assert client.post(f"/en/organize/volunteers/{profile.pk}/", {"categories": ["rides"]}).status_code == 404
    assert not Vetting.objects.exists()
