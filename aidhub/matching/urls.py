from django.urls import path

from aidhub.matching.views import dashboard, family, organize, volunteer, volunteers

app_name = "matching"

urlpatterns = [
    # Organizers.
    path("organize/", dashboard.dashboard, name="dashboard"),
    # A request's own pages (queue, detail, the family's details) are aidhub.needs'; these are its matching.
    path("organize/requests/<int:pk>/suggestions/", organize.suggestions, name="suggestions"),
    path("organize/requests/<int:pk>/propose/", organize.propose, name="propose"),
    path("organize/requests/<int:pk>/left-out/<slug:reason>/", organize.left_out, name="left_out"),
    path("organize/matches/<int:pk>/cancel/", organize.cancel, name="cancel"),
    path("organize/matches/<int:pk>/interpreter/", organize.interpreter, name="interpreter"),
    path("organize/matches/<int:pk>/check-in/", organize.check_in, name="check_in"),
    path("organize/volunteers/", volunteers.volunteer_list, name="volunteer_list"),
    path("organize/volunteers/<int:pk>/", volunteers.volunteer_detail, name="volunteer_detail"),
    path("organize/volunteers/confirmations/", volunteers.vetting_queue, name="vetting_queue"),
    path("organize/volunteers/confirmations/<int:pk>/", volunteers.vetting_decision, name="vetting_decision"),
    # Families, from their private link (the token travels in the form).
    path("help/status/check-in/", family.family_check_in, name="family_check_in"),
    # Volunteers.
    path("my/matches/", volunteer.my_matches, name="my_matches"),
    path("my/matches/<int:pk>/", volunteer.match_detail, name="match_detail"),
    path("my/matches/<int:pk>/accept/", volunteer.accept, name="accept"),
    path("my/matches/<int:pk>/decline/", volunteer.decline, name="decline"),
    path("my/matches/<int:pk>/done/", volunteer.done, name="done"),
    path("my/matches/<int:pk>/text/", volunteer.text_family, name="text_family"),
]
