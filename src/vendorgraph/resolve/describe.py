"""What the registry knows about a vendor, as lines of text (``vendorgraph vendor NAME``)."""

from __future__ import annotations

from ..errors import RegistryError
from .registry import Match, Registry


def _dpf(certified: bool | None, as_of: str | None) -> str:
    if certified is None:
        return "DPF: unknown"
    return f"DPF: {'certified' if certified else 'not certified'} (as of {as_of or '?'})"


def describe_vendor(name: str, registry: Registry | None = None) -> list[str]:
    """Lines describing the vendor ``name`` resolves to; :class:`RegistryError` when it resolves to none."""
    reg = registry or Registry.default()
    m: Match | None = reg.vendor_match(name) if name.startswith(("http://", "https://")) else reg.resolve(name)
    if m is None:
        raise RegistryError(f"no registry vendor matches {name!r}")
    v = m.vendor
    lines = [f"{v.name}  <{v.iri}>"]
    how = f"entity {m.entity.name}" if m.entity else (f"service {m.service}" if m.service else "vendor name")
    lines.append(f"  matched: {name!r} -> {how} (score {m.score:.2f})")
    lines.append(f"  category: {v.category or '-'}; country: {v.country or '-'}; source: {v.source or '-'}")
    if v.aliases:
        lines.append("  aliases: " + ", ".join(v.aliases))
    lines.append("  legal entities:")
    for e in sorted(v.entities, key=lambda e: (e.country or "", e.name)):
        parent = reg.entity(e.parent) if e.parent else None
        lines.append(f"    {e.name} [{e.country or '?'}]  {_dpf(e.dpf_certified, e.dpf_as_of)}")
        if parent:
            lines.append(f"      parent: {parent.name} [{parent.country or '?'}]")
        if e.address:
            lines.append(f"      address: {e.address}")
        if e.aliases:
            lines.append("      also: " + ", ".join(e.aliases))
        lines.append(f"      source: {e.source or '-'}")
    if v.services:
        lines.append("  services: " + ", ".join(v.services))
    return lines
