"""Hand-made fixture policies for the graph page and report tests (no tests in here).

The texts are invented for the tests; every fact's evidence quote is cut from its text.
"""

from __future__ import annotations

from vendorgraph.model import CategoryFact, Controller, Document, Facts, Party, Span, Transfer

SHOP_TEXT = (
    "Privacy notice of Acme Shop GmbH, Berlin, Germany. "
    "We host our shop with Cloudy Inc. in the USA as our processor; transfers rely on standard contractual clauses. "
    "Cloudy Inc. stores backups with Storage Corp in the USA. "
    "Trackr Inc. receives usage data in the USA under the EU-US Privacy Shield. "
    "Health questionnaires are stored by MedCloud Ltd in India. "
    "AdNet LLC in the USA receives identifiers on the basis of an adequacy decision. "
    "We are jointly responsible with Social Co. for the fan page."
)


def span(text: str, quote: str, rule: str = "fixture") -> Span:
    start = text.index(quote)
    return Span(start, start + len(quote), quote, rule=rule)


def sentence(text: str, head: str) -> Span:
    """The sentence of ``text`` that starts with ``head``."""
    start = text.index(head)
    stop = text.find(". ", start + len(head))
    end = stop + 1 if stop >= 0 else len(text)
    return Span(start, end, text[start:end], rule="fixture")


def shop_facts(text: str = SHOP_TEXT, name: str = "Acme Shop GmbH") -> Facts:
    ev = lambda head: (sentence(text, head),)  # noqa: E731
    parties = (
        Party("Cloudy Inc.", countries=("US",), roles=("processor",), evidence=ev("We host")),
        Party("Storage Corp", countries=("US",), roles=("sub_processor",), evidence=ev("Cloudy Inc. stores")),
        Party("Trackr Inc.", countries=("US",), roles=("recipient",), evidence=ev("Trackr Inc.")),
        Party("MedCloud Ltd", countries=("IN",), roles=("processor",), evidence=ev("Health")),
        Party("AdNet LLC", aliases=("AdNet Europe Ltd",), countries=("US",), roles=("recipient",), evidence=ev("AdNet")),
        Party("Social Co.", roles=("joint_controller",), evidence=ev("We are jointly")),
    )
    transfers = (
        Transfer("Cloudy Inc.", "US", ("scc",), data_categories=("contact",), evidence=ev("We host")),
        Transfer("Storage Corp", "US", ("scc",), via="Cloudy Inc.", data_categories=("contact",), evidence=ev("Cloudy Inc. stores")),
        Transfer("Trackr Inc.", "US", ("privacy_shield",), data_categories=("usage",), evidence=ev("Trackr Inc.")),
        Transfer("MedCloud Ltd", "IN", ("none_stated",), data_categories=("special_category",), evidence=ev("Health")),
        Transfer("AdNet LLC", "US", ("adequacy",), data_categories=("identifiers",), evidence=ev("AdNet")),
    )
    return Facts(document="acme-shop.txt", language="en",
                 controller=Controller(name, "DE", evidence=(span(text, name),)),
                 parties=parties, transfers=transfers,
                 data_categories=(CategoryFact("contact", (span(text, "shop"),)),))


def store_facts(store, facts: Facts, text: str, name: str = "acme-shop.txt") -> None:
    from vendorgraph.versions import store_document

    store_document(store, Document(source=name, name=name, text=text, language="en"), facts)


def shop_store():
    from vendorgraph.store import open_store

    s = open_store(None)
    store_facts(s, shop_facts(), SHOP_TEXT)
    return s


XSS_POLICY = __import__("pathlib").Path(__file__).parent / "fixtures" / "xss" / "policy.txt"


def xss_facts() -> tuple[Facts, str]:
    """Facts whose names and quotes carry the hostile strings of ``fixtures/xss/policy.txt``."""
    text = XSS_POLICY.read_text(encoding="utf-8")
    ctrl = 'Evil <b>Corp</b> GmbH</title><script>alert("title")</script>'
    hax = 'Hax0r <script>window.__pwned = 1; alert("party")</script> Inc.'
    quote_co = "\"Quote'n'Co\" & Partners Ltd </style><style>body{display:none}</style>"
    start = text.index("Read more")
    end = text.index("-->", start) + 3
    link = Span(start, end, text[start:end], rule="fixture")
    parties = (
        Party(hax, aliases=('<img src=x onerror="window.__pwned = 2">',), countries=("US",), roles=("processor",),
              evidence=(sentence(text, "We share"), link)),
        Party(quote_co, countries=("US",), roles=("recipient",), evidence=(sentence(text, "Analytics"),)),
    )
    transfers = (
        Transfer(hax, "US", ("scc",), data_categories=("contact",), evidence=(sentence(text, "We share"), link)),
        Transfer(quote_co, "US", ("none_stated",), data_categories=("usage",), evidence=(sentence(text, "Analytics"),)),
    )
    facts = Facts(document="xss-policy.txt", language="en", controller=Controller(ctrl, "DE", evidence=(span(text, ctrl),)),
                  parties=parties, transfers=transfers)
    return facts, text
