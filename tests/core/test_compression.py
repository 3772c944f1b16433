"""Pages are compressed for phones on prepaid data, when the browser accepts it."""

import gzip


def test_pages_are_gzipped_when_the_browser_accepts_it(client, eastside):
    plain = client.get("/es/help/")
    compressed = client.get("/es/help/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert len(compressed.content) < len(plain.content) / 3
    assert b"Pedir ayuda" in gzip.decompress(compressed.content)
