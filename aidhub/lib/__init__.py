"""Small helpers every app uses and that know nothing about the domain: anti-bot checks, keyset pages, field
encryption, phone numbers, icons, cached fragments, private-link tokens, look-ups, quiet answers, choice labels,
interface languages, log redaction and the access log; adapters/ holds the one door to each library's
undocumented parts. Nothing here imports an AidHub app (a test checks it)."""
