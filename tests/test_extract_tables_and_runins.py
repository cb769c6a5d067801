"""Tab-separated sub-processor tables, "in the case of X" role limits, a missing contract that would allow SCCs,
and run-in mechanism titles (EN + DE)."""

from __future__ import annotations

import pytest

from test_extract_parties import extract, party
from test_extract_transfers import flows

from vendorgraph.segment import segment


def test_tab_table_rows_take_the_lead_in_role_whatever_its_punctuation_de():
    text = ("7. Dienstleister\n\nFür den Betrieb unserer App beauftragen wir die nachstehenden Unterauftragsverarbeiter. "
            "Sie sind an unsere Weisungen gebunden.\n\n"
            "Firma\tAufgabe\tSitz\n"
            "Wolkenbank GmbH\tDatenbankbetrieb\tDeutschland\n"
            "Briefkasten Mailer S.A.\tVersand von Mitteilungen\tFrankreich\n\n"
            "Weitere Angaben erhalten Sie auf Nachfrage.\n")
    f = extract(text)
    assert "sub_processor" in party(f, "Wolkenbank GmbH").roles
    assert "sub_processor" in party(f, "Briefkasten Mailer S.A.").roles  # the last row is no heading


def test_tab_table_rows_en_and_the_last_row_is_no_heading():
    text = ("Our sub-processors\n\nWe have engaged the sub-processors named below.\n\n"
            "Company\tTask\tCountry\n"
            "Quarry Compute Ltd\tServer hosting\tIreland\n"
            "Pigeon Relay B.V.\tSending notifications\tNetherlands\n\n"
            "We tell customers about changes in advance.\n")
    assert [s.kind for s in segment(text) if "\t" in s.text] == ["paragraph"] * 3
    f = extract(text)
    assert "sub_processor" in party(f, "Quarry Compute Ltd").roles
    assert "sub_processor" in party(f, "Pigeon Relay B.V.").roles


def test_lead_in_about_the_providers_own_sub_processors_gives_processor_not_sub_processor():
    en = ("| Provider | Service |\n|---|---|\n| Stackyard Ltd, Dublin, Ireland | Hosting |\n"
          "| Beacon Logs Inc., Austin, USA | Logging |\n")
    en = ("Service providers\n\nThe companies below act on our behalf as processors. If a provider itself engages "
          "sub-processors, it passes these duties on to them.\n\n" + en)
    f = extract(en)
    assert set(party(f, "Stackyard Ltd").roles) == {"processor"}
    assert set(party(f, "Beacon Logs Inc.").roles) == {"processor"}
    de = ("| Anbieter | Zweck |\n|---|---|\n| Speicherhof GmbH, Kassel | Hosting |\n| Protokoll AG, Ulm | Logging |\n")
    de = ("Dienstleister\n\nDie folgenden Unternehmen sind für uns als Auftragsverarbeiter tätig. Setzt ein Anbieter "
          "seinerseits Unterauftragsverarbeiter ein, muss er ihnen dieselben Pflichten auferlegen.\n\n" + de)
    f = extract(de)
    assert set(party(f, "Speicherhof GmbH").roles) == {"processor"}
    assert set(party(f, "Protokoll AG").roles) == {"processor"}


def test_in_the_case_of_x_limits_a_role_to_x_en_and_de():
    en = extract("Payments are handled by Coinpath Ltd, London, and Ledgerly Inc., Boston, and ads by Showreel Inc., "
                 "Austin. Coinpath, Ledgerly and Showreel are independent controllers or, in the case of Showreel, "
                 "a joint controller for the collection of events.")
    assert "joint_controller" in party(en, "Showreel Inc.").roles
    assert "joint_controller" not in party(en, "Coinpath Ltd").roles
    assert "joint_controller" not in party(en, "Ledgerly Inc.").roles
    de = extract("Zahlungen wickeln die Geldweg AG, Köln, und die Kassenblick GmbH, Essen, ab; Werbung schaltet die "
                 "Plakatwelt GmbH, Trier. Geldweg, Kassenblick und Plakatwelt sind eigenständig Verantwortliche, im Falle "
                 "von Plakatwelt als gemeinsam Verantwortliche für die Erhebung.")
    assert "joint_controller" in party(de, "Plakatwelt GmbH").roles
    assert "joint_controller" not in party(de, "Geldweg AG").roles


def test_no_contract_that_would_allow_scc_negates_scc_en_and_de():
    en = ("Sellers\nIf you order from a seller in Brazil, we lack any agreement with that seller which would permit us "
          "to rely on standard contractual clauses. The transfer is necessary for the contract with you (Art. 49(1)(b) GDPR).\n")
    assert all("scc" not in m for _, _, _, m in flows(en))
    de = ("Händler\nBestellen Sie bei einem Händler in Brasilien, besteht mit diesem Händler kein Vertrag, der den Einsatz "
          "von Standardvertragsklauseln erlauben würde. Die Übermittlung ist zur Vertragserfüllung erforderlich "
          "(Art. 49 Abs. 1 lit. b DSGVO).\n")
    assert all("scc" not in m for _, _, _, m in flows(de))


def test_run_in_mechanism_title_adds_no_mechanism_en_and_de():
    en = ("Transfers\nWe send parcels data to Cargoline Inc., Miami, USA, for delivery.\n\n"
          "Standard contractual clauses. Where we use them, we check the law of the recipient country first.\n")
    assert all("scc" not in m for _, _, _, m in flows(en))
    de = ("Übermittlungen\nFür die Zustellung übermitteln wir Adressdaten an die Cargoline Inc., Miami, USA.\n\n"
          "Standardvertragsklauseln. Wo wir sie verwenden, prüfen wir vorher das Recht des Empfängerlandes.\n")
    assert all("scc" not in m for _, _, _, m in flows(de))
    # a real mechanism statement is still read
    en2 = en.replace("Standard contractual clauses. Where we use them, we check the law of the recipient country first.",
                     "Standard contractual clauses were concluded with Cargoline.")
    assert any("scc" in m for _, _, _, m in flows(en2))


@pytest.mark.parametrize("text, name", [
    ("Physiotherapie am Mühlbach\nKrankengymnastik und Massage\nMühlenweg 7, 79098 Freiburg\n\n"
     "Datenschutz\nVerantwortlich ist die oben bezeichnete Praxis, vertreten durch Jonas Brandt.\n"
     "Unsere Terminsoftware betreibt die Kalenderhaus GmbH, Mainz, als Auftragsverarbeiter.\n",
     "Physiotherapie am Mühlbach"),
    ("Riverside Chess Club\n12 Mill Road\nCambridge CB1 2AD\n\n"
     "Privacy\nThe controller is the club named above. Our mailing list runs on Postbox Mailer Ltd, London.\n",
     "Riverside Chess Club"),
    # by its short name
    ("Hinweise zum Datenschutz\n\nVerband der Obstbauern Nord (VON)\nGeschäftsstelle\nApfelallee 3\n21635 Jork\n\n"
     "Verantwortlicher ist der VON, vertreten durch den Vorstand.\n", "Verband der Obstbauern Nord"),
    ("Privacy notice\n\nHarbour Rowing Association (HRA)\n4 Quay Street\nBristol BS1 4DJ\n\n"
     "The controller is the HRA, represented by its board.\n", "Harbour Rowing Association"),
], ids=["de-named-above", "en-named-above", "de-short-name", "en-short-name"])
def test_bare_letterhead_controller_de_and_en(text: str, name: str) -> None:
    assert extract(text).controller.name == name


def test_no_bare_letterhead_without_a_pointing_cue():
    text = ("Sonnenhof Ferienwohnungen\nSeeweg 2\n18609 Binz\n\n"
            "Datenschutz\nWir verarbeiten Buchungsdaten nur für Ihre Reservierung.\n")
    assert extract(text).controller is None
    prose = ("We care about privacy and explain it below in plain words for everyone.\nSome more words here.\n"
             "Riverside Chess Club\n12 Mill Road\nCambridge CB1 2AD\n\nThe controller is the club named above.\n")
    f = extract(prose)
    assert f.controller is None or f.controller.name != "Riverside Chess Club"


def test_lead_in_ending_in_a_full_stop_gives_its_role_to_the_list_below_en_and_de():
    en = ("Service providers\n\nWe work with the following providers. They act only on our instructions as processors.\n"
          "- Ledgerbox Ltd, Leeds, for bookkeeping\n- Tidewater Mail Inc., Boston, for newsletters\n")
    f = extract(en)
    assert "processor" in party(f, "Ledgerbox Ltd").roles
    assert "processor" in party(f, "Tidewater Mail Inc.").roles
    de = ("Dienstleister\n\nWir arbeiten mit den nachfolgend genannten Dienstleistern als Auftragsverarbeitern.\n"
          "- Kontorwerk GmbH, Hagen, für die Buchhaltung\n- Briefwelle AG, Gera, für den Newsletter\n")
    f = extract(de)
    assert "processor" in party(f, "Kontorwerk GmbH").roles
    assert "processor" in party(f, "Briefwelle AG").roles
