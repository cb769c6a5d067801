"""The vendor-risk report: rules as data, legal status at a date, HTML/PDF/CSV/JSON output."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from test_viz_support import SHOP_TEXT, shop_facts, shop_store, store_facts, xss_facts
from vendorgraph.errors import QueryError
from vendorgraph.report import ReportError, build_report, write_report

EXPECTED = {  # rule -> party, from the fixture facts of test_viz_support.shop_facts
    "missing-mechanism": "MedCloud Ltd",
    "special-categories-abroad": "MedCloud Ltd",
    "invalid-mechanism": "Trackr Inc.",
    "us-adequacy-without-dpf": "AdNet LLC",
    "sub-processing-chain": "Storage Corp",
    "joint-controllership-without-arrangement": "Social Co.",
}


@pytest.fixture(scope="module")
def shop():
    s = shop_store()
    yield s
    s.close()


def test_every_rule_fires_on_its_fixture_fact(shop):
    rep = build_report(shop, as_of="2025-01-01")
    got = {(f.rule, f.party_name) for f in rep.findings}
    assert got == set(EXPECTED.items())
    by_rule = {f.rule: f for f in rep.findings}
    assert by_rule["special-categories-abroad"].severity == "high"
    assert "Art. 9" in by_rule["special-categories-abroad"].article
    assert by_rule["sub-processing-chain"].detail == "Acme Shop GmbH -> Cloudy Inc. -> Storage Corp"
    assert by_rule["invalid-mechanism"].quote.startswith("Trackr Inc. receives usage data")
    assert all(f.document == "acme-shop.txt" for f in rep.findings)
    assert [f.severity for f in rep.findings] == sorted((f.severity for f in rep.findings),
                                                        key=("high", "medium", "low").index)


def test_report_date_changes_privacy_shield_status(shop):
    def trackr(as_of):
        rep = build_report(shop, as_of=as_of)
        vendor = next(s for s in rep.vendors if s.name == "Trackr Inc.")
        line = next(x for x in vendor.lines if x.country == "US")
        return line.status, {f.rule for f in vendor.findings}

    assert trackr("2019-06-01") == ("covered", set())
    assert trackr("2024-06-01") == ("invalid", {"invalid-mechanism"})


def test_status_per_mechanism(shop):
    rep = build_report(shop, as_of="2025-01-01")
    status = {(x.recipient, x.country): x.status for s in rep.controllers for x in s.lines}
    assert status[("Cloudy Inc.", "US")] == "safeguarded"
    assert status[("MedCloud Ltd", "IN")] == "missing"
    assert status[("AdNet LLC", "US")] in ("uncertified", "covered")
    assert status[("Social Co.", "")] == ""


def test_sections_per_vendor_and_controller(shop):
    rep = build_report(shop, as_of="2025-01-01")
    assert [s.name for s in rep.controllers] == ["Acme Shop GmbH"]
    cloudy = next(s for s in rep.vendors if s.name == "Cloudy Inc.")
    assert {x.direction for x in cloudy.lines} == {"receives", "passes on"}
    assert any(x.recipient == "Storage Corp" for x in cloudy.lines if x.direction == "passes on")
    assert ("US", "privacy_shield", 1) in rep.chart and ("IN", "none_stated", 1) in rep.chart


def test_an_analyst_adds_a_rule_without_python(shop, tmp_path):
    rule = tmp_path / "any_usa.rq"
    rule.write_text(
        "# title: Any transfer to the USA\n# severity: low\n# article: GDPR Art. 44\n"
        "# rationale: Worth a look.\n"
        "# columns: flow, controller, controllerName, party, partyName, code, mechanisms, quote, document, detail\n"
        "PREFIX vg: <https://w3id.org/vendorgraph/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?flow ?controller ?controllerName ?party ?partyName (\"US\" AS ?code) (\"\" AS ?mechanisms)\n"
        "       (\"\" AS ?quote) (\"\" AS ?document) (\"usa\" AS ?detail)\n"
        "WHERE { ?flow vg:destination <https://w3id.org/dpv/loc#US> ; vg:controller ?controller ; vg:to ?party .\n"
        "        ?controller rdfs:label ?controllerName . ?party rdfs:label ?partyName }\n", encoding="utf-8")
    rep = build_report(shop, as_of="2025-01-01", extra_rules=[rule])
    low = {f.party_name for f in rep.findings if f.rule == "any-usa"}
    assert low == {"Cloudy Inc.", "Storage Corp", "Trackr Inc.", "AdNet LLC"}
    assert all(f.severity == "low" and f.title == "Any transfer to the USA" for f in rep.findings if f.rule == "any-usa")
    rule.write_text(rule.read_text().replace("# severity: low\n", ""), encoding="utf-8")
    with pytest.raises(QueryError, match="severity"):
        build_report(shop, as_of="2025-01-01", extra_rules=[rule])


def test_shipped_rules_have_complete_headers():
    from vendorgraph.queries import list_queries
    from vendorgraph.report.risk import rule_from_spec

    rules = [rule_from_spec(s) for s in list_queries("risk")]
    assert {r.name for r in rules} >= set(EXPECTED)


def test_csv_json_and_bad_inputs(shop, tmp_path):
    rows = list(csv.DictReader(io.StringIO(write_report(shop, tmp_path / "r.csv", as_of="2025-01-01").read_text())))
    assert {(r["rule"], r["party"]) for r in rows} == set(EXPECTED.items())
    doc = json.loads(write_report(shop, tmp_path / "r.out", fmt="json", as_of="2025-01-01").read_text())
    assert doc["as_of"] == "2025-01-01" and len(doc["findings"]) == len(EXPECTED)
    with pytest.raises(ReportError, match="unknown report format"):
        write_report(shop, tmp_path / "r.txt")
    with pytest.raises(ReportError, match="YYYY-MM-DD"):
        build_report(shop, as_of="1/2/2025")


def test_html_report_is_escaped_and_self_contained(tmp_path):
    from vendorgraph.store import open_store

    facts, text = xss_facts()
    s = open_store(None)
    store_facts(s, facts, text, "xss-policy.txt")
    page = write_report(s, tmp_path / "x.html", as_of="2025-01-01").read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<a " not in page
    assert "&lt;script&gt;window.__pwned = 1;" in page
    assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert "<svg" in page and "<rect" in page  # the chart, inline


def _pdf_text(path) -> str:
    from pdfminer.high_level import extract_text

    return " ".join(extract_text(str(path)).split())


@pytest.mark.slow
def test_html_and_pdf_reports_for_the_sample_policies(samples, tmp_path):
    pytest.importorskip("pdfminer", reason="pdfminer.six is not installed")
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as e:
        pytest.skip(f"WeasyPrint or its system libraries (pango) are unavailable: {e}")
    from vendorgraph.pipeline import ingest
    from vendorgraph.store import open_store

    s = open_store(None)
    ingest(samples, s)
    store_facts(s, shop_facts(), SHOP_TEXT)
    html_out = write_report(s, tmp_path / "report.html", as_of="2025-01-01")
    pdf_out = write_report(s, tmp_path / "report.pdf", as_of="2025-01-01")
    assert pdf_out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(pdf_out)
    page = html_out.read_text(encoding="utf-8")
    for sample in samples:
        assert sample.name in text and sample.name in page
    rep = build_report(s, as_of="2025-01-01")
    for f in rep.findings:
        assert f.title in text, f.title
    for rule, party in EXPECTED.items():
        assert any(f.rule == rule and f.party_name == party for f in rep.findings), rule
    for expected in ("Third-country transfer without a stated transfer mechanism",
                     "Transfer relies on an invalidated mechanism", "GDPR Art. 9, Art. 44",
                     "Health questionnaires are stored by MedCloud Ltd in India.", "Legal status as of 2025-01-01"):
        assert expected in text


def test_report_status_is_the_path_status(shop):
    """One rule: on a date with today's instruments the report shows the status path-details shows (legal.HopLaw
    at ingest, certification read now); an earlier date changes only what a later invalidation changed."""
    from vendorgraph.queries import run

    paths = {(r["recipient"], r["code"]): r["status"] for r in run(shop, "path-details").dicts()}
    paths.update({(r["recipient"], r["code"]): r["status"] for r in run(shop, "path-details", country="IN").dicts()})

    def lines(as_of):
        rep = build_report(shop, as_of=as_of)
        return {(x.recipient, x.country): (x.status, x.status_note) for x in rep.controllers[0].lines if x.country}

    new, old = lines("2025-01-01"), lines("2019-06-01")
    assert {k: v[0] for k, v in new.items()} == paths
    assert new[("Trackr Inc.", "US")] == ("invalid", "EU-US Privacy Shield invalid since 2020-07-16")
    assert old[("Trackr Inc.", "US")][0] == "covered" and "still in force on 2019-06-01" in old[("Trackr Inc.", "US")][1]
    assert {k: v for k, v in old.items() if k != ("Trackr Inc.", "US")} == \
        {k: v for k, v in new.items() if k != ("Trackr Inc.", "US")}
    assert new[("Cloudy Inc.", "US")][0] == "safeguarded" and new[("MedCloud Ltd", "IN")][0] == "missing"


def test_adequate_country_without_a_stated_mechanism():
    """Art. 45(1): a decision that holds covers the transfer, stated or not; a low-severity rule reports the
    missing information (Art. 13(1)(f)) and names the decision; before the decision the status is missing."""
    from test_viz_support import sentence, span
    from vendorgraph.model import Controller, Facts, Party, Transfer
    from vendorgraph.store import open_store

    text = "Bergblick GmbH is the controller. Our servers are run by Seoul Hosting Co. in South Korea."
    facts = Facts(document="bergblick.txt", language="en",
                  controller=Controller("Bergblick GmbH", "DE", evidence=(span(text, "Bergblick GmbH"),)),
                  parties=(Party("Seoul Hosting Co.", countries=("KR",), roles=("processor",),
                                 evidence=(sentence(text, "Our servers"),)),),
                  transfers=(Transfer("Seoul Hosting Co.", "KR", ("none_stated",), evidence=(sentence(text, "Our servers"),)),))
    store = open_store(None)
    store_facts(store, facts, text, "bergblick.txt")
    now, before = build_report(store, as_of="2025-01-01"), build_report(store, as_of="2021-06-01")
    line = next(x for s in now.controllers for x in s.lines if x.country == "KR")
    assert (line.status, line.status_note) == ("covered", "covered by an adequacy decision (the policy states no mechanism)")
    assert next(x for s in before.controllers for x in s.lines if x.country == "KR").status == "missing"
    assert {f.rule for f in now.findings} == {"mechanism-not-stated"}  # not missing-mechanism: nothing is unlawful
    finding = next(f for f in now.findings if f.rule == "mechanism-not-stated")
    assert finding.severity == "low" and "Art. 13(1)(f)" in finding.article
    assert finding.detail == "no transfer mechanism stated; covered by: Adequacy decision for the Republic of Korea"
    store.close()


def test_a_certified_us_recipient_with_nothing_stated_is_low_risk(samples):
    """The bundled samples name no mechanism for Amazon (a sub-processor); the registry lists Amazon Web Services as
    DPF-certified, so the transfer is covered and only the information is missing."""
    from vendorgraph.pipeline import ingest
    from vendorgraph.store import open_store

    store = open_store(None)
    ingest(samples, store)
    rules = {(f.rule, f.party_name) for f in build_report(store, as_of="2025-01-01").findings}
    assert ("mechanism-not-stated", "Amazon") in rules and ("missing-mechanism", "Amazon") not in rules
    store.close()
