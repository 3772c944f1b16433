from django.db import migrations

# Sorani Kurdish became an interface language (issue 21): families who speak it can choose it on the help form and
# get our messages in it. New installations get it from 0002 (which reads COMMON_LANGUAGES); this adds it to the
# others. Kurmanji ("ku", Latin letters) stays a language of its own.
SORANI = ("ckb", "Kurdish (Sorani)", "کوردی", True)


def load(apps, schema_editor):
    Language = apps.get_model("core", "Language")
    code, name_en, native_name, is_rtl = SORANI
    Language.objects.get_or_create(
        code=code, defaults={"name_en": name_en, "native_name": native_name, "is_rtl": is_rtl}
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0018_alter_auditevent_action")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
