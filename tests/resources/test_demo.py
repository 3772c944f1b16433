from io import StringIO

from django.core.management import call_command

from aidhub.resources.models import Resource


def test_demo_resources_are_loaded_once_in_several_languages(db):
    call_command("seed_demo", stdout=StringIO())
    resources = Resource.objects.select_related("language")
    assert resources.count() == 9
    assert {resource.language.code for resource in resources} >= {"en", "es", "ar", "mam", "prs"}
    assert {resource.kind for resource in resources} == {"text", "file", "link"}
    card = resources.get(kind="file")
    assert card.file.read().startswith(b"%PDF-")
    assert resources.filter(status="draft").count() == 1
    call_command("seed_demo", stdout=StringIO())
    assert Resource.objects.count() == 9


def test_demo_library_shows_each_reader_its_language(client, db):
    call_command("seed_demo", stdout=StringIO())
    arabic = client.get("/ar/resources/").text
    assert arabic.index("اعرف حقوقك في البيت") < arabic.index("Find free immigration legal help")
    assert "Conozca sus derechos en casa (en árabe)" in client.get("/es/resources/").text
