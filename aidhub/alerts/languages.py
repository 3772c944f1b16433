"""Which interface language frames a message to a subscriber (who may read a language the interface lacks)."""

from aidhub.lib.languages import interface_language

__all__ = ["interface_language"]
