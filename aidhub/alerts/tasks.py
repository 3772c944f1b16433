from django.tasks import task

from aidhub.alerts.messages import AlertMessages
from aidhub.alerts.services.sending import load_alert, next_retry, send_due


@task
def send_deliveries(alert_id: int, kind: str) -> int:
    """Sends what is due for one alert; schedules itself again for messages waiting to be retried."""
    alert = load_alert(alert_id)
    sent = send_due(alert_id=alert_id, kind=kind, renderer=AlertMessages(alert, kind))
    due = next_retry(alert_id, kind)
    if due is not None and send_deliveries.get_backend().supports_defer:
        send_deliveries.using(run_after=due).enqueue(alert_id=alert_id, kind=kind)
    return sent
