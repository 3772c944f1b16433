from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import AreaFactory

SAMPLE = Path(__file__).resolve().parents[2] / "docs" / "samples" / "volunteers-500.csv"


@pytest.fixture
def riverside_areas(city, eastside):
    """The neighbourhoods of Riverside that the sample file names (Eastside Mutual Aid serves the city)."""
    for slug, name in (("westside", "Westside"), ("downtown", "Downtown"), ("north-hills", "North Hills")):
        AreaFactory(name=name, slug=slug, parent=city)
    return city


def csv_file(text, name="volunteers.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


HEADER = "email,name,language,languages,areas,category,title,description,availability,capacity\n"
