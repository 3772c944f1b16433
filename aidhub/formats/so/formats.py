# Date and time formats for Somali, which Django does not ship. Somalia, Somaliland, Djibouti and Ethiopia's
# Somali Region write the day before the month (CLDR "so": 12 Desembar 2026, 12/12/2026) and use a 24-hour clock
# in writing; the week starts on Monday as in the other formats of this site (CLDR gives Monday for Somalia too).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
