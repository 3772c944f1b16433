"""Event pages, one module per audience: the public, families and attendees, volunteers, organizers."""
