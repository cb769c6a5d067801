"""Namespaces and terms. Every IRI used in Python is spelled through this module.

``tests/test_vocab.py`` checks that each namespace here matches a prefix declared in
``ontology/`` and that every ``VG.<term>`` used in the code (and every ``vg:<term>`` in the
SPARQL files) is declared in the ontology, so code and ontology cannot drift apart.

>>> VG.DataFlow
'https://w3id.org/vendorgraph/ontology#DataFlow'
>>> concept("mechanism", "scc")
'https://w3id.org/vendorgraph/concept/mechanism/scc'
"""

from __future__ import annotations


class Namespace(str):
    """A namespace IRI; attribute or item access yields the full IRI of a term."""

    def __getattr__(self, name: str) -> str:
        if name.startswith("__"):
            raise AttributeError(name)
        iri = str(self) + name
        self.__dict__[name] = iri  # found without __getattr__ next time
        return iri

    def __getitem__(self, name: str) -> str:  # type: ignore[override]
        return str(self) + name

    def term(self, name: str) -> str:
        return str(self) + name


VG = Namespace("https://w3id.org/vendorgraph/ontology#")
ID = Namespace("https://w3id.org/vendorgraph/id/")
CONCEPT = Namespace("https://w3id.org/vendorgraph/concept/")
DPV = Namespace("https://w3id.org/dpv#")
EU_GDPR = Namespace("https://w3id.org/dpv/legal/eu/gdpr#")
PD = Namespace("https://w3id.org/dpv/pd#")
LOC = Namespace("https://w3id.org/dpv/loc#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DCT = Namespace("http://purl.org/dc/terms/")

#: Concept schemes: facts-JSON field -> path segment under CONCEPT.
SCHEMES = {
    "role": "role",
    "mechanism": "mechanism",
    "recipient": "recipient",
    "data": "data",
}

#: Named graphs that are not per-document.
META_GRAPH = ID["graph/meta"]
REFERENCE_GRAPH = ID["graph/reference"]

#: Prefixes for SPARQL and Turtle output (sorted, deterministic).
PREFIXES: dict[str, str] = {
    "dct": str(DCT),
    "dpv": str(DPV),
    "eu-gdpr": str(EU_GDPR),
    "loc": str(LOC),
    "owl": str(OWL),
    "pd": str(PD),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "vg": str(VG),
    "vgdata": CONCEPT["data/"],
    "vgid": str(ID),
    "vgmech": CONCEPT["mechanism/"],
    "vgrecip": CONCEPT["recipient/"],
    "vgrole": CONCEPT["role/"],
    "xsd": str(XSD),
}


def concept(scheme: str, notation: str) -> str:
    """IRI of the SKOS concept ``notation`` in ``scheme`` (role, mechanism, recipient, data)."""
    return CONCEPT[f"{SCHEMES[scheme]}/{notation}"]


def country(code: str) -> str:
    """IRI of a country: the DPV loc: term for an ISO 3166-1 alpha-2 code, or the unnamed third countries.

    >>> country("US")
    'https://w3id.org/dpv/loc#US'
    >>> country("third_countries")
    'https://w3id.org/vendorgraph/ontology#UnnamedThirdCountries'
    """
    if code == "third_countries":
        return VG.UnnamedThirdCountries
    return LOC[code.upper()]


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
