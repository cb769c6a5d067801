"""Write the walk-through notebooks of ``notebooks/`` from the cells below (outputs stripped).

    python tools/make_notebooks.py           # (re)write notebooks/*.ipynb
    python tools/make_notebooks.py --check   # exit 1 if a notebook differs from what this script writes

Edit the cells here, not the ``.ipynb`` JSON: the notebooks are committed without outputs or
execution counts, with stable cell ids, so a regenerated notebook shows up in ``git diff`` only
where its text changed. Each cell is ``md(...)`` (Markdown for the reader: a DPO or an analyst)
or ``code(...)``. Code uses only the public API (``vendorgraph.api``);
``tests/test_notebooks.py`` checks
that and runs every notebook offline on the bundled samples.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "notebooks"


def md(text: str):
    return ("markdown", textwrap.dedent(text).strip("\n"))


def code(text: str):
    return ("code", textwrap.dedent(text).strip("\n"))


# --------------------------------------------------------------------------------------------
# 01: the quickstart
# --------------------------------------------------------------------------------------------

QUICKSTART = [
    md("""
    # vendorgraph quickstart: from privacy policies to "every path to the USA"

    This notebook reads two short sample privacy policies (one English, one German) into a
    knowledge graph, lists the vendors they name, asks the question a data-protection officer
    asks first (*by which paths does personal data reach the USA?*) and shows the interactive
    graph page.

    It runs offline and writes only one file (`graph.html`) into the folder the notebook runs
    in. Open it with `make lab`, or `.venv/bin/jupyter lab notebooks/` from the project folder,
    then *Run ▸ Run All Cells*.
    """),
    md("""
    ## 1. The policies

    vendorgraph ships a few sample policies. For your own, pass file names, folders or globs
    (`"policies/*.pdf"`): plain-text, HTML and PDF policies in English or German are read.
    """),
    code("""
    from vendorgraph.api import Graph

    files = Graph.samples()
    [f.name for f in files]
    """),
    md("""
    ## 2. Read them into a graph

    `Graph.open()` keeps the graph in memory, which is all this walk-through needs.
    `Graph.open("my-store")` keeps it in a folder instead, so that the next session (or the
    command line: `vendorgraph query usa-paths --store my-store`) finds it again; an
    `http(s)://` URL uses a SPARQL endpoint such as Virtuoso or Fuseki.

    `ingest` loads each policy, finds the controller, the vendors and what it says about data
    and transfers, and stores every fact with its evidence: the quote, its position in the
    policy and the rule that found it. Ingesting the same policy again changes nothing; a new
    version of it is stored beside the old one.
    """),
    code("""
    g = Graph.open()
    result = g.ingest(files)
    print(result.summary())
    """),
    md("""
    ## 3. Who receives personal data?

    Every question is a named SPARQL query shipped with vendorgraph. `vendor-concentration`
    lists the organisations that receive personal data and from how many controllers; with
    `min=1` it lists every vendor. `g.query` returns the rows as dictionaries (column → value);
    `g.table` returns the same answer as a table (`columns` and `rows`).
    """),
    code("""
    vendors = g.query("vendor-concentration", min=1)
    for v in vendors:
        print(f"{v['name']:40}  {v['roles'] or '-':12}  {v['countries'] or '-'}")
    """),
    md("""
    ## 4. Every path to the USA

    `usa-paths` follows the chains of recipients (controller → processor → sub-processor) and
    lists each one that ends in the country as one line: the path, its legal status, the transfer
    mechanisms the policy names for the last hop and the document. `country` takes any ISO code
    (`"GB"`, `"SG"`, ...). It is the fast portfolio-wide form; `path-details` gives the same paths
    with every column (and takes an optional `controller`).
    """),
    code("""
    print(len(g.query("usa-paths", country="US")), "paths to the USA")
    paths = g.query("path-details", country="US")
    for p in paths:
        print(p["path"])
        print("   mechanisms:", p["mechanisms"] or "none stated", "| status:", p["status"])
    """),
    md("""
    The status is the legal basis the policy gives for the last hop (notebook 02 explains the
    statuses and computes them at a date). Each row can be traced back to its source: `quote` is
    the sentence of the policy, `document` the file it comes from.
    """),
    code("""
    for p in paths:
        print(f"{p['recipient']} [{p['code']}]  ({p['document']})")
        print("   ", (p["quote"] or "")[:160])
    """),
    md("""
    ## 5. The interactive graph

    The graph page is one self-contained HTML file (no network needed): controllers, vendors,
    recipient categories and countries, with transfers to third countries highlighted. Hover a
    node or an edge to read its facts and evidence. Below it is shown inline; the file itself
    (`graph.html`) can be opened in any browser or sent to a colleague.
    """),
    code("""
    import html
    from IPython.display import HTML

    page = g.write_page("graph.html")
    # srcdoc: the page travels inside the notebook (no server, no network); sandbox: its script
    # runs apart from the notebook.
    HTML(f'<div><iframe sandbox="allow-scripts" srcdoc="{html.escape(page.read_text(encoding="utf-8"))}" '
         'style="width:100%; height:620px; border:1px solid #ddd"></iframe></div>')
    """),
    md("""
    ## Next

    `g.queries()` lists every question vendorgraph answers, with its parameters. The next
    notebooks look at the legal status of each transfer and the vendor-risk report
    (`02-transfer-risk`), and at writing a question of your own (`03-your-own-question`).
    """),
    code("""
    for q in g.queries():
        params = ", ".join(f"{p.name}={p.default}" if p.default else p.name for p in q.params)
        print(f"{q.name:28} {q.title}" + (f"  ({params})" if params else ""))
    """),
]


# --------------------------------------------------------------------------------------------
# 02: transfer risk
# --------------------------------------------------------------------------------------------

RISK = [
    md("""
    # Transfer risk: legal status at a date, findings and the vendor-risk report

    A transfer of personal data to a third country (outside the EU/EEA) needs a basis under
    Chapter V GDPR: an adequacy decision (Art. 45), appropriate safeguards such as standard
    contractual clauses or binding corporate rules (Art. 46, 47), or a derogation (Art. 49).
    Whether a basis holds depends on the date: the EU-US Privacy Shield was valid until 16 July
    2020 (C-311/18), the EU-US Data Privacy Framework covers certified US organisations since
    10 July 2023.

    This notebook computes the status of every transfer in the sample policies at a date, shows
    the findings behind the vendor-risk report, draws the transfers by country and mechanism,
    and exports the report. It runs offline and writes only into the current folder.
    """),
    code("""
    from vendorgraph.api import Graph

    g = Graph.open()            # in memory: nothing to clean up afterwards
    print(g.ingest(Graph.samples()).summary())
    """),
    md("""
    ## 1. The legal status of each transfer at a date

    `build_report(store, as_of=...)` collects every flow of the current policy versions and
    decides the status of each third-country transfer at that date:

    | status | meaning |
    |---|---|
    | **covered** | an adequacy decision in force at the date (Art. 45), stated in the policy or not; for the USA only with a DPF-certified recipient |
    | **safeguarded** | standard contractual clauses or binding corporate rules (Art. 46, 47) |
    | **derogation** | one of the exceptions of Art. 49 (consent, contract, ...) |
    | **uncertified** | adequacy claimed for a US recipient that is not DPF-certified |
    | **invalid** | the mechanism was struck down (Privacy Shield after 16 July 2020) |
    | **missing** | no valid mechanism: none named and no adequacy decision covers the country (or a decision is claimed where none holds) |

    Change `AS_OF` to look at another day.
    """),
    code("""
    AS_OF = "2025-06-30"

    report = g.report(as_of=AS_OF)
    for s in report.controllers:
        for line in s.lines:
            if line.country:
                print(f"{line.source} -> {line.recipient} [{line.country}]   (policy of {line.controller})")
                print(f"    mechanisms: {line.mechanisms or 'none stated'};  on {AS_OF}: "
                      f"{line.status} ({line.status_note})")
    """),
    md("""
    The same transfers at three dates: under the Privacy Shield (2019), after the Schrems II
    judgment struck it down and before the Data Privacy Framework (2021), and at `AS_OF`. A
    transfer resting on US adequacy changes status; one resting on SCC does not.
    """),
    code("""
    import html
    from IPython.display import HTML

    DATES = ["2019-06-30", "2021-06-30", AS_OF]

    # status[transfer][date]; a transfer is one flow line: who sends to whom, where, on which basis
    status = {}
    for day in DATES:
        for section in g.report(as_of=day).controllers:
            for l in section.lines:
                if l.country:
                    transfer = (f"{l.source} → {l.recipient} [{l.country}]", l.mechanisms or "none stated", l.quote)
                    status.setdefault(transfer, {})[day] = l.status

    header = ["transfer", "mechanisms"] + DATES
    rows = [[name, mechanisms] + [by_day.get(d, "") for d in DATES]
            for (name, mechanisms, _quote), by_day in status.items()]
    HTML("<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>"
         + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
         + "</table>")
    """),
    md("""
    ## 2. The findings behind the vendor-risk report

    The risk rules are SPARQL files (`queries/risk/*.rq`), each with a severity and the GDPR
    article behind it: a missing or invalid mechanism, US adequacy without DPF certification,
    special categories (Art. 9) abroad, long sub-processing chains, a joint controllership
    without a stated arrangement. Each finding names the controller, the party, the evidence
    quote and the policy it comes from.
    """),
    code("""
    print("findings by severity:", report.severity_counts())
    for f in report.findings:
        print(f"[{f.severity}] {f.title} ({f.article})")
        print(f"    {f.controller_name} -> {f.party_name} {f.code}  {f.detail}")
        print(f"    evidence: {f.quote[:140]!r} ({f.document})")
    """),
    md("""
    ## 3. Transfers by destination country and mechanism

    `transfers-by-country` counts the third-country transfers per destination and mechanism (a
    transfer naming two mechanisms counts under both). Drawn as stacked bars with matplotlib.
    """),
    code("""
    import matplotlib.pyplot as plt

    rows = g.query("transfers-by-country")
    countries = sorted({r["code"] for r in rows})
    mechanisms = sorted({r["mechanism"] or "none_stated" for r in rows})
    counts = {(r["code"], r["mechanism"] or "none_stated"): int(r["transfers"]) for r in rows}
    # a problem stands out: no mechanism or an invalid one in red and purple
    colours = {"none_stated": "#d62728", "privacy_shield": "#9467bd", "adequacy": "#2ca02c",
               "scc": "#1f77b4", "bcr": "#17becf", "derogation": "#ff7f0e"}

    fig, ax = plt.subplots(figsize=(7, 0.6 * len(countries) + 1.5))
    left = [0] * len(countries)
    for m in mechanisms:
        widths = [counts.get((c, m), 0) for c in countries]
        ax.barh(countries, widths, left=left, label=m, color=colours.get(m, "#7f7f7f"))
        left = [a + b for a, b in zip(left, widths)]
    ax.set_xlabel("transfers stated in the policies")
    ax.set_title("Third-country transfers by destination and mechanism")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(title="mechanism", loc="upper left", bbox_to_anchor=(1.01, 1))
    plt.tight_layout()
    plt.show()
    """),
    md("""
    ## 4. Export the report

    The vendor-risk report groups everything per controller and per vendor, with the findings
    and their evidence. It is written as HTML (one self-contained file with its own chart), PDF,
    CSV (one row per finding) or JSON, chosen by the file extension. PDF needs WeasyPrint (the
    `report` extra) and its system libraries.
    """),
    code("""
    for name in ("vendor-risk.html", "vendor-risk.csv", "vendor-risk.json"):
        path = g.write_report(name, as_of=AS_OF)
        print(f"{path}  {path.stat().st_size:>8} bytes")
    """),
    md("""
    The CSV opens in a spreadsheet; the first lines:
    """),
    code("""
    from pathlib import Path

    print("\\n".join(Path("vendor-risk.csv").read_text(encoding="utf-8").splitlines()[:5]))
    """),
    md("""
    The HTML report is what you hand to management or an auditor: one file, no network needed.
    Here it is inline:
    """),
    code("""
    report_page = Path("vendor-risk.html").read_text(encoding="utf-8")
    HTML(f'<div><iframe sandbox="" srcdoc="{html.escape(report_page)}" '
         'style="width:100%; height:600px; border:1px solid #ddd"></iframe></div>')
    """),
]


# --------------------------------------------------------------------------------------------
# 03: your own question
# --------------------------------------------------------------------------------------------

OWN = [
    md("""
    # Your own question: a SPARQL query and a networkx analysis

    The shipped questions cover what most analysts ask; this notebook shows how to ask your own,
    in two ways:

    1. **SPARQL**, the query language of the graph: write a `.rq` file with a short header,
       run it like a shipped query, and turn the answer into a table and a chart;
    2. **networkx**, for questions about chains and networks that SPARQL expresses badly:
       the flows as a directed graph, analysed and drawn in Python.

    It runs offline on the sample policies and writes only into the current folder.
    """),
    code("""
    from vendorgraph.api import Graph

    g = Graph.open()
    print(g.ingest(Graph.samples()).summary())
    """),
    md("""
    ## 1. A question in SPARQL

    *Which data categories does each controller send to which recipients, and does the data
    leave the EEA?*

    A query file starts with a header of `#` lines: a title, a description, its parameters
    (`# param: name: type = default -- help`) and the columns it returns. Parameters are not
    pasted into the text: vendorgraph binds them as variables (`?country` below), so a value can
    never change the query. Queries see every policy version; joining `?doc vg:currentVersion
    ?ver` keeps the current ones. The graph's vocabulary is described in `docs/ARCHITECTURE.md`
    and `ontology/core.ttl`.
    """),
    code('''
    from pathlib import Path

    Path("categories-by-recipient.rq").write_text("""\\
    # title: Data categories per controller and recipient, and whether they leave the EEA
    # description: One row per controller, recipient and data category of the current policy versions;
    # description: destination is the third country of a transfer (empty: no transfer stated).
    # param: country: country = US -- a destination to flag (ISO code)
    # columns: controller, recipient, category, destination, toCountry
    PREFIX vg:   <https://w3id.org/vendorgraph/ontology#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    PREFIX skos: <http://www.w3.org/2004/02/skos/core#>

    SELECT DISTINCT ?controller ?recipient ?category ?destination
           (COALESCE(?dest = ?country, false) AS ?toCountry)
    WHERE {
      ?flow a vg:DataFlow ;
            vg:inVersion ?ver ;
            vg:controller/rdfs:label ?controller ;
            vg:to ?to ;
            vg:dataCategory/skos:notation ?category .
      ?doc vg:currentVersion ?ver .
      { ?to rdfs:label ?recipient } UNION
      { ?to skos:prefLabel ?recipient FILTER(LANGMATCHES(LANG(?recipient), "en")) }
      OPTIONAL { ?flow vg:destination ?dest .
                 OPTIONAL { ?dest vg:isoCode ?iso } }
      BIND(IF(BOUND(?dest), COALESCE(?iso, REPLACE(STR(?dest), "^.*[#/]", "")), "") AS ?destination)
    }
    ORDER BY ?controller ?recipient ?category
    """, encoding="utf-8")

    answer = g.table("categories-by-recipient.rq", country="US")
    print(len(answer.rows), "rows; columns:", answer.columns)
    '''),
    md("""
    ### As a table

    A result has `columns` and `rows` of plain strings (IRIs, values). A few lines of Python turn
    it into an HTML table; every value is escaped, since it comes from a policy.
    """),
    code("""
    import html
    from IPython.display import HTML


    def html_table(result, limit=50):
        head = "".join(f"<th>{html.escape(c)}</th>" for c in result.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
            for row in result.rows[:limit])
        more = f"<p>{len(result.rows) - limit} more rows</p>" if len(result.rows) > limit else ""
        return HTML(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}")


    html_table(answer)
    """),
    md("""
    ### As a picture

    How many recipients receive each data category, split into recipients inside the EEA and
    recipients in a third country.
    """),
    code("""
    from collections import Counter
    import matplotlib.pyplot as plt

    inside, abroad = Counter(), Counter()
    for r in answer.dicts():
        (abroad if r["destination"] else inside)[r["category"]] += 1
    categories = sorted(set(inside) | set(abroad))

    fig, ax = plt.subplots(figsize=(7, 0.45 * len(categories) + 1.5))
    ax.barh(categories, [inside[c] for c in categories], label="stays in the EU/EEA (as stated)")
    ax.barh(categories, [abroad[c] for c in categories],
            left=[inside[c] for c in categories], label="to a third country")
    ax.set_xlabel("flows")
    ax.set_title("Data categories by where they go")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1))
    plt.tight_layout()
    plt.show()
    """),
    md("""
    ## 2. A question for networkx

    *Which vendors hold the data of the most controllers, which pass it on to others, and which
    receive it in a third country?*

    `to_networkx()` gives the flows as a `networkx.MultiDiGraph`: one node per organisation or
    recipient category (attributes `name`, `kind`), one edge per flow from the party that passes
    the data on to the recipient (attributes `controller`, `document`, `code` for the destination
    country, `mechanisms`, `status`, `categories`, `roles`, `quote`). Everything networkx offers
    works on it; here, betweenness centrality marks the parties that data passes *through*.
    """),
    code("""
    import networkx as nx

    # Ready-made: every simple path to a country, computed with networkx, each hop with its status.
    for path in g.paths(to="US"):
        print(path.text, "|", "; ".join(f"{h.target_name}: {h.status or '-'}" for h in path.hops))

    # Your own analysis starts from the graph itself.
    G = g.to_networkx()
    print(G.number_of_nodes(), "parties,", G.number_of_edges(), "flows")

    controllers = {d["controller"] for _, _, d in G.edges(data=True)}
    abroad = {v for _, v, d in G.edges(data=True) if d["code"]}  # recipients of a third-country transfer
    betweenness = nx.betweenness_centrality(nx.DiGraph(G))

    rows = []
    for n in G:
        if n in controllers:
            continue
        data_of = {d["controller"] for _, _, d in G.in_edges(n, data=True)}
        countries = sorted({d["code"] for _, _, d in G.in_edges(n, data=True) if d["code"]})
        rows.append((G.nodes[n]["name"], G.nodes[n]["kind"], len(data_of), G.out_degree(n),
                     round(betweenness[n], 3), ", ".join(countries)))
    rows.sort(key=lambda r: (-r[2], -r[4], r[0]))
    """),
    md("""
    The same table helper works for any rows: give it an object with `columns` and `rows`.
    """),
    code("""
    from types import SimpleNamespace

    html_table(SimpleNamespace(
        columns=("party", "kind", "controllers whose data it receives", "passes data on to",
                 "betweenness", "receives it in"),
        rows=rows))
    """),
    md("""
    ### The network as a picture

    Left to right: controllers (blue), the parties they send data to, and the parties those pass it
    on to. Recipients in a third country are red, with the country on the arrow. For the interactive
    version, with filters and the evidence of each flow, see the graph page in `01-quickstart`.
    """),
    code("""
    D = nx.DiGraph(G)  # one arrow per pair of parties is enough for a picture
    hops = nx.multi_source_dijkstra_path_length(D, controllers)
    for n in D:
        D.nodes[n]["layer"] = hops.get(n, 0)
    pos = nx.multipartite_layout(D, subset_key="layer")
    colours = ["#1f77b4" if n in controllers else "#d62728" if n in abroad else "#bbbbbb" for n in D]

    fig, ax = plt.subplots(figsize=(11, 7))
    nx.draw_networkx_nodes(D, pos, ax=ax, node_color=colours, node_size=300)
    nx.draw_networkx_edges(D, pos, ax=ax, edge_color="#888888", node_size=300)
    nx.draw_networkx_edge_labels(D, pos, ax=ax, font_size=8, font_color="#d62728",
                                 edge_labels={(u, v): d["code"] for u, v, d in D.edges(data=True) if d["code"]})
    above = {n: (x, y + 0.07) for n, (x, y) in pos.items()}  # names just above their node
    nx.draw_networkx_labels(D, above, ax=ax, font_size=8, labels={n: D.nodes[n]["name"][:30] for n in D})
    ax.set_title("Who passes personal data to whom")
    ax.margins(x=0.12, y=0.08)
    ax.set_axis_off()
    plt.show()
    """),
    md("""
    ## Next

    A query you use often can live in a folder of `.rq` files, shared with colleagues and run from
    the command line as well: `vendorgraph query categories-by-recipient.rq --param country=US
    --format csv`. A query in `queries/risk/` with a severity and an article in its header
    becomes a rule of the vendor-risk report.
    """),
]


NOTEBOOKS = {
    "01-quickstart.ipynb": QUICKSTART,
    "02-transfer-risk.ipynb": RISK,
    "03-your-own-question.ipynb": OWN,
}


def build(name: str, cells) -> nbformat.NotebookNode:
    nb = new_notebook()
    stem = name.split("-")[0]
    for i, (kind, src) in enumerate(cells):
        cell = new_markdown_cell(src) if kind == "markdown" else new_code_cell(src)
        cell["id"] = f"nb{stem}-{i:02d}"
        nb.cells.append(cell)
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
        "language_info": {"name": "python", "pygments_lexer": "ipython3"},
    }
    nbformat.validate(nb)
    return nb


def text(nb) -> str:
    return nbformat.writes(nb) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare; exit 1 if a notebook is stale")
    args = ap.parse_args(argv)
    stale = []
    for name, cells in NOTEBOOKS.items():
        path = OUT / name
        want = text(build(name, cells))
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != want:
                stale.append(name)
            continue
        OUT.mkdir(exist_ok=True)
        if not path.is_file() or path.read_text(encoding="utf-8") != want:
            path.write_text(want, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale (run python tools/make_notebooks.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
