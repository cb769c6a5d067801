"""explain: each extracted fact beside its quote and the rule that produced it."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="print each extracted fact beside its evidence quote and rule")
    p.add_argument("policy", metavar="POLICY")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="leave out facts whose best evidence is below X (0..1; trades recall for precision)")
    p.add_argument("--extractor", default="rules")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from ..extract.explain import explain_path, render_rows

    rows = explain_path(args.policy, args.extractor, args.min_confidence)
    if args.format == "json":
        print(json.dumps([asdict(r) for r in rows], ensure_ascii=False, indent=1))
    else:
        print(render_rows(rows), end="")
    return 0
