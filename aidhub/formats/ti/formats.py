# Date and time formats for Tigrinya, which Django does not ship. Gregorian calendar dates as Tigrinya-speaking
# diaspora communities in the US use them (Eritrean usage: Gregorian months named ጥሪ, ለካቲት…; not the Ethiopian
# calendar), day first as in Eritrea and Ethiopia: 12 ታሕሳስ 2026, 18:30.
from aidhub.formats.day_first import *  # noqa: F403 (the day-first formats, in one place)

FIRST_DAY_OF_WEEK = 1
