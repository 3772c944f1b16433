from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    """The database cache (the default shared cache) needs its table; with Redis this does nothing."""
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_networksettings")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
