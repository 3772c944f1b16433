"""The sample spreadsheet of docs/samples/volunteers-500.csv: 500 made-up volunteers of Eastside Mutual Aid (the
demo organization, which serves Riverside and its neighbourhoods), a few rows wrong on purpose.

Made by `manage.py make_import_sample` with a fixed seed, so that the same file comes out each time. Every address
is at example.org (reserved: no mail reaches anyone). The rows wrong on purpose, by line of the file:"""

import csv
import io
import random

from aidhub.imports.files import COLUMN_NAMES

COUNT = 500
# Line of the file (the header is line 1) → what is wrong there.
BROKEN = {
    7: "bad email",
    58: "unknown category",
    123: "unknown area",
    211: "duplicate",  # the address of line 10 again
    344: "bad email",
    402: "unknown area",
    467: "capacity out of range",
}
DUPLICATE_OF = {211: 10}

FIRST_NAMES = [
    "Ana", "Luis", "María", "José", "Carmen", "Jorge", "Lucía", "Miguel", "Rosa", "Pedro", "Mei", "Wei", "Lan",
    "Minh", "Thảo", "Huy", "Maricel", "Jomar", "Fatima", "Omar", "Layla", "Yusuf", "Amina", "Reza", "Shirin",
    "Dariush", "Jean", "Marie", "Wilfrid", "Nadège", "Claire", "Étienne", "João", "Beatriz", "Thiago", "Olga",
    "Dmitri", "Irina", "Ji-woo", "Min-jun", "Seo-yeon", "Sam", "Grace", "David", "Aisha", "Kofi", "Priya", "Hana",
]  # fmt: skip
LAST_NAMES = [
    "García", "López", "Hernández", "Nguyen", "Tran", "Chen", "Wang", "Santos", "Reyes", "Haddad", "Karimi",
    "Ahmadi", "Joseph", "Pierre", "Dubois", "Silva", "Souza", "Ivanova", "Petrov", "Kim", "Park", "Lee", "Smith",
    "Johnson", "Mensah", "Patel", "Cruz", "Morales", "Rahimi", "Baptiste",
]  # fmt: skip
INTERFACE = ["en", "en", "en", "es", "es", "es", "zh-hans", "vi", "tl", "ar", "fa", "ht", "fr", "pt-br", "ru", "ko"]
SPOKEN = {"zh-hans": "zh", "pt-br": "pt"}
AREAS = ["riverside", "eastside", "westside", "downtown", "north-hills"]
OFFERS = {
    "food": [("Hot meals on weekends", "I cook for up to two families on Saturdays and can deliver nearby.")],
    "rides": [("Rides to appointments", "I have a car with two child seats and can drive to clinics or school.")],
    "childcare": [("Childcare during meetings", "I can watch children during legal aid nights or workshops.")],
    "interpreting": [("Interpreting by phone", "I can interpret by phone for short calls with schools or clinics.")],
    "tutoring_art": [("Homework help", "I help children with homework and reading, in person or online.")],
    "supplies": [("Winter clothes and blankets", "I collect and sort donated clothes and bring them to families.")],
    "housing": [("Help finding housing", "I know the local rental market and can help read leases.")],
    "emotional": [("Someone to talk to", "I am a retired counsellor and can listen, in person or by phone.")],
    "legal": [("Paperwork help", "I am a paralegal and can help fill in forms, with a lawyer's supervision.")],
    "other": [("Moving help", "I can help carry furniture on weekends.")],
}
AVAILABILITY = ["any", "sat-morning;sat-afternoon", "weekdays-evening", "weekend-allday", "mon-evening;wed-evening", ""]


def sample_rows(seed: int = 19) -> list[list[str]]:
    rng = random.Random(seed)  # noqa: S311  # made-up data, the same each time: nothing secret
    rows: list[list[str]] = []
    for line in range(2, COUNT + 2):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        language = rng.choice(INTERFACE)
        spoken = sorted(
            {SPOKEN.get(language, language), "en"} if rng.random() < 0.6 else {SPOKEN.get(language, language)}
        )
        category = rng.choice(list(OFFERS)) if rng.random() < 0.9 else ""
        title, description = rng.choice(OFFERS[category]) if category else ("", "")
        handle = f"{first}.{last}".lower().replace(" ", "")
        row = {
            "email": f"{_ascii(handle)}.{line}@example.org",
            "name": first,
            "language": language,
            "languages": ";".join(spoken),
            "areas": ";".join(rng.sample(AREAS, rng.choice([1, 1, 2]))),
            "category": category,
            "title": title,
            "description": description,
            "availability": rng.choice(AVAILABILITY) if category else "",
            "capacity": str(rng.choice([1, 1, 2, 3])) if category else "",
        }
        problem = BROKEN.get(line)
        if problem == "bad email":
            row["email"] = row["email"].replace("@", " at ")
        elif problem == "unknown category":
            row["category"], row["title"], row["description"] = "gardening", "Garden help", "I can help in gardens."
        elif problem == "unknown area":
            row["areas"] = "springfield"
        elif problem == "capacity out of range":
            row["category"], row["title"], row["description"] = "food", *OFFERS["food"][0]
            row["capacity"] = "80"
        elif problem == "duplicate":
            row["email"] = rows[DUPLICATE_OF[line] - 2][0].upper()
        rows.append([row[name] for name in COLUMN_NAMES])
    return rows


def sample_csv(seed: int = 19) -> str:
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(COLUMN_NAMES)
    writer.writerows(sample_rows(seed))
    return output.getvalue()


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
