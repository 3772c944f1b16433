# Date and time formats for Pashto, which Django does not ship. Pashto is read mostly in Afghanistan (and Pakistan):
# day, month name, year, as in Afghan Pashto print and CLDR (12 دسمبر 2026، 18:30); short dates day/month/year;
# the week starts on Saturday, as in Afghanistan (and in Django's Persian formats).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 6
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
