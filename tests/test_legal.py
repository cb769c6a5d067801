"""Legal status of a transfer at a date: the rules, on tiny in-memory law and on the shipped data."""

from __future__ import annotations

from datetime import date

import pytest

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
    assert tiny.status("XX", [], "2015-05-05").status == "covered"
    assert tiny.status("XX", [], "2021-01-01").status == "missing"      # expired
    assert tiny.status("XX", [], "2009-12-31").status == "missing"      # not yet adopted


def test_tiny_membership_ends(tiny):
    assert tiny.status("AA", [], "2020-01-31").status == "not_required"
    assert tiny.status("AA", [], "2020-02-01").status == "missing"


def test_tiny_certification_required(tiny):
    assert tiny.status("YY", ["adequacy"], "2024-01-01").status == "missing"
    assert tiny.status("YY", ["adequacy"], "2024-01-01", dpf_certified=True).status == "covered"
    assert tiny.status("YY", ["adequacy", "scc"], "2024-01-01").status == "safeguarded"


def test_tiny_invalidated_instrument(tiny):
    assert tiny.status("YY", ["privacy_shield"], "2019-01-01").status == "covered"
    s = tiny.status("YY", ["privacy_shield"], "2020-07-16")
    assert s.status == "invalid" and any("invalid since 2020-07-16" in n for n in s.notes)
    assert tiny.status("YY", ["privacy_shield", "derogation"], "2022-01-01").status == "derogation"


def test_bad_date_raises(tiny):
    with pytest.raises(RegistryError):
        tiny.status("XX", [], "last Tuesday")


# ---------------------------------------------------------------- the shipped transfer law
@pytest.mark.parametrize("country, mechs, on, cert, expected", [
    ("US", ["privacy_shield"], "2019-06-01", None, "covered"),
    ("US", ["privacy_shield"], "2024-06-01", None, "invalid"),
    ("US", ["privacy_shield"], "2020-07-15", None, "covered"),
    ("US", ["adequacy"], "2024-06-01", True, "covered"),         # DPF, certified recipient
    ("US", ["adequacy"], "2024-06-01", None, "missing"),         # DPF needs a certified recipient
    ("US", [], "2023-07-09", True, "missing"),                   # before the DPF decision
    ("US", ["scc"], "2024-06-01", None, "safeguarded"),
    ("IN", ["bcr"], "2024-06-01", None, "safeguarded"),
    ("IN", ["derogation"], "2024-06-01", None, "derogation"),
    ("IN", [], "2024-06-01", None, "missing"),
    ("CH", [], "2024-06-01", None, "covered"),
    ("KR", [], "2022-06-01", None, "covered"),
    ("JP", [], "2018-06-01", None, "missing"),                   # Japan's decision is of January 2019
    ("DE", [], "2024-06-01", None, "not_required"),
    ("GB", [], "2019-06-01", None, "not_required"),              # still in the EU
    ("GB", [], "2021-03-01", None, "covered"),                   # TCA bridge
    ("GB", [], "2025-12-26", None, "covered"),                   # 2021 decision, extended
    ("GB", [], "2026-02-01", None, "covered"),                   # after the renewal of 19 December 2025
    ("GB", [], "2032-01-01", None, "missing"),                   # after 27 December 2031
    ("BR", [], "2026-03-01", None, "covered"),
    ("BR", [], "2025-06-01", None, "missing"),
])
def test_shipped_law(country, mechs, on, cert, expected):
    assert transfer_status(country, mechs, on, cert).status == expected


def test_uk_renewal_is_the_instrument_after_2025():
    s = transfer_status("GB", [], "2026-02-01")
    assert s.instrument.endswith("adequacy-gb-2025") and s.on == date(2026, 2, 1)


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
    assert from_store.status("GB", [], "2026-02-01").status == "covered"
