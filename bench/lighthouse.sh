#!/usr/bin/env bash
# Lighthouse (mobile form factor, its default simulated throttling) on the help form in Spanish and Arabic, served
# as in production: gunicorn with gunicorn.conf.py, DEBUG=false, collected static files served by WhiteNoise, the
# demo data in a scratch SQLite database. Issue 16's targets: performance >= 95, accessibility 100, total
# blocking time < 200 ms.
#
#   bench/lighthouse.sh [path ...]        default: /es/help/ /ar/help/
#
# Needs Debian's chromium (/usr/bin/chromium) and Lighthouse from npm, installed outside the project:
#   mkdir -p /work/tools/lh && cd /work/tools/lh && npm install lighthouse
# (LIGHTHOUSE=/path/to/lighthouse overrides where it is found). Reports go to bench/results/lighthouse/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
LIGHTHOUSE=${LIGHTHOUSE:-/work/tools/lh/node_modules/.bin/lighthouse}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/es/help/ /ar/help/)
OUT=$ROOT/bench/results/lighthouse
mkdir -p "$OUT"
SCRATCH=$(mktemp -d)
PORT=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

export DEBUG=false
export SECRET_KEY="lighthouse-scratch-secret-key-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export FIELD_ENCRYPTION_KEYS="lighthouse-scratch-field-key"
export DATABASE_URL="sqlite:///$SCRATCH/lighthouse.sqlite3"
export CACHE_URL="locmemcache://lighthouse"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false
export TASKS_BACKEND=immediate SMS_BACKEND=locmem EMAIL_URL=memorymail://
export WEB_CONCURRENCY=2
export GUNICORN_ACCESS_LOG=$SCRATCH/access.log

.venv/bin/python manage.py compile_catalogs >/dev/null
.venv/bin/python manage.py collectstatic --noinput -v0
.venv/bin/python manage.py migrate --noinput -v0
DEV_DATA_APP=true .venv/bin/python manage.py seed_demo >/dev/null

.venv/bin/gunicorn -c gunicorn.conf.py --bind "127.0.0.1:$PORT" --no-control-socket >"$SCRATCH/gunicorn.log" 2>&1 &
GUNICORN=$!
trap 'kill $GUNICORN 2>/dev/null; wait $GUNICORN 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.2
done

RUNS=${RUNS:-3}
for path in "${PATHS[@]}"; do
  name=$(echo "$path" | tr -c 'a-z0-9\n' '_' | sed 's/^_*//; s/_*$//')
  for run in $(seq "$RUNS"); do
    "$LIGHTHOUSE" "http://127.0.0.1:$PORT$path" --quiet --form-factor=mobile \
      --only-categories=performance,accessibility \
      --chrome-flags="--headless --no-sandbox --disable-gpu" \
      --output=json --output=html --output-path="$OUT/$name-$run" >/dev/null 2>"$SCRATCH/lighthouse.log" \
      || { cat "$SCRATCH/lighthouse.log" >&2; exit 1; }
  done
done

# One line per page: the run of median performance, and the range of every run (a busy machine slows a run).
.venv/bin/python - "$OUT" "$RUNS" "${PATHS[@]}" <<'PY'
import json, statistics, sys
from pathlib import Path

out, runs, paths = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
print(f"Lighthouse {json.loads(next(out.glob('*.report.json')).read_text())['lighthouseVersion']}, mobile, "
      f"default (simulated) throttling, {runs} run(s) per page; the run of median performance is shown.\n")
print("| page | performance | accessibility | total blocking time | largest contentful paint | speed index "
      "| performance, all runs | total blocking time, all runs |")
print("|---|---:|---:|---:|---:|---:|---|---|")
for path in paths:
    name = path.strip("/").replace("/", "_")
    reports = [json.loads((out / f"{name}-{run}.report.json").read_text()) for run in range(1, runs + 1)]
    def perf(report):
        return round(report["categories"]["performance"]["score"] * 100)
    def tbt(report):
        return report["audits"]["total-blocking-time"]["numericValue"]
    median = sorted(reports, key=perf)[len(reports) // 2]
    audit = median["audits"]
    print(
        f"| `{path}` | {perf(median)} | {round(median['categories']['accessibility']['score'] * 100)} "
        f"| {tbt(median):.0f} ms | {audit['largest-contentful-paint']['numericValue'] / 1000:.1f} s "
        f"| {audit['speed-index']['numericValue'] / 1000:.1f} s "
        f"| {', '.join(str(perf(r)) for r in reports)} | {', '.join(f'{tbt(r):.0f}' for r in reports)} ms |"
    )
PY
