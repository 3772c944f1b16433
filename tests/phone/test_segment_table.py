"""docs/translating.md's SMS segment table is what the text line costs today in every interface language."""

import re
from pathlib import Path

from django.conf import settings

from aidhub.phone.management.commands.sms_segments import segment_table


def test_the_documented_segment_table_is_up_to_date():
    document = (Path(settings.BASE_DIR) / "docs" / "translating.md").read_text()
    documented = re.search(r"<!-- sms-segments:start -->\n(.*?)\n<!-- sms-segments:end -->", document, re.S)
    assert documented, "docs/translating.md has no SMS segment table"
    assert documented.group(1).strip() == segment_table().strip(), (
        "the SMS segment table is out of date: run `manage.py sms_segments` and paste its output in docs/translating.md"
    )
