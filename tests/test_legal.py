"""Legal status of a transfer at a date: the rules, on tiny in-memory law and on the shipped data."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendorgraph.cli import main
from vendorgraph.errors import RegistryError
from vendorgraph.legal import TransferLaw, transfer_status


def _row(iri, kind, code="", mech=None, adopted=None, until=None, void=None, cert=None, status=None):
    return {"instrument": iri, "label": iri, "kind": kind, "code": code, "mechanism": mech, "adoptedOn": adopted,
            "validUntil": until, "invalidatedOn": void, "requiresCertification": cert, "status": status, "reference": iri}


@pytest.fixture(scope="module")
def tiny() -> TransferLaw:
    return TransferLaw.from_rows(
        [_row("ad-x", "adequacy", "XX", "adequacy", "2010-01-01", until="2020-12-31"),
         _row("ad-y", "adequacy", "YY", "adequacy", "2023-01-01", cert="true"),
         _row("shield", "adequacy", "YY", "privacy_shield", "2016-01-01", void="2020-07-16", cert="true"),
         _row("scc", "scc", "", "scc", "2021-06-04", status="safeguarded"),
         _row("d", "derogation", "", "derogation", "2018-05-25", status="derogation")],
        [{"code": "AA", "union": "EU", "since": "2000-01-01", "until": "2020-01-31"}])


def test_tiny_adequacy_window(tiny):
    assert [i.iri for i in tiny.adequacy("XX", "2015-05-05")] == ["ad-x"]
    assert tiny.adequacy("XX", "2021-01-01") == []      # expired
    assert tiny.adequacy("XX", "2009-12-31") == []      # not yet adopted


def test_tiny_membership_ends(tiny):
    assert tiny.in_eea("AA", "2020-01-31")
    assert not tiny.in_eea("AA", "2020-02-01")


def test_tiny_instrument_in_force_first(tiny):
    assert tiny.instrument("privacy_shield", "YY", date(2019, 1, 1)).iri == "shield"
    assert tiny.instrument("privacy_shield", "YY", date(2024, 1, 1)).iri == "shield"   # the latest, not in force
    assert tiny.instrument("scc", "ZZ", date(2024, 1, 1)).iri == "scc"                 # any country
    assert tiny.instrument("bcr", "ZZ", date(2024, 1, 1)) is None


def test_bad_date_raises():
    with pytest.raises(RegistryError):
        transfer_status("US", [], "last Tuesday")


def test_bad_country_raises():
    with pytest.raises(RegistryError):
        transfer_status("U.S.", ["scc"])


# ---------------------------------------------------------------- the shipped transfer law
@pytest.mark.parametrize("country, mechs, on, cert, expected", [
    ("US", ["privacy_shield"], "2019-06-01", None, "covered"),
    ("US", ["privacy_shield"], "2024-06-01", None, "invalid"),
    ("US", ["privacy_shield"], "2020-07-15", None, "covered"),
    ("US", ["adequacy"], "2024-06-01", True, "covered"),         # DPF, certified recipient
    ("US", ["adequacy"], "2024-06-01", None, "uncertified"),     # DPF needs a certified recipient
    ("US", ["adequacy"], "2024-06-01", False, "uncertified"),
    ("US", ["adequacy", "scc"], "2024-06-01", False, "safeguarded"),
    ("US", ["adequacy", "privacy_shield"], "2019-06-01", False, "covered"),  # Privacy Shield still in force
    ("US", [], "2023-07-09", True, "missing"),                   # before the DPF decision
    ("US", ["scc"], "2024-06-01", None, "safeguarded"),
    ("IN", ["bcr"], "2024-06-01", None, "safeguarded"),
    ("IN", ["derogation"], "2024-06-01", None, "derogation"),
    ("IN", [], "2024-06-01", None, "missing"),
    ("IN", ["none_stated"], "2024-06-01", None, "missing"),
    ("CH", ["adequacy"], "2024-06-01", None, "covered"),
    ("CH", [], "2024-06-01", None, "covered"),                   # Art. 45(1): the decision covers it, stated or not
    ("CH", ["none_stated"], "2024-06-01", None, "covered"),
    ("CH", ["scc"], "2024-06-01", None, "covered"),
    ("KR", [], "2021-06-01", None, "missing"),                   # before the Korean decision (17 Dec 2021)
    ("KR", ["adequacy"], "2021-06-01", None, "missing"),
    ("KR", [], "2022-06-01", None, "covered"),
    ("IN", ["adequacy"], "2024-06-01", None, "missing"),         # no decision for India: adequacy stated wrongly
    ("US", ["adequacy"], "2022-01-01", True, "missing"),         # between Schrems II and the DPF
    ("US", ["adequacy"], "2019-06-01", True, "covered"),         # the Privacy Shield was the US decision then
    ("US", ["adequacy"], "2019-06-01", False, "uncertified"),
    ("US", [], "2024-06-01", True, "covered"),                   # a DPF-certified recipient, nothing stated
    ("US", [], "2024-06-01", None, "missing"),
    ("BR", [], "2025-06-01", None, "missing"),                   # before the Brazilian decision
    ("BR", [], "2026-06-01", None, "covered"),
    ("third_countries", ["adequacy"], "2024-06-01", None, "covered"),
    ("third_countries", [], "2024-06-01", None, "missing"),
    ("third_countries", ["scc"], "2024-06-01", None, "safeguarded"),
    ("DE", [], "2024-06-01", None, "not_required"),
    ("DE", ["scc"], "2024-06-01", None, "not_required"),
    ("GB", [], "2019-06-01", None, "not_required"),              # still in the EU
    ("GB", ["adequacy"], "2026-02-01", None, "covered"),
    ("GB", [], "2021-03-01", None, "covered"),                   # the TCA bridge counts as adequacy
    ("GB", [], "2021-07-01", None, "covered"),
])
def test_shipped_law(country, mechs, on, cert, expected):
    assert transfer_status(country, mechs, on, cert).status == expected


def test_the_instrument_named_is_the_one_that_holds():
    assert transfer_status("GB", [], "2021-03-01").instrument.endswith("uk-tca-bridge")
    assert transfer_status("GB", ["adequacy"], "2021-03-01").instrument.endswith("uk-tca-bridge")
    assert transfer_status("US", ["adequacy"], "2019-06-01", dpf_certified=True).instrument.endswith("privacy-shield")
    assert transfer_status("US", [], "2024-06-01", dpf_certified=True).instrument.endswith("adequacy-us-dpf")


def test_uk_renewal_is_the_instrument_after_2025():
    s = transfer_status("GB", ["adequacy"], "2026-02-01")
    assert s.instrument.endswith("adequacy-gb-2025") and s.on == date(2026, 2, 1)
    assert transfer_status("GB", ["adequacy"], "2025-06-01").instrument.endswith("adequacy-gb-2021")


def test_notes_explain_what_the_rule_does_not_weigh():
    """The status follows the stated mechanisms (as on a transfer path); the notes point at the instruments."""
    ch = transfer_status("CH", [], "2024-06-01")
    assert ch.instrument.endswith("adequacy-ch") and "not stated in the policy" in ch.reason
    assert any("Switzerland in force" in n and "Art. 13(1)(f)" in n for n in ch.notes)
    assert any("whatever mechanism is stated" in n for n in transfer_status("CH", ["scc"], "2024-06-01").notes)
    assert any("no adequacy decision for IN" in n for n in transfer_status("IN", ["adequacy"], "2024-06-01").notes)
    assert any("certification not listed" in n
               for n in transfer_status("US", ["adequacy"], "2024-06-01", dpf_certified=False).notes)
    assert transfer_status("US", ["privacy_shield"], "2024-06-01").notes == ("EU-US Privacy Shield invalid since 2020-07-16",)


def test_adequacy_listing_and_eea():
    law = TransferLaw.default()
    assert law.in_eea("NO", "2024-01-01") and not law.in_eea("CH", "2024-01-01")
    assert not law.in_eea("GB", "2021-01-01") and law.in_eea("GB", "2019-12-31")
    assert [i.iri.rsplit("/", 1)[-1] for i in law.adequacy("US", "2024-01-01")] == ["adequacy-us-dpf"]


def test_cli_transfer_status(capsys):
    assert main(["transfer-status", "US", "--on", "2019-05-01", "--mechanism", "privacy_shield"]) == 0
    assert capsys.readouterr().out.startswith("covered: US on 2019-05-01")
    assert main(["transfer-status", "US", "--on", "2024-05-01", "--mechanism", "privacy_shield"]) == 0
    assert capsys.readouterr().out.startswith("invalid: US on 2024-05-01")


def test_law_from_the_store_equals_law_from_the_files(mem_store):
    from_store = TransferLaw.from_store(mem_store)
    assert from_store.instruments == TransferLaw.default().instruments
    assert from_store.memberships == TransferLaw.default().memberships
    assert [i.iri.rsplit("/", 1)[-1] for i in from_store.adequacy("GB", "2026-02-01")] == ["adequacy-gb-2025"]


# ---------------------------------------------------------------- one rule: transfer-status and the report agree
MECHANISMS = ["adequacy", "scc", "bcr", "derogation", "privacy_shield", "none_stated", "no_such_mechanism"]
COUNTRIES = ["US", "IN", "CH", "GB", "JP", "BR", "third_countries"]
DATES = ["2015-01-01", "2019-06-01", "2020-07-15", "2020-07-16", "2024-06-01", "2031-01-01"]


@pytest.fixture(scope="module")
def snapshot_mechanisms():
    from vendorgraph.report.collect import mechanisms
    from vendorgraph.store import open_store

    store = open_store(None)
    yield mechanisms(store)
    store.close()


@settings(max_examples=400, deadline=None)
@given(code=st.sampled_from(COUNTRIES), mechs=st.sets(st.sampled_from(MECHANISMS), max_size=3),
       certified=st.sampled_from([True, False, None]), on=st.sampled_from(DATES))
def test_transfer_status_agrees_with_the_report(snapshot_mechanisms, code, mechs, certified, on):
    """A transfer path as ingest writes it (HopLaw, certification applied) and the report shows it at a date has
    the status `vendorgraph transfer-status` gives for the same country, mechanisms, certification and date."""
    from vendorgraph.legal import HopLaw
    from vendorgraph.report.collect import Flow, Snapshot
    from vendorgraph.report.status import StatusResolver
    from vendorgraph.vocab import country

    if code != "third_countries" and TransferLaw.default().in_eea(code, on):
        return  # not a third-country transfer on that date: no path, no status in the report
    written = HopLaw.default().status(country(code), sorted(mechs), certified=certified is True)
    flow = Flow("urn:f", "urn:c", "C", "urn:c", "C", "urn:r", "R", "organisation", (), code, tuple(sorted(mechs)), (),
                True, "doc.txt", status=written)
    report = StatusResolver(None, Snapshot((flow,), {}, snapshot_mechanisms), on)(flow)  # type: ignore[arg-type]
    assert transfer_status(code, mechs, on, certified).status == report.value


def test_cli_transfer_status_agrees_with_the_report_on_the_samples(samples, capsys):
    """End to end on the bundled samples: every transfer of the report at three dates, asked of the CLI with
    its country, mechanisms and the recipient's certification (``report_certified.rq``)."""
    from vendorgraph.pipeline import ingest
    from vendorgraph.queries import run
    from vendorgraph.report.collect import collect
    from vendorgraph.report.status import StatusResolver
    from vendorgraph.store import open_store

    store = open_store(None)
    ingest(samples, store)
    certified = {r["org"] for r in run(store, "report-certified").dicts()}
    snapshot = collect(store)
    transfers = [f for f in snapshot.flows if f.is_transfer]
    assert len(transfers) >= 3
    for on in ("2019-06-01", "2021-06-30", "2025-06-30"):
        resolve = StatusResolver(store, snapshot, on)
        for f in transfers:
            args = ["transfer-status", f.code, "--on", on, "--certified", "yes" if f.target in certified else "no"]
            args += [a for m in f.mechanisms for a in ("--mechanism", m)]
            assert main(args) == 0
            assert capsys.readouterr().out.split(":", 1)[0] == resolve(f).value, (args, f)
    store.close()


def test_notes_agree_with_the_status_for_a_bridge():
    """The UK's 2021 bridge covers a transfer; the notes read what holds by the same rule, so they do not say
    that no decision is in force, and they name the bridge where the policy states no mechanism."""
    stated = transfer_status("GB", ["adequacy"], "2021-03-01")
    assert stated.status == "covered" and not any("no adequacy decision" in n for n in stated.notes)
    unstated = transfer_status("GB", [], "2021-03-01")
    assert unstated.status == "covered" and any("bridge" in n and "states no mechanism" in n for n in unstated.notes)
