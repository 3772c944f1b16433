from aidhub.alerts.models.alerts import Alert, AlertEdit, AlertStateError, AlertText, Delivery
from aidhub.alerts.models.reports import CheckIn, Report
from aidhub.alerts.models.subscribers import Subscriber

__all__ = ["Alert", "AlertEdit", "AlertStateError", "AlertText", "CheckIn", "Delivery", "Report", "Subscriber"]
