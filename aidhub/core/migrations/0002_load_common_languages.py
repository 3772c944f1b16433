from django.db import migrations

from aidhub.lib.languages import COMMON_LANGUAGES


def load(apps, schema_editor):
    Language = apps.get_model("core", "Language")
    for code, name_en, native_name, is_rtl in COMMON_LANGUAGES:
        Language.objects.get_or_create(
            code=code, defaults={"name_en": name_en, "native_name": native_name, "is_rtl": is_rtl}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
