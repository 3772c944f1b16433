# Date and time formats for Haitian Creole, which Django does not ship (as in French: 12 desanm 2026, 18:30).
from aidhub.formats.day_first import *  # noqa: F403 (the day-first formats, in one place)

FIRST_DAY_OF_WEEK = 1
