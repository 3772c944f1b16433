"""`make bench`: AidHub under load next to a bare Django ceiling, at two scales (see bench/README.md).

For each scale: a fresh PostgreSQL database filled by `seed_bench`, in-process figures (queries per page,
suggestions, export memory), then AidHub and the ceiling served by gunicorn with gunicorn.conf.py on
127.0.0.1, each page driven by wrk for a bounded time, several rounds, medians. Results go to
bench/results/ (JSON and Markdown) and the terminal.
"""

import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
SCALES = [float(s) for s in os.environ.get("BENCH_SCALES", "0.1,1").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
DURATION = int(os.environ.get("BENCH_DURATION", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
APP_PORT, CEILING_PORT = 8210, 8211
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/5")
REUSE = os.environ.get("BENCH_REUSE") == "1"
# Names of the pages to load (comma-separated, as in bench/pages.py), e.g. "API: public offers"; all by default.
ONLY = [name.strip() for name in os.environ.get("BENCH_PAGES", "").split(",") if name.strip()]

sys.path.insert(0, str(ROOT))
from bench.pages import ACCOUNTS, PASSWORD, totp_code  # noqa: E402
from bench.report import markdown, terminal  # noqa: E402


def log(message):
    print(f"[{datetime.now():%H:%M:%S}] {message}", flush=True)


def database_name(scale):
    return "aidhub_bench_s" + f"{scale:g}".replace(".", "_")


def app_env(scale, **extra):
    """Production-like settings for every AidHub process of this scale (servers, seeding, in-process)."""
    return {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
        "FIELD_ENCRYPTION_KEYS": "bench-only-field-encryption-key",
        "DATABASE_URL": f"{PG}/{database_name(scale)}",
        "CONN_MAX_AGE": "60",
        "CACHE_URL": REDIS.replace("redis://", "rediscache://"),
        "STATIC_MANIFEST": "true",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "TASKS_BACKEND": "database",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_ACCESS_LOG": "",
        "GUNICORN_MAX_REQUESTS": "0",
        # The load comes from one address: the public API's limit per address would answer it 429.
        "API_PUBLIC_RATE": "100000000",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(scale):
    """A fresh database with the bench data; returns the seconds seed_bench took (None when reused)."""
    import psycopg

    name, env = database_name(scale), app_env(scale)
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and REUSE:
            # Migrations added since it was seeded (a new table a middleware reads) must be there too.
            log(f"reusing database {name} (BENCH_REUSE=1), migrated")
            manage(env, "migrate", "--noinput", "-v0")
            return None
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    log(f"migrating {name}")
    manage(env, "migrate", "--noinput", "-v0")
    log(f"seed_bench --scale {scale:g}")
    started = time.perf_counter()
    # The seeders live in the development-data app, which production-like settings leave out; the servers
    # measured afterwards run without it.
    manage({**env, "DEV_DATA_APP": "true"}, "seed_bench", "--scale", str(scale))
    return round(time.perf_counter() - started, 1)


def flush_cache():
    """Empties the bench's own Redis database (never another one), so no scale sees another's fragments."""
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def in_process(scale, what):
    env = app_env(scale, ALLOWED_HOSTS="127.0.0.1,testserver")
    output = subprocess.run(
        [PYTHON, "-m", "bench.inprocess", what], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))


def serve(wsgi_app, port, env):
    command = [str(Path(PYTHON).parent / "gunicorn"), "-c", str(ROOT / "gunicorn.conf.py"), wsgi_app]
    env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}"}
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)


def wait_until_up(port, path, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", path)
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}{path}")


def stop(process):
    """Stops a server and its workers (its own process group, started by this script)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker_memory(server):
    """The resident memory (VmRSS, MiB) of each gunicorn worker of a server: its arbiter's children."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text().splitlines()
        except FileNotFoundError:
            continue  # a worker replaced meanwhile
        kib = next((int(line.split()[1]) for line in status if line.startswith("VmRSS:")), None)
        if kib is not None:
            sizes.append(round(kib / 1024, 1))
    return sorted(sizes)


def sign_in(port, email):
    """Signs in through the real forms (CSRF token included; organizers' authenticator code second); returns
    the Cookie header for wrk."""
    cookies = SimpleCookie()

    def send(method, path, form=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Cookie": "; ".join(f"{key}={morsel.value}" for key, morsel in cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        return response, text

    _response, page = send("GET", "/en/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response, _text = send(
        "POST", "/en/accounts/login/", {"login": email, "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    if response.status == 302 and response.getheader("Location", "").endswith("/accounts/2fa/authenticate/"):
        response, _text = send(
            "POST", "/en/accounts/2fa/authenticate/", {"code": totp_code(), "csrfmiddlewaretoken": token}
        )
        if response.status != 302:
            # A code counts once: wait for the authenticator's next one.
            time.sleep(30 - time.time() % 30 + 1)
            response, _text = send(
                "POST", "/en/accounts/2fa/authenticate/", {"code": totp_code(), "csrfmiddlewaretoken": token}
            )
    # In production the cookie is __Host-sessionid.
    if response.status != 302 or not any(name.endswith("sessionid") for name in cookies):
        raise RuntimeError(f"could not sign in as {email} (status {response.status})")
    return "; ".join(f"{key}={morsel.value}" for key, morsel in cookies.items())


def wrk(url, cookie, seconds):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "5s"]
    command += ["-s", str(ROOT / "bench" / "wrk" / "session.lua"), url]
    output = subprocess.run(
        command, env={**os.environ, "BENCH_COOKIE": cookie or ""}, capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))


def _summary(rounds):
    errors = sum(r[k] for r in rounds for k in ("connect_errors", "read_errors", "status_errors", "timeouts"))
    return {
        "rps": round(statistics.median(_rps(r) for r in rounds), 1),
        "p50_ms": round(statistics.median(r["p50_us"] for r in rounds) / 1000, 1),
        "p99_ms": round(statistics.median(r["p99_us"] for r in rounds) / 1000, 1),
        "errors": errors,
        "rounds": [round(_rps(r), 1) for r in rounds],
    }


def _rps(round_):
    return round_["requests"] / (round_["duration_us"] / 1e6)


def measure(path, cookie=None):
    """ROUNDS pairs of rounds, each a round of the ceiling then one of the page, after a short warm-up.

    The machine may be shared: pairing each page round with a ceiling round just before it, and taking the
    median of the ratios, keeps other work on the machine from counting for or against one page.
    """
    url = f"http://127.0.0.1:{APP_PORT}{path}"
    ceiling_url = f"http://127.0.0.1:{CEILING_PORT}/"
    wrk(url, cookie, 2)
    page_rounds, ceiling_rounds = [], []
    for _ in range(ROUNDS):
        ceiling_rounds.append(wrk(ceiling_url, None, DURATION))
        page_rounds.append(wrk(url, cookie, DURATION))
    result = _summary(page_rounds)
    result["ceiling"] = _summary(ceiling_rounds)
    shares = [_rps(page) / _rps(ceiling) for page, ceiling in zip(page_rounds, ceiling_rounds, strict=True)]
    result["share"] = round(statistics.median(shares), 4)
    return result


def bench_scale(scale):
    result = {"scale": scale, "seed_seconds": prepare_database(scale)}
    # The machine may be shared: the load before and after says whether other work competed for the CPUs.
    result["load_before"] = round(os.getloadavg()[0], 2)
    flush_cache()
    log("in-process figures: queries per page, suggestions")
    result.update(in_process(scale, "pages"))
    log("in-process figures: streamed CSV export")
    result["export"] = in_process(scale, "export")
    log("in-process figures: queueing an alert to every confirmed subscriber")
    result["alert"] = in_process(scale, "alert")
    env = app_env(scale)
    servers = [
        serve("aidhub.wsgi:application", APP_PORT, env),
        serve("bench.ceiling.wsgi:application", CEILING_PORT, env),
    ]
    try:
        wait_until_up(APP_PORT, "/readyz")
        wait_until_up(CEILING_PORT, "/")
        cookies = {"public": None, **{role: sign_in(APP_PORT, email) for role, email in ACCOUNTS.items()}}
        wrk(f"http://127.0.0.1:{CEILING_PORT}/", None, 2)
        if ONLY:
            result["pages"] = [page for page in result["pages"] if page["name"] in ONLY]
        for page in result["pages"]:
            log(f"{page['name']}: {page['path']} ({ROUNDS} × {DURATION} s, each after {DURATION} s of the ceiling)")
            page.update(measure(page["path"], cookies[page["role"]]))
        # The ceiling's figures: the median over all its rounds of this scale.
        ceiling_rounds = [page["ceiling"] for page in result["pages"]]
        result["ceiling"] = {
            key: round(statistics.median(c[key] for c in ceiling_rounds), 1) for key in ("rps", "p50_ms", "p99_ms")
        }
        result["ceiling"]["errors"] = sum(c["errors"] for c in ceiling_rounds)
        # After every page's load: what each worker grew to (docs/operations.md's sizing: memory per worker).
        result["worker_rss_mb"] = worker_memory(servers[0])
    finally:
        for server in servers:
            stop(server)
    result["load_after"] = round(os.getloadavg()[0], 2)
    return result


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install -y wrk (see bench/README.md)")
    started = time.perf_counter()
    # Static files and catalogs need no database.
    env = app_env(SCALES[0], DATABASE_URL="sqlite:///:memory:")
    log("compile_catalogs, collectstatic")
    manage(env, "compile_catalogs")
    manage(env, "collectstatic", "--noinput", "-v0")
    results = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {"rounds": ROUNDS, "duration_s": DURATION, "connections": CONNECTIONS, "threads": 2},
        "scales": [bench_scale(scale) for scale in SCALES],
    }
    results["total_seconds"] = round(time.perf_counter() - started)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2))
    (RESULTS / "latest.md").write_text(markdown(results))
    print(terminal(results))
    log(f"done in {results['total_seconds']} s; bench/results/latest.md holds the tables")


def machine():
    import psycopg

    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "")
    meminfo = Path("/proc/meminfo").read_text().splitlines()
    memory_kib = int(next(line.split()[1] for line in meminfo if line.startswith("MemTotal")))
    with psycopg.connect(f"{PG}/postgres") as connection:
        postgres = connection.execute("SHOW server_version").fetchone()[0].split()[0]
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(memory_kib / 1024 / 1024),
        "python": sys.version.split()[0],
        "postgres": f"PostgreSQL {postgres}",
        "wrk": subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("[")[0].strip(),
    }


if __name__ == "__main__":
    main()
