"""docs/samples/volunteers-500.csv is what aidhub/devdata/import_sample.py makes: regenerating it changes nothing."""

from django.core.management import call_command

from aidhub.devdata.import_sample import BROKEN, COUNT, sample_csv
from tests.imports.conftest import SAMPLE


def test_the_committed_sample_is_the_generators_output(tmp_path):
    assert SAMPLE.read_text(encoding="utf-8") == sample_csv()
    output = tmp_path / "sample.csv"
    call_command("make_import_sample", output=str(output))
    assert output.read_text(encoding="utf-8") == sample_csv()
    lines = sample_csv().splitlines()
    assert len(lines) == COUNT + 1 and len(BROKEN) == 7
    assert all(line.split(",")[0].lower().endswith("@example.org") or " at " in line for line in lines[1:])
