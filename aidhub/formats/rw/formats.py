# Date and time formats for Kinyarwanda, which Django does not ship. Rwanda writes the day before the month
# (CLDR "rw": 12 Ukuboza 2026, 12/12/2026) with a 24-hour clock in writing; the week starts on Monday
# ("Kuwa mbere" is its first day by name).
from aidhub.formats.day_first import *  # noqa: F403 (the day-first formats, in one place)

FIRST_DAY_OF_WEEK = 1
