"""Settings of the processes tests/test_rq_fanout.py starts: AidHub's own, with the task queue in Redis (RQ) and
text messages counted per number in Redis instead of sent, so the test can say who got how many."""

from aidhub.settings import *  # noqa: F403

SMS_BACKEND = "tests.rq_fanout.backend.CountingBackend"
