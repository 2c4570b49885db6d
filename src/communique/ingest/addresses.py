"""Which addresses a fetch may connect to: public unicast only.

An address is refused when it is not globally reachable (loopback, private, link-local, shared,
reserved, multicast, unspecified), when it is a cloud platform's own service address
(``data/platform_addresses.csv``: metadata services, Azure's WireServer, ...), or when it
carries such an IPv4 address inside an IPv6 one: IPv4-mapped (``::ffff:a.b.c.d``),
IPv4-compatible (``::a.b.c.d``), NAT64 (``64:ff9b::/96``; the local-use ``64:ff9b:1::/48`` is
refused whole), 6to4 (``2002::/16``) and Teredo (``2001::/32``).
"""

from __future__ import annotations

import csv
import functools
import ipaddress
from importlib import resources

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_COMPATIBLE = ipaddress.IPv6Network("::/96")


@functools.cache
def platform_networks() -> tuple[tuple[IPNetwork, str], ...]:
    """The platform service networks with their names, from the data file."""
    text = resources.files(__package__).joinpath("data/platform_addresses.csv").read_text("utf-8")
    return tuple(
        (ipaddress.ip_network(row["network"]), row["name"])
        for row in csv.DictReader(text.splitlines())
    )


def embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries by a standard translation, if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_problem(address: str) -> tuple[str, str] | None:
    """Why a fetch must not connect to ``address``, as (cause, phrase), or None when it may.
    The cause is ``platform_address`` (refused always) or ``private_address`` (refused unless
    private addresses are allowed)."""
    try:
        ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "private_address", "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return "private_address", "a local-use NAT64 address"
        inner = embedded_ipv4(ip)
        if inner is not None:
            problem = address_problem(str(inner))
            return (problem[0], f"an IPv6 form of {inner}, {problem[1]}") if problem else None
    for network, name in platform_networks():
        if ip.version == network.version and ip in network:
            return "platform_address", f"a cloud platform address ({name})"
    if not ip.is_global or ip.is_multicast:
        return "private_address", "a non-public address"
    return None
