"""Demo data for a first look, one module per app (`seed(**context)`), run in order by `manage.py seed_demo`."""
