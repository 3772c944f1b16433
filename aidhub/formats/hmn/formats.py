# Date and time formats for White Hmong, which Django does not ship. Gregorian calendar dates as Hmong diaspora
# communities in the US use them: month names "Ib Hlis"… "Kaum Ob Hlis", short dates month first as in the US,
# weeks starting on Sunday (Hnub Xya): 12 Kaum Ob Hlis 2026, 18:30; 12/06/2026.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "m/d/Y"
SHORT_DATETIME_FORMAT = "m/d/Y H:i"
FIRST_DAY_OF_WEEK = 0
