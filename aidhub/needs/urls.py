from django.urls import path

from aidhub.needs import views

app_name = "needs"

urlpatterns = [
    # Families, without an account. The private token travels in the query string or the form.
    path("help/", views.ask, name="ask"),
    path("help/status/", views.status, name="status"),
    path("help/status/change/", views.change, name="change"),
    path("help/status/reply/", views.reply, name="reply"),
    path("help/status/withdraw/", views.withdraw, name="withdraw"),
    path("help/status/delete/", views.delete, name="delete"),
    path("help/deleted/", views.deleted, name="deleted"),
    path("help/find/", views.find, name="find"),
    # Organizers. (The matching pages of a request, under the same path, are matching's: aidhub/matching/urls.py.)
    path("organize/requests/", views.queue, name="queue"),
    path("organize/requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("organize/requests/<int:pk>/contact/", views.request_contact, name="request_contact"),
    path("organize/requests/new/", views.intake, name="intake"),
    path("organize/requests/export.csv", views.export_csv, name="export"),
    path("organize/requests/<int:pk>/reviewed/", views.mark_reviewed, name="mark_reviewed"),
    path("organize/requests/<int:pk>/question/", views.ask_question, name="ask_question"),
    path("organize/requests/<int:pk>/close/", views.close, name="close"),
    path("organize/requests/<int:pk>/text/", views.text_family, name="text_family"),
]
