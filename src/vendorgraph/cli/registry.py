"""vendor, registry check, registry stats, transfer-status: the reference data on the command line."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("vendor", help="show what the vendor registry knows about a vendor")
    p.add_argument("name", metavar="NAME", help='a name as a policy writes it ("Google Ireland Ltd.") or a vendor IRI')
    p.set_defaults(func=cmd_vendor)

    p = sub.add_parser("registry", help="vendor registry: check the reference data, show its size")
    rsub = p.add_subparsers(dest="registry_command", metavar="ACTION")
    c = rsub.add_parser("check", help="validate the registry (countries, parents, aliases, IRIs); exit 1 on problems")
    c.set_defaults(func=cmd_check)
    s = rsub.add_parser("stats", help="count vendors, entities, services and aliases")
    s.set_defaults(func=cmd_stats)
    group = p
    p.set_defaults(func=lambda args: (group.print_help(), 2)[1])

    p = sub.add_parser("transfer-status", help="legal status of a transfer to a country at a date")
    p.add_argument("country", metavar="COUNTRY", help="ISO 3166-1 alpha-2 code, e.g. US")
    p.add_argument("--on", metavar="YYYY-MM-DD", default=None, help="date (default: today)")
    p.add_argument("--mechanism", action="append", default=[], metavar="NOTATION",
                   help="stated mechanism (adequacy, scc, bcr, derogation, privacy_shield); repeatable")
    p.add_argument("--certified", choices=("yes", "no", "unknown"), default="unknown",
                   help="recipient certified where the decision requires it (USA: DPF)")
    p.set_defaults(func=cmd_transfer_status)


def cmd_vendor(args: argparse.Namespace) -> int:
    from ..resolve.describe import describe_vendor

    print("\n".join(describe_vendor(args.name)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from ..resolve.check import check_registry

    problems = check_registry()
    for p in problems:
        print(p)
    print(f"registry check: {len(problems)} problem(s)")
    return 1 if problems else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from ..resolve.check import registry_stats

    for k, v in asdict(registry_stats()).items():
        print(f"{k}: {v}")
    return 0


def cmd_transfer_status(args: argparse.Namespace) -> int:
    from ..legal import transfer_status

    cert = {"yes": True, "no": False, "unknown": None}[args.certified]
    s = transfer_status(args.country, args.mechanism, args.on, cert)
    print(f"{s.status}: {s.country} on {s.on}" + (f" - {s.reference}" if s.reference else ""))
    print(f"  {s.reason}")
    for n in s.notes:
        print(f"  note: {n}")
    return 0
