"""Where one request of each benchmark page spends its time: pyinstrument around a `django.test.Client` request,
after one warm-up request (caches filled, as the load test sees the page).

  DATABASE_URL=postgres://…/aidhub_bench_s1 CACHE_URL=redis://127.0.0.1:6379/5 python -m bench.profile [name …]

Uses the settings of the environment (as bench/inprocess.py does) and a database seeded by `seed_bench`. Writes
bench/profiles/<page>.txt (the call tree, most expensive first; kept with the results in the repository) and
bench/results/profiles/<page>.html (pyinstrument's viewer, to open locally; not committed) for each page of
bench/pages.py, or only those named.
"""

import os
import re
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "aidhub.settings")
django.setup()

from django.conf import settings  # noqa: E402
from pyinstrument import Profiler  # noqa: E402

from bench import pages as bench_pages  # noqa: E402
from bench.inprocess import _client  # noqa: E402

FOLDER = Path(__file__).parent / "profiles"
VIEWER_FOLDER = Path(__file__).parent / "results" / "profiles"
INTERVAL = 0.0005  # seconds between samples: fine enough for requests of 10–500 ms


def profile(page, ids):
    client = _client(page.role)
    path = page.path.format(**ids)
    client.get(path)  # warm-up: cached fragments and network settings
    profiler = Profiler(interval=INTERVAL)
    profiler.start()
    response = client.get(path)
    profiler.stop()
    if response.status_code != 200:
        raise SystemExit(f"{page.name}: {path} answered {response.status_code}")
    name = re.sub(r"\W+", "-", page.name).strip("-")
    FOLDER.mkdir(exist_ok=True)
    VIEWER_FOLDER.mkdir(parents=True, exist_ok=True)
    (FOLDER / f"{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
    (VIEWER_FOLDER / f"{name}.html").write_text(profiler.output_html(), encoding="utf-8")
    return profiler.last_session.duration


def main(names):
    ids = bench_pages.page_ids()
    database = settings.DATABASES["default"]
    cache = settings.CACHES["default"]["BACKEND"]
    print(f"database {database['ENGINE'].rsplit('.', 1)[-1]} {database.get('NAME')}, cache {cache}")
    for page in bench_pages.PAGES:
        if names and page.name not in names:
            continue
        print(f"{page.name:20} {profile(page, ids) * 1000:8.1f} ms  {page.path.format(**ids)}")


if __name__ == "__main__":
    main(sys.argv[1:])
