"""IP address management, small and strict (NetBox's rules, Python's ``ipaddress``).

- A subnet is a network in normal form (``10.1.1.0/24``; host bits set are refused), declared
  per site/VLAN; two subnets of the same site may not overlap.
- An address is inside a declared subnet (the most specific one that holds it), is not that
  subnet's network or broadcast address (an IPv4 /31 or /32 and IPv6 have none to refuse), and is
  unique per subnet: the same address on two assets is a conflict.
- ``usage(subnet, used)`` gives the free/used view: used addresses with their asset, free count
  and the free ranges (first–last) in address order.

Errors: ``ValidationError("ip", …)`` / ``ValidationError("cidr", …)`` naming the address.
"""

from __future__ import annotations

import ipaddress
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.i18n import N_
from app.errors import ValidationError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_SPLIT = re.compile(r"[\s,;，；、]+")


@dataclass(frozen=True)
class SubnetInfo:
    """A declared subnet as the rules need it: id, network, site, VLAN, name."""

    id: uuid.UUID
    network: Network
    site: str = ""
    vlan: str = ""
    name: str = ""

    @property
    def cidr(self) -> str:
        """Normal form, e.g. ``10.1.1.0/24``."""
        return str(self.network)


def parse_network(text: str) -> Network:
    """The network ``text`` names (``10.1.1.0/24``); ``ValidationError("cidr")`` when it is not a
    network or has host bits set (``10.1.1.5/24``: the network is ``10.1.1.0/24``)."""
    t = (text or "").strip()
    try:
        return ipaddress.ip_network(t, strict=True)
    except ValueError:
        try:
            loose = ipaddress.ip_network(t, strict=False)
        except ValueError:
            raise ValidationError("cidr", N_("“{value}” is not a network such as 10.1.1.0/24"), value=t) from None
        raise ValidationError("cidr", N_("“{value}” has host bits set; the network is {network}"),
                              value=t, network=str(loose)) from None


def split_addresses(text: str) -> list[str]:
    """The address texts of a cell or field (separated by spaces, commas, semicolons, 、)."""
    return [p for p in _SPLIT.split(text or "") if p]


def parse_address(text: str) -> Address:
    """One address; ``ValidationError("ip")`` when ``text`` is not an IP address."""
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        raise ValidationError("ip", N_("“{value}” is not an IP address"), value=text.strip()) from None


def subnet_of(address: Address, subnets: Iterable[SubnetInfo]) -> SubnetInfo:
    """The most specific declared subnet holding ``address``.  Raises ``ValidationError("ip")``
    when none holds it, or when it is that subnet's network or broadcast address."""
    holding = [s for s in subnets if s.network.version == address.version and address in s.network]
    if not holding:
        raise ValidationError("ip", N_("{value} is outside every declared subnet; declare its subnet first"),
                              value=str(address))
    best = max(holding, key=lambda s: s.network.prefixlen)
    net = best.network
    if isinstance(net, ipaddress.IPv4Network) and net.prefixlen < 31:
        if address == net.network_address:
            raise ValidationError("ip", N_("{value} is the network address of {cidr}"), value=str(address),
                                  cidr=best.cidr)
        if address == net.broadcast_address:
            raise ValidationError("ip", N_("{value} is the broadcast address of {cidr}"), value=str(address),
                                  cidr=best.cidr)
    elif isinstance(net, ipaddress.IPv6Network) and net.prefixlen < 127 and address == net.network_address:
        raise ValidationError("ip", N_("{value} is the network address of {cidr}"), value=str(address),
                              cidr=best.cidr)
    return best


def place_addresses(text: str, subnets: Sequence[SubnetInfo],
                    taken: dict[tuple[uuid.UUID, str], tuple[uuid.UUID, str]],
                    own: uuid.UUID | None = None) -> list[tuple[SubnetInfo, str]]:
    """Check every address of ``text`` for one asset: ``[(subnet, address text)]`` in order.

    ``taken`` maps ``(subnet id, address)`` to ``(asset id, code)`` of the asset holding it; the
    asset ``own`` (the one being edited) may keep its own addresses.  Raises ``ValidationError("ip")`` for the first address that is not an address,
    is outside every subnet, is a network/broadcast address, is repeated or is taken."""
    out: list[tuple[SubnetInfo, str]] = []
    seen: set[tuple[uuid.UUID, str]] = set()
    for part in split_addresses(text):
        addr = parse_address(part)
        sub = subnet_of(addr, subnets)
        key = (sub.id, str(addr))
        if key in seen:
            raise ValidationError("ip", N_("{value} is listed twice"), value=str(addr))
        aid, holder = taken.get(key, (None, ""))
        if holder and aid != own:
            raise ValidationError("ip", N_("{value} is already used by {holder} in {cidr}"), value=str(addr),
                                  holder=holder, cidr=sub.cidr)
        seen.add(key)
        out.append((sub, str(addr)))
    return out


def check_new_subnet(network: Network, site: str, existing: Iterable[SubnetInfo]) -> None:
    """Refuse (``ValidationError("cidr")``) a subnet overlapping one of the same site."""
    for s in existing:
        if s.site == site and s.network.version == network.version and s.network.overlaps(network):
            raise ValidationError("cidr", N_("{cidr} overlaps {other} of the same site"), cidr=str(network),
                                  other=s.cidr)


@dataclass(frozen=True)
class Usage:
    """Free/used view of one subnet: ``size`` usable host addresses, ``used`` ``[(address,
    asset code, asset name)]`` in address order, ``free_ranges`` ``[(first, last, count)]``."""

    subnet: SubnetInfo
    size: int
    used: tuple[tuple[str, str, str], ...]
    free_ranges: tuple[tuple[str, str, int], ...]

    @property
    def free(self) -> int:
        """Usable addresses not used."""
        return self.size - len(self.used)

    @property
    def used_pct(self) -> float:
        """Used share of the usable addresses, in percent (0 for an empty subnet)."""
        return 100.0 * len(self.used) / self.size if self.size else 0.0


def usable_bounds(net: Network) -> tuple[int, int]:
    """First and last usable host address of ``net`` as integers."""
    first, last = int(net.network_address), int(net.broadcast_address)
    if isinstance(net, ipaddress.IPv4Network) and net.prefixlen < 31:
        return first + 1, last - 1
    if isinstance(net, ipaddress.IPv6Network) and net.prefixlen < 127:
        return first + 1, last
    return first, last


def usage(subnet: SubnetInfo, used: Iterable[tuple[str, str, str]]) -> Usage:
    """The free/used view of ``subnet`` given its used ``(address, code, name)`` rows."""
    lo, hi = usable_bounds(subnet.network)
    rows = sorted(used, key=lambda r: int(ipaddress.ip_address(r[0])))
    ranges: list[tuple[str, str, int]] = []
    cur = lo
    make = ipaddress.ip_address
    for addr, _code, _name in rows:
        n = int(make(addr))
        if n > cur:
            ranges.append((str(make(cur)), str(make(n - 1)), n - cur))
        cur = max(cur, n + 1)
    if cur <= hi:
        ranges.append((str(make(cur)), str(make(hi)), hi - cur + 1))
    return Usage(subnet, max(0, hi - lo + 1), tuple(rows), tuple(ranges))
