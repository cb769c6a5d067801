"""Synthetic GDPR privacy policies for benchmarks and tests (English and German).

Each policy names a controller, the processors it uses (vendors from the registry, with their
legal entities and services), sub-processor chains, third-country transfers under the whole
range of mechanisms (adequacy, DPF, SCCs, BCRs, Art. 49 derogations, the invalid Privacy
Shield, none stated), the data categories, recipient categories, and filler sections, padded to
a length between 2 kB and 80 kB. Deterministic: policy ``i`` of ``seed`` is always the same text.

Library use::

    from benchmarks.generate import generate
    for name, text in generate(100, seed=1): ...

Command line::

    python benchmarks/generate.py 1000 --out /tmp/policies --seed 1 [--kb 30]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
COMPANY_LIST = ROOT.parent / "shared" / "registry" / "datenanfragen-companies.jsonl"

try:  # the sentence material lives beside this file
    from benchmarks import _templates as T
except ImportError:  # run as a script: benchmarks/ is on sys.path
    import _templates as T  # type: ignore[no-redef]


@dataclass(frozen=True)
class Vendor:
    """A vendor as a policy names it: a legal entity, its country, and a service (may be empty)."""

    entity: str
    country: str
    service: str = ""


@cache
def vendors() -> tuple[tuple[Vendor, ...], tuple[Vendor, ...]]:
    """(registry vendors, long-tail companies from the shared CC0 list); deterministic order."""
    return _registry_vendors(), _long_tail()


def _registry_vendors() -> tuple[Vendor, ...]:
    out: list[Vendor] = []
    try:
        from vendorgraph.resolve.registry import Registry

        for v in Registry.default().vendors():
            services = list(v.services) or [""]
            for i, e in enumerate(v.entities):
                out.append(Vendor(e.name, (e.country or v.country or "US").upper(), services[i % len(services)]))
    except Exception:  # noqa: BLE001 - the registry is optional here; fall back to the company list
        pass
    return tuple(out)


def _long_tail() -> tuple[Vendor, ...]:
    out: list[Vendor] = []
    if COMPANY_LIST.is_file():
        for line in COMPANY_LIST.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            name = rec.get("name", "")
            if not any(name.endswith(f) for f in T.LEGAL_FORMS):
                continue
            rel = [c.upper() for c in rec.get("relevant-countries", []) if c != "all"]
            out.append(Vendor(name, rel[0] if rel else "US"))
    if not out:
        out = [Vendor(f"{a} {b} {f}", c) for a, b, f, c in T.FALLBACK_VENDORS]
    return tuple(out)


def _unique_word(i: int) -> str:
    """A pronounceable word unique to ``i`` (controller names must differ, and digits are not names)."""
    syl = T.SYLLABLES
    out = ""
    while True:
        i, r = divmod(i, len(syl))
        out += syl[r]
        if i == 0:
            return out.capitalize()


def _vendor(rng: random.Random) -> Vendor:
    known, tail = vendors()
    pool = known if (rng.random() < 0.6 and known) or not tail else tail
    return pool[rng.randrange(len(pool))]


def _controller(rng: random.Random, i: int, lang: str) -> tuple[str, str]:
    name = f"{rng.choice(T.NAME_A)}{rng.choice(T.NAME_B)} {_unique_word(i)} {rng.choice(T.TRADES[lang])}"
    form = rng.choice(T.CONTROLLER_FORMS[lang])
    return f"{name} {form}", rng.choice(T.CITIES[lang])


def _pick(rng: random.Random, options: list[str] | tuple[str, ...]) -> str:
    return options[rng.randrange(len(options))]


def policy(i: int, seed: int = 0, target_bytes: int | None = None, de_share: float = 0.35) -> tuple[str, str]:
    """The ``i``-th synthetic policy of ``seed``: (file name, text)."""
    rng = random.Random(f"{seed}:{i}")
    lang = "de" if rng.random() < de_share else "en"
    if target_bytes is None:  # log-uniform between 2 kB and 80 kB
        target_bytes = int(math.exp(rng.uniform(math.log(2_000), math.log(80_000))))
    ctrl, city = _controller(rng, i, lang)
    k = rng.randint(2, min(12, 2 + target_bytes // 3_000))
    chosen = [_vendor(rng) for _ in range(k)]
    L = T.LANG[lang]
    parts: list[str] = [_pick(rng, L["title"]).format(ctrl=ctrl), ""]
    parts += [_pick(rng, L["h_controller"]), _pick(rng, L["controller"]).format(ctrl=ctrl, city=city), ""]
    if rng.random() < 0.5:
        parts += [_pick(rng, L["dpo"]).format(ctrl=ctrl), ""]
    cats = rng.sample(L["data"], rng.randint(2, min(6, len(L["data"]))))
    parts += [_pick(rng, L["h_data"]), _pick(rng, L["data_intro"]).format(cats=", ".join(cats)), ""]
    parts += [_pick(rng, L["h_recipients"])]
    for rc in rng.sample(L["recipient_cats"], rng.randint(1, 3)):
        parts.append(_pick(rng, L["recipient_cat"]).format(rc=rc))
    parts.append("")
    for v in chosen:
        templates = L["processor"] if v.service else [t for t in L["processor"] if "{svc}" not in t]
        parts.append(_pick(rng, templates).format(
            svc=v.service or v.entity, ent=v.entity, where=L["country"].get(v.country, v.country),
            purpose=_pick(rng, L["purposes"])))
        if rng.random() < 0.35:  # a processor chain: the processor engages a sub-processor
            sub = _vendor(rng)
            parts.append(_pick(rng, L["chain"]).format(
                ent=v.entity, sub=sub.entity, where=L["country"].get(sub.country, sub.country)))
        parts.append("")
    parts.append(_pick(rng, L["h_transfer"]))
    if rng.random() < 0.08:
        parts.append(_pick(rng, L["no_transfer"]))
    else:
        for v in chosen:
            if v.country in T.EEA and rng.random() < 0.7:
                continue
            dest = v.country if v.country not in T.EEA else _pick(rng, T.THIRD)
            mech = _pick(rng, T.MECHANISMS)
            parts.append(_pick(rng, L["transfer"]).format(
                ent=v.entity, where=L["country"].get(dest, dest), mech=_pick(rng, L["mech"][mech])))
        if rng.random() < 0.3:
            parts.append(_pick(rng, L["unnamed_transfer"]))
    parts.append("")
    filler = L["filler"]
    text = "\n".join(parts)
    n = 0
    while len(text.encode()) < target_bytes:
        head = _pick(rng, L["h_filler"])
        body = " ".join(_pick(rng, filler).format(ctrl=ctrl, days=rng.choice((14, 30, 90, 180, 365)))
                        for _ in range(rng.randint(3, 9)))
        text += f"\n{n + 7}. {head}\n{body}\n"
        n += 1
    name = f"synthetic-{seed}-{i:06d}-{lang}.txt"
    return name, text


def generate(n: int, seed: int = 0, target_bytes: int | None = None, start: int = 0) -> Iterator[tuple[str, str]]:
    """``n`` policies as (file name, text), one at a time (nothing is held)."""
    for i in range(start, start + n):
        yield policy(i, seed, target_bytes)


def write(n: int, out: Path, seed: int = 0, target_bytes: int | None = None) -> tuple[int, int]:
    """Write ``n`` policies to ``out``; returns (files, bytes). Existing identical files are kept."""
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, text in generate(n, seed, target_bytes):
        data = text.encode("utf-8")
        p = out / name
        if not (p.exists() and p.stat().st_size == len(data)):
            p.write_bytes(data)
        total += len(data)
    return n, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Write synthetic privacy policies (English and German).")
    ap.add_argument("n", type=int, help="number of policies")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--kb", type=float, default=None, help="length of every policy in kB (default: 2-80 kB mixed)")
    a = ap.parse_args(argv)
    files, size = write(a.n, a.out, a.seed, int(a.kb * 1000) if a.kb else None)
    print(f"wrote {files} policies ({size / 1e6:.1f} MB) to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
