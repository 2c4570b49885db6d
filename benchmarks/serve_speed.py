"""How fast `communique serve` answers list and filter queries on a big store.

Builds a synthetic store (``communique.api.synthetic``; 100,000 coded events by default), starts
`communique serve` on a free loopback port, then
  1. times each query of a fixed set, sequentially (median and worst of --repeat runs),
  2. sends --concurrent requests at once (a mix of the same queries) and counts errors.
Only 127.0.0.1 is ever contacted.

    python benchmarks/serve_speed.py                       # 100,000 events
    python benchmarks/serve_speed.py --events 20000 --repeat 5
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from communique.api.synthetic import write_synthetic_store

QUERIES = (
    "/api/events?limit=50",
    "/api/events?limit=50&offset=90000",
    "/api/events?actor=USA&limit=50",
    "/api/events?type=CONSULT&status=occurred&country=CHE&limit=50",
    "/api/events?since=2020-01-01&until=2020-03-31&limit=100",
    "/api/events?q=geneva&actor=FRA&sort=-date",
    "/api/events?sort=sources&limit=20",
    "/api/actors?limit=50",
    "/api/actors/USA",
    "/api/tracks?actor=RUS",
    "/api/timeline?since=2019-01-01&until=2019-06-30",
    "/api/network?since=2018-01-01&until=2018-12-31",
    "/api/places",
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--concurrent", type=int, default=200)
    ap.add_argument("--db", type=Path, help="reuse or write the synthetic store here")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="serve-bench-"))
    db = args.db or work / "store.duckdb"
    if not db.exists():
        t = time.perf_counter()
        write_synthetic_store(db, args.events)
        print(f"wrote {args.events} synthetic events in {time.perf_counter() - t:.1f} s")
    port = _free_port()
    bin_ = Path(sys.executable).parent / "communique"
    t = time.perf_counter()
    proc = subprocess.Popen([str(bin_), "serve", "--db", str(db), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base)
        print(f"server ready (store read, tables built) in {time.perf_counter() - t:.1f} s")
        status = httpx.get(f"{base}/api/status").json()["counts"]
        print(f"store: {status}")
        _sequential(base, args.repeat)
        asyncio.run(_burst(base, args.concurrent))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


def _sequential(base: str, repeat: int) -> None:
    print(f"\nsequential, {repeat} runs each (ms: median / worst)  rows")
    worst_all = 0.0
    with httpx.Client(base_url=base, timeout=30) as client:
        for q in QUERIES:
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                r = client.get(q)
                times.append((time.perf_counter() - t) * 1000)
                r.raise_for_status()
            body = r.json()
            rows = body.get("total", len(body.get("items", body.get("places", []))))
            worst_all = max(worst_all, max(times))
            print(f"  {statistics.median(times):7.1f} / {max(times):7.1f}  {rows:>7}  {q}")
    print(f"slowest single answer: {worst_all:.1f} ms")


async def _burst(base: str, n: int) -> None:
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as client:
        t = time.perf_counter()
        results = await asyncio.gather(
            *(client.get(QUERIES[i % len(QUERIES)]) for i in range(n)), return_exceptions=True
        )
        wall = time.perf_counter() - t
    errors = [r for r in results if isinstance(r, BaseException) or r.status_code != 200]
    print(f"\n{n} concurrent requests: {n - len(errors)} ok, {len(errors)} errors, {wall:.2f} s")


def _wait(base: str) -> None:
    for _ in range(3000):
        try:
            if httpx.get(f"{base}/api/status", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


if __name__ == "__main__":
    raise SystemExit(main())
