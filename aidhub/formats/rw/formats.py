# Date and time formats for Kinyarwanda, which Django does not ship. Rwanda writes the day before the month
# (CLDR "rw": 12 Ukuboza 2026, 12/12/2026) with a 24-hour clock in writing; the week starts on Monday
# ("Kuwa mbere" is its first day by name).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
