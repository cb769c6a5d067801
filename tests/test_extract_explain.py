"""vendorgraph explain: each fact beside its quote and rule; --min-confidence drops weak facts."""

from __future__ import annotations

from vendorgraph.cli import main

POLICY = ("Privacy policy of Brückenbau Software GmbH, Ulmenweg 3, 80331 München, Germany.\n\n"
          "We process personal data under the GDPR; you have the right to access and erase your data.\n\n"
          "3. Video calls\n\nWe use Confero Video Communications, Inc., San Jose, CA 95113, USA. "
          "Data transfers to the USA are based on standard contractual clauses.\n\n"
          "4. Heatmaps\n\nThis site uses the tracking tool SnapHeat.io to record visits.\n")


def test_explain_prints_facts_quotes_and_rules(tmp_path, capsys):
    p = tmp_path / "policy.txt"
    p.write_text(POLICY, encoding="utf-8")
    assert main(["explain", str(p)]) == 0
    out = capsys.readouterr().out
    assert "transfer           Confero Video Communications -> US [scc]" in out
    assert "transfer.statement" in out and "Data transfers to the USA are based on standard contractual clauses." in out
    assert "SnapHeat.io" in out
    assert main(["explain", str(p), "--min-confidence", "0.8"]) == 0
    assert "SnapHeat.io" not in capsys.readouterr().out


def test_explain_missing_file_is_one_line_error(tmp_path, capsys):
    assert main(["explain", str(tmp_path / "nope.txt")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
