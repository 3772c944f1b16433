"""One module per third-party library whose undocumented parts AidHub relies on: the only place that imports
those parts (tests/adapters/test_boundaries.py greps the tree), each with a contract test under tests/adapters/
that names the pinned version when an upgrade breaks what it relies on. Callers use the adapter's functions."""
