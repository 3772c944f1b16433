"""The benchmark's own pieces that can be checked without a load run: its authenticator codes, and the report
saying plainly which target a run missed."""

import copy

from aidhub.lib.adapters import allauth
from bench import pages, report


def test_bench_totp_codes_are_the_ones_allauth_accepts():
    for moment in (0, 1_700_000_000, 1_790_000_015):
        assert pages.totp_code(now=moment) == allauth.totp_code(pages.TOTP_SECRET, at=moment)


def _page(name, role, rps, p99, queries=5):
    return {
        "name": name,
        "role": role,
        "path": "/",
        "rps": rps,
        "p50_ms": 5,
        "p99_ms": p99,
        "errors": 0,
        "cold": queries,
        "warm": queries,
        "share": rps / 1000,
    }


def _scale(scale, help_form_rps=250):
    return {
        "scale": scale,
        "seed_seconds": 10,
        "ceiling": {"rps": 1000, "p50_ms": 1, "p99_ms": 3, "errors": 0},
        "pages": [
            _page("home", "public", 220, 40),
            _page("help form", "public", help_form_rps, 60),
            _page("request queue", "organizer", 90, 200),
            _page("my matches", "volunteer", 85, 120),
        ],
        "worker_rss_mb": [81.5, 84.0, 90.2],
        "database": {"size_mb": 580.0, "help_requests": 200_000, "mb_per_10k_requests": 29.0},
        "suggestions": {
            "volunteers": 20000,
            "published_offers_in_category": 9000,
            "candidates": 300,
            "median_ms": 15,
            "p95_ms": 40,
            "queries": 3,
        },
        "export": {
            "rows": 100_000,
            "megabytes": 6,
            "seconds": 3,
            "tracemalloc_peak_mb": 4,
            "rss_growth_mb": 8,
            "rss_peak_mb": 90,
        },
        "alert": {"reached": 50_000, "deliveries": 50_000, "tasks": 8, "seconds": 1.5, "confirmed_subscribers": 50_000},
    }


def _results(large):
    return {
        "date": "2026-11-22T00:00:00+00:00",
        "machine": {
            "cpus": 2,
            "cpu": "test",
            "memory_gib": 24,
            "python": "3.12",
            "postgres": "PostgreSQL 17",
            "wrk": "wrk 4",
        },
        "settings": {"rounds": 3, "duration_s": 5, "connections": 8, "threads": 2},
        "scales": [_scale(0.1), large],
        "total_seconds": 600,
    }


def _target_row(text, name):
    return next(line for line in text.splitlines() if line.startswith(f"| {name}"))


def test_the_report_says_which_targets_are_met():
    text = report.markdown(_results(_scale(1)))
    assert "| yes |" in _target_row(text, "public pages ≥ 20%, p99 < 100 ms")
    assert "| yes |" in _target_row(text, "organizers' pages ≥ 8%")
    assert "| yes |" in _target_row(text, "volunteers' pages ≥ 8%")
    assert "| yes |" in _target_row(text, "alert queued")
    assert "| yes |" in _target_row(text, "queries per page the same")


def test_the_report_says_which_targets_are_missed():
    large = _scale(1, help_form_rps=80)
    large["alert"]["seconds"] = 12.0
    large["pages"][0]["warm"] += 1
    text = report.markdown(_results(large))
    assert "**no**" in _target_row(text, "public pages")
    assert "help form 8%" in _target_row(text, "public pages")
    assert "**no**" in _target_row(text, "alert queued")
    assert "**no**" in _target_row(text, "queries per page the same")
    slow_public = copy.deepcopy(_scale(1))
    slow_public["pages"][0]["p99_ms"] = 120  # issue 20: public pages answer 99% within 100 ms
    assert "**no**" in _target_row(report.markdown(_results(slow_public)), "public pages")
    few = copy.deepcopy(_scale(1))
    few["pages"][3]["share"] = 0.07
    assert "**no**" in _target_row(report.markdown(_results(few)), "volunteers' pages")
    slow = copy.deepcopy(_scale(1))
    slow["alert"]["reached"] = 40_000
    assert "**no**" in _target_row(report.markdown(_results(slow)), "alert queued")


def test_the_report_gives_the_sizing_figures():
    text = report.markdown(_results(_scale(1)))
    assert "| 81.5–90.2 |" in _target_row(text, "gunicorn worker RSS after the load")
    assert "| 29.0 |" in _target_row(text, "database MB per 10,000 help requests")


def test_issue_20s_in_process_targets_are_judged_at_n_1_and_queries_at_most_eight():
    reference, large = _scale(1), _scale(10)
    reference["suggestions"]["median_ms"] = 25
    large["alert"]["seconds"] = 20.0  # 500,000 subscribers at N=10: not what the 2 s target is about
    results = _results(large)
    results["scales"] = [_scale(0.1), reference, large]
    text = report.markdown(results)
    assert "**no**" in _target_row(text, "suggestions < 20 ms (N=1)")
    assert "| yes |" in _target_row(text, "alert queued to 50,000 subscribers < 2 s (N=1)")
    many = copy.deepcopy(_scale(1))
    many["pages"][0]["warm"] = 9
    assert "**no**" in _target_row(report.markdown(_results(many)), "queries per page (repeat visit)")
