"""OWL view of the ontology with owlready2 (loaded through an rdflib conversion to RDF/XML).

The view leaves out reference data and turns ``xsd:date`` (outside the OWL 2
datatype map HermiT knows) into ``xsd:dateTime``.

Reasoning needs Java (HermiT, bundled with owlready2); without it ``reason`` raises
:class:`ReasonerUnavailable` and callers skip cleanly.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from .errors import VendorgraphError
from .resources import ontology_files


class ReasonerUnavailable(VendorgraphError):
    """No Java runtime: OWL reasoning is skipped."""


def ontology_rdfxml(files: list[Path] | None = None) -> bytes:
    """The ontology files merged with rdflib and serialised as RDF/XML (what owlready2 reads)."""
    import rdflib

    g = rdflib.Graph()
    for f in files or [f for f in ontology_files() if "reference" not in f.parts]:
        g.parse(f, format="turtle")
    # HermiT knows only the OWL 2 datatype map, which lacks xsd:date: drop those ranges in this view.
    for s, p, o in list(g.triples((None, rdflib.RDFS.range, rdflib.XSD.date))):
        g.remove((s, p, o))
    for s, p, o in list(g):
        if isinstance(o, rdflib.Literal) and o.datatype == rdflib.XSD.date:
            g.remove((s, p, o))
            g.add((s, p, rdflib.Literal(f"{o}T00:00:00", datatype=rdflib.XSD.dateTime)))
    return g.serialize(format="xml").encode("utf-8")


def load_owl(files: list[Path] | None = None) -> Any:
    """Load the ontology into a fresh owlready2 World; returns the owlready2 ontology."""
    import owlready2

    world = owlready2.World()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vendorgraph.owl"
        path.write_bytes(ontology_rdfxml(files))
        return world.get_ontology(path.as_uri()).load()


def reason(onto: Any) -> Any:
    """Run HermiT over ``onto``'s world; raises ReasonerUnavailable without Java."""
    import owlready2

    if not shutil.which("java"):
        raise ReasonerUnavailable("OWL reasoning needs a Java runtime (java not found on PATH)")
    with onto:
        owlready2.sync_reasoner(onto.world, infer_property_values=False, debug=0)
    return onto
