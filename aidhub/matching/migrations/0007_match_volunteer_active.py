"""An index of each volunteer's proposed and accepted matches: suggestions count every candidate's load from it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("matching", "0006_match_interpreter")]

    operations = [
        migrations.AddIndex(
            model_name="match",
            index=models.Index(
                condition=models.Q(("status__in", ["proposed", "accepted"])),
                fields=["volunteer"],
                name="match_volunteer_active",
            ),
        ),
    ]
