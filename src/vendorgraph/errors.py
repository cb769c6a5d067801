"""Exceptions raised by the library. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class VendorgraphError(Exception):
    """Base class: every error the library raises on purpose."""


class InputError(VendorgraphError):
    """A document cannot be read as a privacy policy (missing, empty, binary, too large, ...).

    The message is one line and names the file.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NotAPolicyError(InputError):
    """The text was read but holds no privacy-policy content."""


class UnsupportedLanguageError(InputError):
    """The policy is in a language the extractor does not read."""


class StoreError(VendorgraphError):
    """The store cannot be opened, read or written."""


class QueryError(VendorgraphError):
    """Unknown query name, missing parameter or invalid SPARQL."""


class RegistryError(VendorgraphError):
    """The reference data is inconsistent or a vendor is unknown."""


class VocabularyError(VendorgraphError):
    """A term used in code is not declared in the ontology files."""
