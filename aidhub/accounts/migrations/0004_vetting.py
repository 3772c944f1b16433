"""Vetting, moved here from matching with its rows, gets a state: a volunteer asks, an organizer decides.

The table matching_vetting is taken over as it is (state only), then renamed; the rows that exist are
confirmations an organizer made, so they become "vetted" with who and when kept as who decided and when."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_alter_user_language"),
        ("core", "0009_organization_translations"),
        ("matching", "0004_move_vetting_to_accounts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Vetting",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("category", models.CharField(max_length=20, verbose_name="kind of help")),
                        ("vetted_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="vetted")),
                        (
                            "vetted_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "volunteer",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="vettings",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="volunteer",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "matching_vetting",
                        "verbose_name": "vetting",
                        "verbose_name_plural": "vettings",
                    },
                ),
                migrations.AddConstraint(
                    model_name="vetting",
                    constraint=models.UniqueConstraint(fields=("volunteer", "category"), name="vetting_unique"),
                ),
            ],
            database_operations=[],
        ),
        # accounts_vetting from now on.
        migrations.AlterModelTable(name="vetting", table=None),
        migrations.RenameField(model_name="vetting", old_name="vetted_by", new_name="decided_by"),
        migrations.RenameField(model_name="vetting", old_name="vetted_at", new_name="decided_at"),
        migrations.AlterField(
            model_name="vetting",
            name="decided_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="decided"),
        ),
        migrations.AlterField(
            model_name="vetting",
            name="decided_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="decided by",
            ),
        ),
        migrations.AddField(
            model_name="vetting",
            name="status",
            field=models.CharField(
                choices=[
                    ("requested", "Waiting for an organizer"),
                    ("vetted", "Confirmed"),
                    ("declined", "Not confirmed"),
                ],
                default="vetted",
                max_length=10,
                verbose_name="status",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="vetting",
            name="requested_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="asked"),
        ),
        migrations.AddField(
            model_name="vetting",
            name="organization",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.organization",
                verbose_name="asked through",
            ),
        ),
        migrations.AlterField(
            model_name="vetting",
            name="category",
            field=models.CharField(
                choices=[
                    ("food", "Food"),
                    ("childcare", "Childcare"),
                    ("interpreting", "Interpreting"),
                    ("legal", "Legal help"),
                    ("rides", "Rides"),
                    ("emotional", "Emotional support"),
                    ("tutoring_art", "Tutoring & art"),
                    ("supplies", "Supplies"),
                    ("housing", "Housing"),
                    ("other", "Other"),
                ],
                max_length=20,
                verbose_name="kind of help",
            ),
        ),
        migrations.AddIndex(
            model_name="vetting",
            index=models.Index(fields=["status", "requested_at"], name="vetting_status_requested"),
        ),
    ]
