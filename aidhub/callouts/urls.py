from django.urls import path

from aidhub.callouts import views

app_name = "callouts"

urlpatterns = [
    # Organizers.
    path("organize/callouts/", views.callout_list, name="list"),
    path("organize/callouts/new/", views.callout_new, name="new"),
    path("organize/callouts/new/count/", views.callout_count, name="count"),
    path("organize/callouts/<int:pk>/", views.callout_detail, name="detail"),
    path("organize/callouts/<int:pk>/answers/", views.callout_answers, name="answers"),
    path("organize/callouts/<int:pk>/answers/<int:recipient_pk>/match/", views.callout_match, name="match"),
    path("organize/callouts/<int:pk>/close/", views.callout_close, name="close"),
    # Volunteers: the private link of one call-out (the token in the query string, ?k=…), and their settings.
    path("callouts/answer/", views.callout_answer, name="answer"),
    path("my/callouts/", views.callout_settings, name="settings"),
    path("my/callouts/<int:pk>/answer/", views.callout_answer_signed_in, name="my_answer"),
]
