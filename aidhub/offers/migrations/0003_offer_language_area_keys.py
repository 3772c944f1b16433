"""Each offer's language and area ids on its own row (Offer.language_keys, Offer.area_keys), filled for the offers
there are: suggestions read them instead of joining the languages and areas of every offer (issue 20)."""

from django.db import migrations, models

BATCH = 5000


def _keys(ids):
    # The format of aidhub.offers.models.id_keys, written out: a migration keeps working if that one changes.
    ordered = sorted(set(ids))
    return f",{','.join(map(str, ordered))}," if ordered else ""


def fill_keys(apps, schema_editor):
    Offer = apps.get_model("offers", "Offer")
    languages, areas = {}, {}
    for offer_id, language_id in Offer.languages.through.objects.values_list("offer_id", "language_id").iterator():
        languages.setdefault(offer_id, []).append(language_id)
    for offer_id, area_id in Offer.areas.through.objects.values_list("offer_id", "area_id").iterator():
        areas.setdefault(offer_id, []).append(area_id)
    rows = [
        (_keys(languages.get(pk, ())), _keys(areas.get(pk, ())), pk) for pk in sorted(languages.keys() | areas.keys())
    ]
    quote = schema_editor.connection.ops.quote_name
    # The table's name quoted; the values are parameters.
    sql = f"UPDATE {quote(Offer._meta.db_table)} SET language_keys = %s, area_keys = %s WHERE id = %s"  # noqa: S608
    with schema_editor.connection.cursor() as cursor:
        # One UPDATE per offer, sent together: bulk_update's CASE over thousands of ids took minutes at 50,000.
        for start in range(0, len(rows), BATCH):
            cursor.executemany(sql, rows[start : start + BATCH])


class Migration(migrations.Migration):
    dependencies = [("offers", "0002_list_indexes")]

    operations = [
        migrations.AddField(
            model_name="offer",
            name="area_keys",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="offer",
            name="language_keys",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop, elidable=True),
    ]
