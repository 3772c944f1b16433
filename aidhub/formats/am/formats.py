# Date and time formats for Amharic, which Django does not ship. Gregorian calendar dates as Amharic-speaking
# diaspora communities in the US use them (not the Ethiopian calendar), day first as in Ethiopia: 12 ዲሴምበር 2026, 18:30.
from aidhub.formats.day_first import *  # noqa: F403 (the day-first formats, in one place)

FIRST_DAY_OF_WEEK = 0
