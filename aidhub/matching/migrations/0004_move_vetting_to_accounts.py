"""Vetting moves to accounts (events and offers ask about it, and they may import accounts but not matching).

Only Django's picture of the models changes here; the table and its rows stay, and accounts.0004 takes them over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0003_list_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Vetting")],
            database_operations=[],
        ),
    ]
