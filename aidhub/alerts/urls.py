from django.urls import path

from aidhub.alerts.views import organize, public, vetting

app_name = "alerts"

urlpatterns = [
    path("alerts/", public.alert_list, name="list"),
    path("alerts/feed/", public.AlertFeed(), name="feed"),
    path("alerts/<int:pk>/", public.alert_detail, name="detail"),
    path("alerts/subscribe/", public.subscribe, name="subscribe"),
    path("alerts/subscribe/<str:token>/", public.confirm, name="confirm"),
    path("alerts/unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("alerts/unsubscribe/<str:token>/confirm/", public.unsubscribe_confirm, name="unsubscribe_confirm"),
    path("alerts/report/", public.report, name="report"),
    path("organize/alerts/", organize.manage_list, name="manage_list"),
    path("organize/alerts/new/", organize.alert_create, name="create"),
    path("organize/alerts/<int:pk>/", organize.manage_detail, name="manage_detail"),
    path("organize/alerts/<int:pk>/edit/", organize.alert_edit, name="edit"),
    path("organize/alerts/<int:pk>/progress/", organize.alert_progress, name="progress"),
    path("organize/alerts/<int:pk>/submit/", organize.alert_submit, name="submit"),
    path("organize/alerts/<int:pk>/verify/", organize.alert_verify, name="verify"),
    path("organize/alerts/<int:pk>/retract/", organize.alert_retract, name="retract"),
    path("organize/alerts/<int:pk>/correct/", organize.alert_correct, name="correct"),
    path("organize/alerts/<int:pk>/retry/", organize.alert_retry, name="retry"),
    path("organize/reports/", vetting.report_queue, name="report_queue"),
    path("organize/reports/<int:pk>/", vetting.report_detail, name="report_detail"),
    path("organize/reports/<int:pk>/photo/", vetting.report_photo, name="report_photo"),
    path("organize/reports/<int:pk>/check-in/", vetting.report_check_in, name="report_check_in"),
    path("organize/reports/<int:pk>/alert/", vetting.report_to_alert, name="report_to_alert"),
]
