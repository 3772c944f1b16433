"""AidHub settings, read from environment variables (see the README's configuration table)."""

from email.utils import parseaddr
from pathlib import Path
from typing import Any

import django_stubs_ext
import environ
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

# Generic Django classes (forms.ModelForm[Offer], admin.ModelAdmin[Event]) written for the type checker work at run
# time too.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# A local .env file is optional; real deployments set variables in the environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

# A fixed key is only acceptable for local development: sessions and tokens signed with it are forgeable.
DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default=DEV_SECRET_KEY if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set SECRET_KEY (a long random string) when DEBUG is off.")
# Older keys still accepted while rotating (see the README).
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])

# Personal data of families and subscribers is encrypted at rest (django-fernet-encrypted-fields) with keys
# derived from SECRET_KEY and these salts; the first salt encrypts, all of them decrypt (for rotation).
# Lookups on encrypted values use keyed hashes from the first salt (aidhub.lib.crypto).
DEV_FIELD_ENCRYPTION_KEY = "dev-only-field-encryption-salt"
SALT_KEY = env.list("FIELD_ENCRYPTION_KEYS", default=[DEV_FIELD_ENCRYPTION_KEY] if DEBUG else [])
if not SALT_KEY:
    raise ImproperlyConfigured("Set FIELD_ENCRYPTION_KEYS (a long random string) when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Public address of the site, used in links inside emails and text messages.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_NAME = env.str("SITE_NAME", default="AidHub")
# The name people know the network by: the sender's name of every email and the greeting of account emails
# (never the host name).
NETWORK_NAME = env.str("NETWORK_NAME", default=SITE_NAME)
# The network's phone line (hotline, text line), shown in the footer and on printed flyers when set.
NETWORK_PHONE = env.str("NETWORK_PHONE", default="")
# The network's email address for people who meet a barrier on the site (the accessibility page), when set.
NETWORK_EMAIL = env.str("NETWORK_EMAIL", default="")

INSTALLED_APPS = [
    "aidhub.apps.AidHubAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    "aidhub.core",
    "aidhub.messaging",
    "aidhub.accounts",
    "aidhub.offers",
    "aidhub.needs",
    "aidhub.matching",
    "aidhub.alerts",
    "aidhub.events",
    "aidhub.resources",
    "aidhub.phone",
    "aidhub.callouts",
    "aidhub.imports",
    "aidhub.insights",
    "aidhub.api",
    "aidhub.portal",
    # Translators' catalog editor (aidhub/catalogs wraps its views); after our apps, so that our templates of it win.
    "rosetta",
    "aidhub.catalogs",
]
# Demo and benchmark data (aidhub/devdata: seed_demo, seed_bench, bench_alert_fanout) make accounts whose passwords
# are published: only development has them. Installed when DEBUG is on (make run) or DEV_DATA_APP=true (the tests
# and the benchmark's seeding, which run with DEBUG off); `check --deploy` warns if production has it anyway.
DEV_DATA_APP = env.bool("DEV_DATA_APP", default=DEBUG)
if DEV_DATA_APP:
    INSTALLED_APPS.append("aidhub.devdata")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages are compressed for phones on prepaid data (static files come compressed from WhiteNoise, above). Django's
    # gzip adds random bytes to every response against BREACH, and CSRF tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Translations corrected in the browser, in every process, before the request's language is activated.
    "aidhub.catalogs.live.CatalogCorrectionsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "aidhub.core.middleware.RememberLanguageMiddleware",
    # Errors under /api/ as problem documents (RFC 9457), CSRF's refusal and the 500 page included.
    "aidhub.api.problems.ProblemsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which organizations and areas the person organizes for: asked once per request (aidhub.core.selectors).
    "aidhub.core.middleware.OrganizerScopeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "aidhub.core.security.SecurityHeadersMiddleware",
    "aidhub.core.security.OrganizerSessionMiddleware",
]

ROOT_URLCONF = "aidhub.urls"
WSGI_APPLICATION = "aidhub.wsgi.application"
ASGI_APPLICATION = "aidhub.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "aidhub.core.context_processors.site",
                "aidhub.portal.context_processors.organizer_work",
            ],
            "builtins": ["django.templatetags.i18n"],
        },
    },
]

# Widgets may use project templates (the availability grid does).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite needs no set-up for a first run; production and CI use PostgreSQL through DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles any query whose estimated cost passes a threshold: with a few hundred thousand
    # rows, the suggestions and dashboard queries spent 40 ms compiling to save nothing (EXPLAIN ANALYZE in
    # bench/RESULTS.md). Short web queries never win from it. A DATABASE_URL ?options=... replaces this.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
# A read replica (PostgreSQL streaming replication) for the dashboard, charts and exports (aidhub/lib/replica.py).
# Tests never make a second test database for it: it mirrors the primary's.
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].update(
        {
            "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": {**DATABASES["default"].get("OPTIONS", {}), **DATABASES["replica"].get("OPTIONS", {})},
            "TEST": {"MIRROR": "default"},
        }
    )
DATABASE_ROUTERS = ["aidhub.lib.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every worker process (rate limits, anti-bot challenges, cached page fragments): the
# database by default (the table is made by a migration, core 0004), a shared Redis (CACHE_URL=
# rediscache://host:6379/1, Django's built-in backend) when configured.
CACHES = {"default": env.cache("CACHE_URL", default="dbcache://aidhub_cache")}
CACHES["default"]["KEY_FUNCTION"] = "aidhub.lib.crypto.cache_key"
REDIS_CACHE = "aidhub.lib.adapters.rediscache.RedisCache"
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's Redis cache, keeping one client per server (aidhub/lib/adapters/rediscache.py says why).
    CACHES["default"]["BACKEND"] = REDIS_CACHE
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    # Django's default of 300 entries would drop used anti-bot challenges (letting a form be replayed) and rate
    # counters under load; expired rows are culled anyway.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 100_000)
# Several sites (or test runs) sharing one Redis database keep apart by a prefix.
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="")
# Sessions live in the database; with a shared Redis, each request reads its session from the cache (written
# through to the database). With a cache of one process, never: another process would keep a signed-out
# session alive in its own memory.
SESSION_ENGINE = env.str(
    "SESSION_ENGINE",
    default="django.contrib.sessions.backends.cached_db"
    if CACHES["default"]["BACKEND"] == REDIS_CACHE
    else "django.contrib.sessions.backends.db",
)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "portal:dashboard"

# django-allauth: email is the only identifier; accounts must confirm their address.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_ADAPTER = "aidhub.accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{NETWORK_NAME}] "
# Confirming the email address signs the new volunteer in (in the browser they signed up in): no second sign-in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Changing email, password or two-factor asks for the password again if the last sign-in is older than 5 minutes.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
MFA_ADAPTER = "aidhub.accounts.adapter.MFAAdapter"
# Wrong passwords count per account and source, so that nobody locks an organizer out from elsewhere, with a
# ceiling per account from everywhere against guessing from many addresses (aidhub/accounts/lockout.py; the numbers
# are explained in docs/operations.md). When the ceiling is reached, the owner signs in with a code sent to their
# email; organizers still give their second factor after it.
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_RATE_LIMITS = {
    # Key: the account and the client's address. 10 a minute from one address for all accounts together.
    "sign_in_failed": "10/m/ip,5/5m/key,30/d/key",
    # Key: the account. One address alone (30 a day) never reaches it; ten addresses guessing all day do.
    "sign_in_failed_account": "300/d/key",
    # Emailed sign-in codes. Key: the account and the client's address.
    "request_login_code_source": "20/m/ip,3/m/key,6/h/key",
    # Key: the account (allauth's own count), from everywhere: nobody's mailbox is flooded with codes.
    "request_login_code": "20/m/ip,20/h/key",
}
ACCOUNT_FORMS = {"request_login_code": "aidhub.accounts.forms.RequestLoginCodeForm"}
# Behind a reverse proxy every visitor comes from 127.0.0.1: with the proxy's X-Forwarded-For (one address)
# and TRUSTED_PROXY_COUNT=1, allauth's per-address rate limits count each visitor, not everyone together.
# The address is used for those counters only (keys in the shared cache that expire in minutes), never logged.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = SITE_NAME
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
# Local demos only (allauth refuses it unless DEBUG is on): the demo organizer's second factor.
MFA_TOTP_INSECURE_BYPASS_CODE = env.str("MFA_TOTP_INSECURE_BYPASS_CODE", default="") if DEBUG else None

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Internationalisation: these are the interface languages, each named in itself for the language menu;
# people may speak many more (core.Language).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
    ("vi", "Tiếng Việt"),
    ("tl", "Tagalog"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("fa-af", "دری"),
    ("ps", "پښتو"),
    ("ur", "اردو"),
    ("ckb", "کوردی"),
    ("ht", "Kreyòl ayisyen"),
    ("fr", "Français"),
    ("pt-br", "Português"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("tr", "Türkçe"),
    ("ko", "한국어"),
    ("so", "Soomaali"),
    ("am", "አማርኛ"),
    ("ti", "ትግርኛ"),
    ("sw", "Kiswahili"),
    ("rw", "Ikinyarwanda"),
    ("hi", "हिन्दी"),
    ("pa", "ਪੰਜਾਬੀ"),
    ("bn", "বাংলা"),
    ("ne", "नेपाली"),
    ("my", "မြန်မာ"),
    ("hmn", "Hmoob"),
]
# Written right to left: six interface languages (and Hebrew, should it be added).
LANGUAGES_BIDI = ["ar", "fa", "fa-af", "ps", "ur", "ckb", "he"]
# Languages Django does not know, in one place: code, English name, name in itself, direction. Dari is written
# "fa-af" (Persian of Afghanistan), so gettext falls back to Persian for Django's and allauth's own strings.
for _code, _name, _local in [
    ("tl", "Tagalog", "Tagalog"),
    ("fa-af", "Dari", "دری"),
    ("ps", "Pashto", "پښتو"),
    ("so", "Somali", "Soomaali"),
    ("am", "Amharic", "አማርኛ"),
    ("ti", "Tigrinya", "ትግርኛ"),
    ("rw", "Kinyarwanda", "Ikinyarwanda"),
    ("hmn", "Hmong", "Hmoob"),
]:
    LANG_INFO[_code] = {"bidi": _code in LANGUAGES_BIDI, "code": _code, "name": _name, "name_local": _local}
# locale/ holds AidHub's own catalogs (made by `make messages`); locale_extra/ fills in Django's and allauth's
# strings for interface languages those projects do not translate (Tagalog, and allauth in Vietnamese).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_extra"]
# Date formats for languages Django does not ship (Haitian Creole, Tagalog).
FORMAT_MODULE_PATH = ["aidhub.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="America/Los_Angeles")

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_MANIFEST = env.bool("STATIC_MANIFEST", default=not DEBUG)
# Without collected files (development, tests), WhiteNoise serves straight from the source folders.
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not STATIC_MANIFEST
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`; development and tests serve the sources.
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")

# Email: console by default, so a first run prints messages instead of sending them. Printed and written emails
# go through AidHub's versions of those backends, which leave out phone numbers, addresses and private links.
# With DEBUG off, `check --deploy` refuses every backend that does not send (aidhub.messaging.checks).
_email = env.email_url("EMAIL_URL", default="consolemail://")
PRINTING_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend": "aidhub.messaging.mail.ConsoleEmailBackend",
    "django.core.mail.backends.filebased.EmailBackend": "aidhub.messaging.mail.FileEmailBackend",
}
_smtp_options = {
    "host": _email["EMAIL_HOST"],
    "port": _email["EMAIL_PORT"],
    "username": _email["EMAIL_HOST_USER"],
    "password": _email["EMAIL_HOST_PASSWORD"],
    "use_tls": _email.get("EMAIL_USE_TLS"),
    "use_ssl": _email.get("EMAIL_USE_SSL"),
    "timeout": 20,
}
MAILERS = {
    "default": {
        "BACKEND": PRINTING_EMAIL_BACKENDS.get(_email["EMAIL_BACKEND"], _email["EMAIL_BACKEND"]),
        "OPTIONS": (
            {key: value for key, value in _smtp_options.items() if value is not None}
            if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
            else {"file_path": _email["EMAIL_FILE_PATH"]}
            if _email["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
            else {}
        ),
    }
}
# The address comes from DEFAULT_FROM_EMAIL, the name shown from NETWORK_NAME: "Eastside Mutual Aid <aid@…>".
# Django encodes a name outside ASCII itself when it sends.
_FROM_ADDRESS = parseaddr(env.str("DEFAULT_FROM_EMAIL", default="noreply@localhost"))[1]
_FROM_NAME = NETWORK_NAME.replace("\\", "\\\\").replace('"', '\\"')
DEFAULT_FROM_EMAIL = f'"{_FROM_NAME}" <{_FROM_ADDRESS}>'
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Text messages: twilio (Twilio's API) or disabled (the network sends none) in production; console (prints),
# file (writes to SMS_FILE_PATH) and locmem (tests) for development, which `check --deploy` refuses when DEBUG is
# off. Printed and written messages leave out phone numbers and private links.
SMS_BACKENDS = {
    "twilio": "aidhub.messaging.sms.TwilioBackend",
    "disabled": "aidhub.messaging.sms.DisabledBackend",
    "console": "aidhub.messaging.sms.ConsoleBackend",
    "file": "aidhub.messaging.sms.FileBackend",
    "locmem": "aidhub.messaging.sms.LocmemBackend",
}
# Without a choice, development prints and production sends nothing: every text is refused (and counted as
# failed) until SMS_BACKEND is set, and `check --deploy` says so.
_sms_choice = env.str("SMS_BACKEND", default="console" if DEBUG else "")
if _sms_choice and _sms_choice not in SMS_BACKENDS:
    raise ImproperlyConfigured(f"SMS_BACKEND must be one of: {', '.join(SMS_BACKENDS)}.")
SMS_BACKEND = SMS_BACKENDS[_sms_choice] if _sms_choice else "aidhub.messaging.sms.NotConfiguredBackend"
SMS_FILE_PATH = env.path("SMS_FILE_PATH", default=BASE_DIR / "sent-sms")
# Twilio: the account's credentials and the number (or messaging service) texts come from. The auth token
# also checks the signature of inbound texts (replies such as STOP) at /hooks/alerts/twilio/sms/.
TWILIO_ACCOUNT_SID = env.str("TWILIO_ACCOUNT_SID", default="")
TWILIO_AUTH_TOKEN = env.str("TWILIO_AUTH_TOKEN", default="")
TWILIO_FROM_NUMBER = env.str("TWILIO_FROM_NUMBER", default="")
if SMS_BACKEND.endswith("TwilioBackend") and not (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER):
    raise ImproperlyConfigured("SMS_BACKEND=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER.")
# Phone numbers typed without a country code are read as numbers of this country (ISO 3166 code).
PHONE_DEFAULT_REGION = env.str("PHONE_DEFAULT_REGION", default="US")
# What the text line takes before it answers only once, "try later or call" (aidhub/phone/limits.py,
# docs/operations.md): messages an hour and new conversations a day from one number, and new conversations an
# hour from all numbers together. Keywords (STOP, START, HELP…) always work.
PHONE_MESSAGES_PER_HOUR = env.int("PHONE_MESSAGES_PER_HOUR", default=60)
PHONE_CONVERSATIONS_PER_DAY = env.int("PHONE_CONVERSATIONS_PER_DAY", default=5)
PHONE_CONVERSATIONS_PER_HOUR = env.int("PHONE_CONVERSATIONS_PER_HOUR", default=200)

# Background work through Django's Tasks API. "immediate" runs a task inside the request (first runs, tests);
# production uses the database backend and `manage.py db_worker`, or Redis with RQ ("rq") past one database.
TASK_BACKENDS = {
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
    "dummy": "django.tasks.backends.dummy.DummyBackend",
    "rq": "django_tasks_rq.RQBackend",
}
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")
TASKS: dict[str, dict[str, Any]] = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND]}}
if TASKS_BACKEND == "rq":
    # The queue in Redis (a Redis of its own, or its own database, with persistence: `appendonly yes`), worked by
    # `manage.py rqworker default --job-class django_tasks_rq.Job` on any number of machines (docs/operations.md).
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    # RQ stops a job after 180 s unless told otherwise; an alert's sending task runs until every message of its
    # share is sent (minutes for tens of thousands), and a job stopped half-way strands its claimed message.
    RQ_QUEUES = {
        "default": {
            "URL": env.str("TASKS_REDIS_URL", default="redis://127.0.0.1:6379/2"),
            "DEFAULT_TIMEOUT": env.int("TASKS_TIMEOUT_SECONDS", default=3600),
        }
    }
    TASKS["default"]["QUEUES"] = ["default"]

# Security defaults. Production-only cookie and TLS settings follow DEBUG.
# Rosetta (translators' catalog editor, aidhub/catalogs): only our catalogs, behind our access rules; no
# machine-translation suggestions (they would send the words to other companies); its own file check skipped (it
# leaves a temporary file behind on each look-up).
ROSETTA_ACCESS_CONTROL_FUNCTION = "aidhub.catalogs.access.may_translate_somewhere"
ROSETTA_ENABLE_TRANSLATION_SUGGESTIONS = False
ROSETTA_SHOW_AT_ADMIN_PANEL = False
ROSETTA_CASE_SENSITIVE_FILESYSTEM = True
ROSETTA_MESSAGES_PER_PAGE = 20
ROSETTA_POFILENAMES = ("django.po",)
ROSETTA_STORAGE_CLASS = "rosetta.storage.DummyRosettaStorage"

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The proof of work of public forms runs in a worker loaded from our own static files (issue 16).
    "worker-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Health checks from a load balancer or process manager reach the app over plain http on a private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # __Host- cookies are only accepted over https, for this exact host and path /.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Error reports never carry what people typed, their cookies or their addresses.
DEFAULT_EXCEPTION_REPORTER = "aidhub.core.errors.PrivacyExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "aidhub.core.errors.PrivacyExceptionReporterFilter"

# Logs go to stderr; they never carry request bodies or client addresses. Every record passes through one filter
# (aidhub/lib/redaction.py): the paths Django logs ("Not Found: /…", "Forbidden (CSRF …): /…") lose private
# links' tokens, phone numbers are masked, and line breaks are escaped so that no visitor can write a line.
# Django's own handlers are replaced by these: its "django" logger writes through the root's, and the development
# server's request lines through "server".
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private": {"()": "aidhub.lib.redaction.RedactingFilter"}},
    "formatters": {
        "server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["private"]},
        "server": {"class": "logging.StreamHandler", "formatter": "server", "filters": ["private"]},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
    },
}

# Domain settings. Settings that administrators change live in the admin (core.NetworkSettings).
OFFERS_PER_PAGE = 20
ORGANIZATIONS_PER_PAGE = 20
REQUESTS_PER_PAGE = 25

# Public forms: rate limits and the proof-of-work puzzle (aidhub/lib/antibot.py).
# The client's address is found like allauth's (TRUSTED_PROXY_COUNT) and only hashed into short-lived cache keys.
ANTIBOT_DIFFICULTY = env.int("ANTIBOT_DIFFICULTY", default=15)  # zero bits: about 2^15 hashes in the browser
ANTIBOT_MAX_AGE = 3600  # seconds a form may stay open
# Without JavaScript, the small sum counts only this many seconds after the form was shown (a person needs more).
ANTIBOT_NOJS_WAIT = env.int("ANTIBOT_NOJS_WAIT", default=15)
# (attempts per browser, attempts per address, seconds). One address may be a shelter or a school behind one
# router: it gets several browsers' worth, while one browser gets what one person needs.
ANTIBOT_RATES = {
    "needs.ask": (10, 50, 3600),
    "needs.find": (10, 30, 3600),
    "events.booking": (10, 50, 3600),
    "events.registration": (10, 50, 3600),
    "events.pledge": (10, 50, 3600),
    "alerts.subscribe": (10, 50, 3600),
    "alerts.confirm": (20, 100, 3600),
    "alerts.report": (5, 25, 3600),
}
# A public form that meets a contact it knows sends that contact its private link again, at most this often a day.
PUBLIC_FORM_RESENDS_PER_DAY = 3

# Alerts.
ALERTS_PER_PAGE = 20
REPORTS_PER_PAGE = 30
# Delivery of alerts: attempts per message, first retry delay (doubling each time), how long a message may be
# "being sent" before a restarted worker counts it as interrupted, and how many tasks share one alert.
ALERTS_SEND_MAX_ATTEMPTS = 4
ALERTS_RETRY_DELAY_SECONDS = 60
ALERTS_SENDING_LEASE_SECONDS = 600
ALERTS_PARALLEL_TASKS = env.int("ALERTS_PARALLEL_TASKS", default=4)
# A subscriber's confirmation code: minutes it stays valid, wrong tries allowed, codes sent per day.
ALERTS_CONFIRM_MINUTES = 60
ALERTS_CONFIRM_MAX_TRIES = 5
ALERTS_CONFIRM_MAX_SENDS = 3
# Photos with community reports: the largest upload, and the longest side kept after re-encoding.
REPORT_PHOTO_MAX_BYTES = 8 * 1024 * 1024
REPORT_PHOTO_MAX_PIXELS = 40_000_000
REPORT_PHOTO_MAX_SIDE = 1600
EVENTS_PER_PAGE = 20
# Resources library: files organizers upload (PDF or pictures) and the longest side kept of a picture.
RESOURCES_PER_PAGE = 20
RESOURCE_FILE_MAX_BYTES = 10 * 1024 * 1024
RESOURCE_IMAGE_MAX_PIXELS = 40_000_000
RESOURCE_IMAGE_MAX_SIDE = 2400

# The REST API (aidhub/api, docs/api.md): requests per token (organizers' endpoints) and per address (public
# endpoints) in a window of seconds; the 429 answer says when to try again.
# API_PUBLIC_RATE and API_TOKEN_RATE change the counts (the benchmark loads /api/public/offers from one address).
API_RATES = {
    "token": (env.int("API_TOKEN_RATE", default=600), 600),
    "public": (env.int("API_PUBLIC_RATE", default=300), 600),
}

# Urgent call-outs to volunteers (aidhub.callouts). A volunteer gets at most this many in 7 days; texts are not
# sent in the quiet hours (from START to END o'clock, TIME_ZONE): they wait for the morning in the task queue
# (a backend that can run tasks later, such as the database one), or, where it cannot, the call-out goes by
# email only. A YES or NO by text answers call-outs sent to that number in the last CALLOUT_REPLY_DAYS days.
CALLOUTS_PER_VOLUNTEER_PER_WEEK = env.int("CALLOUTS_PER_VOLUNTEER_PER_WEEK", default=3)
CALLOUT_QUIET_HOURS_START = env.int("CALLOUT_QUIET_HOURS_START", default=21)
CALLOUT_QUIET_HOURS_END = env.int("CALLOUT_QUIET_HOURS_END", default=8)
CALLOUT_REPLY_DAYS = 3
CALLOUTS_PER_PAGE = 20
