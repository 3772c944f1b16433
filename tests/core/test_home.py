def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_follows_the_browser_language(client):
    response = client.get("/", headers={"accept-language": "es-MX,es;q=0.9"})
    assert response["Location"] == "/es/"


def test_root_remembers_the_last_language_read(client):
    client.get("/ar/")
    assert client.get("/")["Location"] == "/ar/"


def test_spanish_home_is_in_spanish(client):
    response = client.get("/es/")
    assert '<html lang="es" dir="ltr">' in response.text
    assert "Necesito ayuda" in response.text
    assert "Quiero ayudar" in response.text


def test_arabic_home_is_right_to_left(client):
    response = client.get("/ar/")
    assert '<html lang="ar" dir="rtl">' in response.text
    assert "bootstrap.rtl.min.css" in response.text
    assert "أحتاج إلى مساعدة" in response.text


def test_language_switcher_names_each_language_in_itself_and_keeps_the_page(client, db):
    response = client.get("/en/offers/?category=food")
    assert 'href="/es/offers/?category=food"' in response.text
    assert ">Español<" in response.text
    assert ">العربية<" in response.text


def test_language_switcher_changes_only_the_prefix_of_a_page(client, offer):
    response = client.get(f"/ar/offers/{offer.pk}/")
    assert f'href="/ur/offers/{offer.pk}/"' in response.text
    assert f'href="/en/offers/{offer.pk}/"' in response.text


def test_an_address_that_is_no_page_keeps_itself_in_every_language(db):
    # The error pages show no language menu; should another page of that address ever render one, no language
    # links to a made-up page.
    from aidhub.core.context_processors import _links_for

    assert set(_links_for("/es/no-such-page/")) == {"/es/no-such-page/"}
    assert _links_for("/es/help/")[:2] == ("/en/help/", "/es/help/")
