from django.urls import path

from aidhub.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("organizations/", views.organization_list, name="organizations"),
    path("volunteer/", views.volunteer_intro, name="volunteer_intro"),
    # What every public form that looks up a phone number or email answers (aidhub.lib.quiet).
    path("sent/", views.sent, name="sent"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("organize/audit/", views.audit_trail, name="audit_trail"),
]
