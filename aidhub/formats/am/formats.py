# Date and time formats for Amharic, which Django does not ship. Gregorian calendar dates as Amharic-speaking
# diaspora communities in the US use them (not the Ethiopian calendar), day first as in Ethiopia: 12 ዲሴምበር 2026, 18:30.
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 0
