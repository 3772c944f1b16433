"""Dates day first with the month's name and a 24-hour clock (12 December 2026, 18:30; 12/12/2026): what the
languages Django does not ship write where their readers live, unless their own module says otherwise."""

DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
