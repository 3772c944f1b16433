# Date and time formats for Somali, which Django does not ship. Somalia, Somaliland, Djibouti and Ethiopia's
# Somali Region write the day before the month (CLDR "so": 12 Desembar 2026, 12/12/2026) and use a 24-hour clock
# in writing; the week starts on Monday as in the other formats of this site (CLDR gives Monday for Somalia too).
from aidhub.formats.day_first import *  # noqa: F403 (the day-first formats, in one place)

FIRST_DAY_OF_WEEK = 1
