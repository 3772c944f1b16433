"""The ceiling: a bare one-view Django application, served by the same gunicorn settings as AidHub.

No database, no middleware, no templates: what Django itself costs per request on this machine. AidHub's
pages are reported as a fraction of its requests per second.
"""

SECRET_KEY = "bench-ceiling-not-a-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.ceiling.urls"
WSGI_APPLICATION = "bench.ceiling.wsgi.application"
INSTALLED_APPS = []
MIDDLEWARE = []
DATABASES = {}
USE_I18N = False
USE_TZ = True
