"""One source of truth: every IRI the code and the queries use is declared in ontology/."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import rdflib

from vendorgraph import vocab
from vendorgraph.resources import data_dir, ontology_files

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "vendorgraph"


@cache
def _ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    for f in ontology_files():
        g.parse(f, format="turtle")
    return g


def _declared_subjects(g: rdflib.Graph) -> set[str]:
    return {str(s) for s in g.subjects() if isinstance(s, rdflib.URIRef)}


def test_namespaces_match_ontology_prefixes():
    g = rdflib.Graph()
    g.parse(data_dir("ontology") / "core.ttl", format="turtle")
    declared = {p: str(ns) for p, ns in g.namespaces()}
    assert declared["vg"] == vocab.VG
    for p in ("dpv", "eu-gdpr", "pd", "loc", "skos", "owl", "rdfs"):
        assert declared[p] == vocab.PREFIXES[p], p


def test_every_vg_term_in_python_is_declared():
    declared = _declared_subjects(_ontology())
    used = set()
    for f in SRC.rglob("*.py"):
        text = f.read_text(encoding="utf-8")
        used |= {vocab.VG[m] for m in re.findall(r"\bVG\.([A-Za-z_][A-Za-z0-9_]*)", text)}
        used |= {vocab.VG[m] for m in re.findall(r"\bVG\[\"([A-Za-z_][A-Za-z0-9_]*)\"\]", text)}
    missing = sorted(u for u in used if u not in declared)
    assert not missing, f"VG terms used in Python but not declared in ontology/: {missing}"


def test_every_vg_term_in_sparql_is_declared():
    declared = _declared_subjects(_ontology())
    missing = set()
    for f in data_dir("queries").rglob("*.rq"):
        body = "\n".join(line for line in f.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#"))
        for m in re.findall(r"\bvg:([A-Za-z_][A-Za-z0-9_]*)", body):
            if vocab.VG[m] not in declared:
                missing.add(f"{f.name}: vg:{m}")
    assert not missing, sorted(missing)


def test_concepts_for_every_gold_vocabulary_value():
    g = _ontology()
    notations = {str(o) for o in g.objects(None, rdflib.SKOS.notation)}
    for value in ["processor", "sub_processor", "joint_controller", "controller", "recipient",
                  "adequacy", "scc", "bcr", "derogation", "privacy_shield", "none_stated",
                  "it_service_providers", "other", "identity", "special_category", "diagnostic"]:
        assert value in notations, value
    for scheme, notation in [("role", "processor"), ("mechanism", "scc"), ("data", "contact"), ("recipient", "logistics")]:
        assert vocab.concept(scheme, notation) in _declared_subjects(g)


def test_every_dpv_iri_exists_in_dpv_2_3(shared):
    dpv_dir = shared / "vocab" / "dpv-2.3"
    known: set[str] = set()
    for f in dpv_dir.glob("*.ttl"):
        text = f.read_text(encoding="utf-8")
        prefixes = dict(re.findall(r"@prefix\s+([\w-]*):\s*<([^>]+)>", text))
        for pfx, local in re.findall(r"^([\w-]+):([\w.-]+)\s", text, re.M):
            if pfx in prefixes:
                known.add(prefixes[pfx] + local)
    used = set()
    for s, p, o in _ontology():
        for t in (s, p, o):
            if isinstance(t, rdflib.URIRef) and str(t).startswith("https://w3id.org/dpv"):
                used.add(str(t))
    missing = sorted(u for u in used if u not in known)
    assert not missing, f"DPV IRIs not in DPV 2.3: {missing[:20]}"
