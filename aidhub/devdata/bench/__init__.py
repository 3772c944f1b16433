"""Benchmark data, one module per app (`seed(rng, scale, context)`), run in order by `manage.py seed_bench`."""
