"""Turn transfer statements into transfers: section mechanisms, implicit destinations, chains, merging."""

from __future__ import annotations

from ..model import Span, Transfer
from .context import DocContext
from .lexicon import countries
from .roles import SubProcessing
from .transfers import THIRD, UNNAMED_SUBS, US_FRAMEWORK, Cand, Statements, _for_country, apply_section_mechanisms

#: The recipient-category key of a controller's group companies.
GROUP = "category:group_companies"
#: Evidence spans kept per transfer.
MAX_SPANS = 4


def _third(code: str) -> bool:
    return code == THIRD or countries().third(code)


def _stated(ctx: DocContext, ent: dict[int, list[tuple[str, int, int]]], key: str,
            skip: frozenset[int] = frozenset()) -> dict[str, Span]:
    """Non-EU/EEA countries stated for any entity of vendor ``key`` (mentions at ``skip`` left out)."""
    out: dict[str, Span] = {}
    for i, found in sorted(ent.items()):
        m = ctx.mentions[i]
        if m.vendor.key != key or m.start in skip:
            continue
        for code, s, e in found:
            if countries().third(code) and code not in out:
                out[code] = ctx.span(m.start, max(e, m.end), "transfer.implicit.address", 0.55)
    return out


def _mechanism_only(ctx: DocContext, st: Statements, ent: dict[int, list[tuple[str, int, int]]]) -> list[Cand]:
    """A mechanism named for a recipient with no destination: its stated countries, else the countries
    other sections send it to ("SCCs: for A, B and C" in a summary), else unnamed ones."""
    have = {(c.recipient, c.section) for c in st.cands}
    known: dict[str, set[str]] = {}
    for c in st.cands:
        if c.via is None and c.country != THIRD:
            known.setdefault(c.recipient, set()).add(c.country)
    out: list[Cand] = []
    for c in st.mech_only:
        if (c.recipient, c.section) in have or not c.mechs:
            continue
        stated = _stated(ctx, ent, c.recipient) if not c.recipient.startswith("category:") else {}
        for code in sorted(stated) or sorted(known.get(c.recipient, ())) or [THIRD]:
            out.append(Cand(c.recipient, None, code, _for_country(c.mechs, code), False, c.section, False, list(c.spans)))
    return out


def _suppress_unnamed(cands: list[Cand]) -> list[Cand]:
    """Drop 'a third country' where the same section names the country, unless 'other' ones are meant; and
    drop one with no mechanism of its own for a recipient whose country the policy names elsewhere ("transfers
    only in the cases described above (A, B, C)" refers back, it adds no destination)."""
    named = {(c.recipient, c.via, c.section) for c in cands if c.country != THIRD}
    anywhere = {c.recipient for c in cands if c.country != THIRD}
    return [c for c in cands if c.country != THIRD or c.qualified
            or (c.recipient, c.via, c.section) not in named and (c.mechs or c.recipient not in anywhere)]


def _address_bound(ctx: DocContext, cands: list[Cand], ent: dict[int, list[tuple[str, int, int]]]) -> list[Cand]:
    """In a sentence naming several recipients with their addresses ("X Inc. (Austin, USA) and Y S.R.L.
    (Cluj, Romania)"), a country in one recipient's address is no destination of the others."""
    out = []
    for c in cands:
        s, e = c.spans[0].start, c.spans[0].end
        owners: dict[str, set[str]] = {}
        for i, found in ent.items():
            if s <= ctx.mentions[i].start < e:
                for code, _, _ in found:
                    owners.setdefault(code, set()).add(ctx.mentions[i].vendor.key)
        own = {code for code, keys in owners.items() if c.recipient in keys}
        if c.via is None and own and c.recipient not in owners.get(c.country, {c.recipient}):
            continue
        out.append(c)
    return out


def _chains(ctx: DocContext, subs: list[SubProcessing], ent: dict[int, list[tuple[str, int, int]]],
            cands: list[Cand]) -> list[Cand]:
    """Transfers of named sub-processors via their processor: to the sub-processor's stated countries, else
    to where the sentence sends the processor's sub-processors ("V uses sub-processors in the USA (e.g. R)")."""
    unnamed: dict[tuple[str, int], set[str]] = {}
    for c in cands:
        if c.recipient == UNNAMED_SUBS and c.via is not None and c.country != THIRD:
            unnamed.setdefault((c.via, c.spans[0].start), set()).add(c.country)
    out: list[Cand] = []
    for sp in subs:
        if ctx.is_aside(sp.sub):
            continue  # "X relies on X LLC, a Y company": Y is named in passing, not a sub-processor
        by_surface = {code for i, f in ent.items() if ctx.mentions[i].surface == sp.sub.surface for code, _, _ in f}
        in_sentence = {code for i, f in ent.items() if ctx.mentions[i].vendor.key == sp.sub.vendor.key
                       and sp.span.start <= ctx.mentions[i].start < sp.span.end for code, _, _ in f}
        codes = by_surface or in_sentence or set(_stated(ctx, ent, sp.sub.vendor.key))
        sent = ctx.sentence_at(sp.span.start)
        if not codes and sent is not None:
            codes = unnamed.get((sp.via.vendor.key, sent.start), set())
        for code in sorted(c for c in codes if countries().third(c)):
            out.append(Cand(sp.sub.vendor.key, sp.via.vendor.key, code, set(), False, sent.section if sent else -1, False,
                            [Span(sp.span.start, sp.span.end, sp.span.quote, "transfer.chain.sub_processor",
                                  0.55, sp.span.heading_path)]))
    return out


def _implicit(ctx: DocContext, cands: list[Cand], ent: dict[int, list[tuple[str, int, int]]],
              keys: set[str], skip: frozenset[int]) -> list[Cand]:
    have = {(c.recipient, c.country) for c in cands}  # directly or through a chain
    # "V | Walldorf | India, USA through sub-processors": those countries are the sub-processors', not V's address
    subs = {(c.via, c.country, c.spans[0].start) for c in cands if c.recipient == UNNAMED_SUBS}
    out: list[Cand] = []
    for key in sorted(keys):
        for code, span in sorted(_stated(ctx, ent, key, skip).items()):
            sent = ctx.sentence_at(span.start)
            if (key, code) not in have and (sent is None or (key, code, sent.start) not in subs):
                out.append(Cand(key, None, code, set(), False, -1, False, [span]))
    return out


def _eea_only(ctx: DocContext, ent: dict[int, list[tuple[str, int, int]]], key: str) -> bool:
    """True when every country stated for vendor ``key`` is in the EU/EEA (and at least one is)."""
    codes = {code for i, found in ent.items() if ctx.mentions[i].vendor.key == key for code, _, _ in found}
    return bool(codes) and not any(countries().third(c) for c in codes)


def _onto_chain(ctx: DocContext, c: Cand, chains: list[Cand], ent: dict[int, list[tuple[str, int, int]]]) -> bool:
    """A statement naming an EU/EEA processor V where V's sub-processor R goes to that country ("V uses R, USA";
    "this may mean a transfer to the USA") is R's transfer via V: merge it into the chain (True: drop it)."""
    if c.via is not None or _stated(ctx, ent, c.recipient):
        return False  # V has an address outside the EU/EEA of its own
    hit = [ch for ch in chains if ch.via == c.recipient and ch.section == c.section and ch.country == c.country]
    for ch in hit:
        ch.mechs |= c.mechs
        ch.explicit = ch.explicit or c.explicit
        ch.spans += c.spans
    return bool(hit)


def _segment(ctx: DocContext, c: Cand) -> int:
    """The segment of a candidate's first evidence (-1: none)."""
    sent = ctx.sentence_at(c.spans[0].start)
    return sent.seg if sent is not None else -1


def _route_through_chains(ctx: DocContext, st: Statements, chains: list[Cand],
                          ent: dict[int, list[tuple[str, int, int]]]) -> None:
    """In a section with "V uses sub-processor R": statements about R go to the chain R via V (elsewhere too when
    they name V), and
    mechanisms agreed with an EU/EEA processor V ("V has concluded SCCs") cover its onward transfers, as does
    a mechanism sentence about V after the chain when no country outside the EU/EEA is stated for V ("V uses
    R's data centres in the USA. The transfer is based on SCCs")."""
    via_of = {(c.recipient, c.section): c.via for c in chains}
    seg_of = {(c.recipient, c.section): _segment(ctx, c) for c in chains}

    def sibling(c: Cand) -> bool:  # a statement in another item of the chain's list is about R itself
        a, b = _segment(ctx, c), seg_of[(c.recipient, c.section)]
        return a != b and a >= 0 and b >= 0 and ctx.segments[a].kind == ctx.segments[b].kind == "list_item"

    named_via = {c.recipient: c.via for c in chains}
    for c in st.cands:
        if c.via is None and (c.recipient, c.section) in via_of and not sibling(c):
            c.via = via_of[(c.recipient, c.section)]
            c.explicit = False
        elif c.via is None and c.recipient in named_via and _names(ctx, c, named_via[c.recipient]):
            c.via = named_via[c.recipient]  # "| R (infrastructure for V) | USA |" elsewhere: R's transfer via V
    st.cands = [c for c in st.cands if not _onto_chain(ctx, c, chains, ent)]
    first: dict[tuple[str | None, int], int] = {}
    for c in chains:
        first[(c.via, c.section)] = min(first.get((c.via, c.section), c.spans[0].start), c.spans[0].start)
    after = {(c.recipient, c.section) for c in st.mech_only if c.spans[0].start > first.get((c.recipient, c.section), 1 << 62)}
    onward_for: set[tuple[str, int]] = set()
    pairs = {(c.via, c.recipient, c.section) for c in chains}
    for i, (section, recips, dests, mechs, onward, strict) in enumerate(st.notes):
        both = [(v, r) for v, r, sec in pairs if sec == section and v in recips and r in recips]
        if not onward and both:  # "SCCs between V and its sub-processor R": the chain's mechanism
            st.notes[i] = (section, {v for v, _ in both}, dests, mechs, True, strict)
            onward_for |= {(k, section) for pair in both for k in pair}
            continue
        if not onward and not dests and len(recips) == 1:
            v = next(iter(recips))
            if (v, section) in first and (_eea_only(ctx, ent, v) or (v, section) in after and not _stated(ctx, ent, v)):
                st.notes[i] = (section, recips, dests, mechs, True, strict)
                onward_for.add((v, section))
    st.mech_only = [c for c in st.mech_only if (c.recipient, c.section) not in onward_for]


def _names(ctx: DocContext, c: Cand, key: str | None) -> bool:
    """True when the sentence of a candidate's first evidence names vendor ``key``."""
    sent = ctx.sentence_at(c.spans[0].start)
    return sent is not None and any(m.vendor.key == key for m in ctx.mentions_in(sent.start, sent.end))


def _drop_denied(cands: list[Cand], denied: list[tuple[str, str]]) -> None:
    """Remove the mechanisms the text says are not in place for a recipient (the DPF only for the USA)."""
    for c in cands:
        for key, mech in denied:
            if key == c.recipient and (mech != US_FRAMEWORK or c.country == "US"):
                c.mechs.discard("adequacy" if mech == US_FRAMEWORK else mech)


def _onto_unnamed(ctx: DocContext, cands: list[Cand], ent: dict[int, list[tuple[str, int, int]]]) -> list[Cand]:
    """A processor V's own transfer to a country to which the same section sends V's unnamed sub-processors
    ("V passes data to its service providers in the USA. For transfers to the USA, V uses SCCs") is that
    chain's transfer, unless V has an address there: its mechanisms go to the chain, the candidate is dropped."""
    unnamed = {(c.via, c.section, c.country): c for c in cands if c.recipient == UNNAMED_SUBS}
    out = []
    for c in cands:
        u = unnamed.get((c.recipient, c.section, c.country)) if c.via is None else None
        if u is not None and c.country not in _stated(ctx, ent, c.recipient):
            u.mechs |= c.mechs
            u.spans += c.spans
            continue
        out.append(c)
    return out


def _group_mechanisms(ctx: DocContext, cands: list[Cand], st: Statements, names: dict[str, str]) -> None:
    """"With all group companies we have concluded SCCs": the mechanism of a statement about the group-company
    category covers the transfers to the named group companies (sharing the controller's first name word) of the
    same section."""
    notes = [(section, mechs) for section, recips, dests, mechs, onward, _ in st.notes
             if recips == {GROUP} and not dests and not onward]
    brands = {n.split()[0].lower() for n in ctx.controller_names if n.split() and len(n.split()[0]) > 2}
    if not notes or not brands:
        return
    for c in cands:
        name = names.get(c.recipient, "")
        if c.via is not None or not name or name.split()[0].lower() not in brands:
            continue
        sent = ctx.sentence_at(c.spans[0].start)
        for section, mechs in notes:
            if sent is not None and sent.section == section:
                c.mechs |= _for_country(mechs, c.country)


def _fallback(st: Statements, country: str) -> set[str]:
    """The mechanisms of "unless stated otherwise above, transfers rely on SCCs" sentences that cover ``country``."""
    out: set[str] = set()
    for dests, mechs in st.fallback:
        if not dests or country in dests or THIRD in dests:
            out |= _for_country(mechs, country)
    return out


def build_transfers(ctx: DocContext, st: Statements, subs: list[SubProcessing],
                    ent: dict[int, list[tuple[str, int, int]]], names: dict[str, str]) -> tuple[Transfer, ...]:
    """Merged transfers; ``names`` maps the vendor key of each kept party to its display name."""
    chains = _chains(ctx, subs, ent, st.cands)
    _route_through_chains(ctx, st, chains, ent)
    apply_section_mechanisms(st.cands + chains, st.notes)
    _drop_denied(st.cands + chains, st.denied)
    cands = _suppress_unnamed(_onto_unnamed(ctx, _address_bound(ctx, st.cands, ent), ent) + _mechanism_only(ctx, st, ent))
    cands = [c for c in cands if _third(c.country)] + chains
    cands += _implicit(ctx, cands, ent, set(names), frozenset(sp.sub.start for sp in subs))
    _group_mechanisms(ctx, cands, st, names)
    merged: dict[tuple[str, str | None, str], Cand] = {}
    for c in cands:
        if not (c.recipient.startswith("category:") or c.recipient in names):
            continue
        if c.via is not None and c.via not in names:
            continue
        k = (c.recipient, c.via, c.country)
        if k in merged:
            merged[k].mechs |= c.mechs
            merged[k].explicit = merged[k].explicit or c.explicit
            merged[k].spans += c.spans
        else:
            merged[k] = Cand(c.recipient, c.via, c.country, set(c.mechs), c.explicit, c.section, c.qualified, list(c.spans))
    out = []
    denied = {key for key, _ in st.denied}
    for (r, via, country), c in merged.items():
        mechs = tuple(sorted(c.mechs or (set() if r in denied else _fallback(st, country)))) or ("none_stated",)
        spans = sorted(set(c.spans), key=lambda s: (-s.confidence, s.start))[:MAX_SPANS]
        out.append(Transfer(names.get(r, r), country, mechs, names.get(via) if via else None, c.explicit, (),
                            tuple(sorted(spans, key=lambda s: s.start))))
    return tuple(sorted(out, key=lambda t: (t.recipient, t.via or "", t.country)))

