"""Demo and benchmark data for development: `seed_demo` (make run), `seed_bench` and `bench_alert_fanout`
(make bench). Installed only when DEBUG is on or DEV_DATA_APP=true (aidhub/settings.py): production never has
these commands, nor the accounts with published passwords they make."""
