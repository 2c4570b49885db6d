"""A synthetic store of any size, for the serving benchmark and the API tests.

Invented articles of four sentences, each sentence one event (half of them meetings) between
states from a small list, at places from a small list, on days over ten years. One event in
five is a second report of an event of the previous article (same fused event, two sources),
and a meeting followed by a meeting in the same article is linked ``precedes``, so tracks form
across articles. Titles carry markup (``<b>``, ``</script>``) to exercise escaping.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb

from ..model import content_id
from ..store import open_store

CODES = tuple(
    [
        "USA",
        "CHN",
        "RUS",
        "FRA",
        "DEU",
        "GBR",
        "JPN",
        "IND",
        "BRA",
        "ZAF",
        "TUR",
        "IRN",
        "SAU",
        "EGY",
        "NGA",
        "KEN",
        "ETH",
        "IDN",
        "AUS",
        "CAN",
        "MEX",
        "ARG",
        "UKR",
        "POL",
        "ITA",
        "ESP",
        "KOR",
        "PRK",
        "VNM",
        "PAK",
        "QAT",
        "ISR",
        "SRB",
        "XKX",
        "SDN",
    ]
)
PLACES = (
    ("Geneva", "CHE", 46.2022, 6.1457),
    ("Brussels", "BEL", 50.8505, 4.3488),
    ("Vienna", "AUT", 48.2085, 16.3721),
    ("Doha", "QAT", 25.2854, 51.531),
    ("Jeddah", "SAU", 21.4901, 39.1862),
    ("Beijing", "CHN", 39.9075, 116.3972),
    ("Washington", "USA", 38.8951, -77.0364),
    ("Nairobi", "KEN", -1.2833, 36.8167),
    ("Brasilia", "BRA", -15.7797, -47.9297),
    ("Jakarta", "IDN", -6.2146, 106.8451),
)
TYPES = ("CONSULT", "CONSULT", "AGREE", "REJECT", "REQUEST", "SUPPORT", "ACCUSE", "COOPERATE")
FORUMS = ("Geneva talks", "Security Council", "Peace conference", None, None)
START = date(2015, 1, 1)


def write_synthetic_store(path: str | Path, events: int, seed: int = 7) -> None:
    """Write a store with about ``events`` coded events (four per article) at ``path``."""
    rng = random.Random(seed)
    open_store(path).close()  # creates the store's tables
    con = duckdb.connect(str(path))
    try:
        _fill(con, rng, max(4, events))
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _fill(con: duckdb.DuckDBPyConnection, rng: random.Random, n: int) -> None:
    arts: list[tuple[Any, ...]] = []
    evs: list[tuple[Any, ...]] = []
    members: list[tuple[str, str, str]] = []
    links: list[tuple[str, str, str, str]] = []
    previous: list[tuple[Any, ...]] = []
    for a in range(n // 4):
        aid = content_id("art", "synthetic", str(a))
        day = START + timedelta(days=rng.randrange(3650))
        sentences, rows = [], []
        for slot in range(4):
            if previous and rng.random() < 0.2:
                kind, codes, place, when, forum, fused = previous[slot]
            else:
                kind = rng.choice(TYPES)
                codes = sorted(rng.sample(CODES, rng.choice((2, 2, 3))))
                place = rng.choice(PLACES)
                when = day + timedelta(days=slot * 7)
                forum = rng.choice(FORUMS) if kind == "CONSULT" else None
                fused = None
            sentences.append(f"{' and '.join(codes)} {kind.lower()} in {place[0]} on {when}.")
            rows.append((kind, codes, place, when, forum, fused))
        text = " ".join(sentences)
        title = f"Report {a}: <b>{rows[0][1][0]}</b> </script> talks"
        arts.append((aid, title, day, json.dumps({"id": aid, "title": title, "text": text}), a))
        pos, current = 0, []
        for slot, (kind, codes, place, when, forum, fused) in enumerate(rows):
            eid = content_id("evt", aid, str(slot))
            fused = fused or content_id("fev", eid)
            sentence = sentences[slot]
            span = {"start": pos, "end": pos + len(sentence), "text": sentence}
            pos += len(sentence) + 1
            meeting = (
                json.dumps({"forum": forum, "chair": [], "delegations": [], "agenda": []})
                if kind == "CONSULT"
                else None
            )
            evs.append(
                (aid, eid, kind, codes, str(when), place, meeting, json.dumps([span]), a * 4 + slot)
            )
            members.append((fused, aid, eid))
            current.append((kind, codes, place, when, forum, fused))
            if slot and kind == "CONSULT" and rows[slot - 1][0] == "CONSULT":
                links.append((aid, content_id("evt", aid, str(slot - 1)), eid, "precedes"))
        previous = current
    _insert(con, arts, evs, members, links)


def _insert(
    con: duckdb.DuckDBPyConnection,
    arts: list[tuple[Any, ...]],
    evs: list[tuple[Any, ...]],
    members: list[tuple[str, str, str]],
    links: list[tuple[str, str, str, str]],
) -> None:
    def cols(rows: list[tuple[Any, ...]]) -> list[list[Any]]:
        return [list(c) for c in zip(*rows, strict=True)]

    con.execute(
        "INSERT INTO articles (id, title, published, article_json, seq, producer, schema_version)"
        " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DATE[]),"
        " unnest(?::VARCHAR[]), unnest(?::BIGINT[]), 'synthetic', 1",
        cols(arts),
    )
    aid, eid, kind, codes, when, place, meeting, evidence, seq = cols(evs)
    con.execute(
        "INSERT INTO events (article_id, id, type, mode, status, actors, recipients,"
        " participants, names, when_start, when_granularity, when_text, when_year_inferred,"
        " has_where, where_name, where_country, where_lat, where_lon, meeting, items, evidence,"
        " confidence, meeting_named, producer, schema_version, seq, rules, main)"
        " SELECT a, i, t, lower(t), 'occurred', [], [], p, p, w, 'day', w, false, true,"
        " pl.name, pl.country, pl.lat, pl.lon, m, [], ev, 0.9, m, 'synthetic', 1, s, [], false"
        " FROM (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::VARCHAR[]) AS i,"
        " unnest(?::VARCHAR[]) AS t, unnest(?::VARCHAR[][]) AS p, unnest(?::VARCHAR[]) AS w,"
        " unnest(?::STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)[]) AS pl,"
        " unnest(?::VARCHAR[]) AS m, unnest(?::VARCHAR[]) AS ev, unnest(?::BIGINT[]) AS s)",
        [
            aid,
            eid,
            kind,
            codes,
            when,
            [{"name": p[0], "country": p[1], "lat": p[2], "lon": p[3]} for p in place],
            meeting,
            evidence,
            seq,
        ],
    )
    con.execute(
        "INSERT INTO fused_members SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
        " unnest(?::VARCHAR[])",
        cols(members),
    )
    if links:
        con.execute(
            "INSERT INTO links SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
            " unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
            cols(links),
        )
