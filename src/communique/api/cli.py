"""``communique serve``: the JSON API and pages over a store, with uvicorn (read-only)."""

from __future__ import annotations

import argparse
import sys

from ..errors import CommuniqueError, ResourceError

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser("serve", help="serve a store as a JSON API and web pages")
    p.add_argument("--db", required=True, metavar="PATH", help="the store (opened read-only)")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine)"
    )
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    p.set_defaults(handler=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from .app import create_app
    except ImportError as err:
        raise ResourceError(
            f"serving needs the 'serve' extra: pip install 'communique[serve]' ({err.name})"
        ) from err
    from .snapshot import load_snapshot

    if not 0 < args.port < 65536:
        raise CommuniqueError(f"--port must be 1-65535, not {args.port}")
    snap = load_snapshot(args.db)
    hosts = [*LOOPBACK, "[::1]"] if args.host in LOOPBACK else ["*"]
    if args.host not in LOOPBACK:
        print(f"communique: serving on {args.host}: reachable from other machines", file=sys.stderr)
    app = create_app(snap, allowed_hosts=hosts)
    print(f"communique: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0
