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

printf '| page | performance | accessibility | total blocking time | largest contentful paint | speed index |\n'
printf '|---|---:|---:|---:|---:|---:|\n'
for path in "${PATHS[@]}"; do
  name=$(echo "$path" | tr -c 'a-z0-9\n' '_' | sed 's/^_*//; s/_*$//')
  "$LIGHTHOUSE" "http://127.0.0.1:$PORT$path" --quiet --form-factor=mobile \
    --only-categories=performance,accessibility \
    --chrome-flags="--headless --no-sandbox --disable-gpu" \
    --output=json --output=html --output-path="$OUT/$name" >/dev/null 2>"$SCRATCH/lighthouse.log" \
    || { cat "$SCRATCH/lighthouse.log" >&2; exit 1; }
  .venv/bin/python - "$OUT/$name.report.json" "$path" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
score = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
audit = report["audits"]
print(
    f"| `{sys.argv[2]}` | {score['performance']} | {score['accessibility']} "
    f"| {audit['total-blocking-time']['numericValue']:.0f} ms "
    f"| {audit['largest-contentful-paint']['numericValue'] / 1000:.1f} s "
    f"| {audit['speed-index']['numericValue'] / 1000:.1f} s |"
)
for name, category in report["categories"].items():
    for ref in category["auditRefs"]:
        found = audit[ref["id"]]
        if ref.get("weight") and found.get("score") is not None and found["score"] < 0.9:
            print(f"  {name}: {ref['id']} scored {found['score']}: {found.get('displayValue', '')}", file=sys.stderr)
PY
done
