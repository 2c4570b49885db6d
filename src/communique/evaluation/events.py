"""The ``events`` suite: PLOVER event types and actors on sentences coded by people.

Gold sets (read from the data directory, never copied):

* ``plover-gsr/PLOVER_GSR_CAMEO.normalized.jsonl`` — 322 sentences, one human-coded PLOVER event
  each (type, actors, recipients). Scored: event-type micro/macro F1, accuracy on the
  diplomatic core (CONSULT/AGREE/SUPPORT against REQUEST/ACCUSE/REJECT) with its confusion, and
  actor/recipient country accuracy.
* ``petrarch2-unittests/PETR.UnitTest.records.jsonl`` — PETRARCH-2 unit sentences, their
  expected codes mapped to PLOVER through ``plover-gsr/CAMEO2PLOVER-2021.txt``: the share of
  sentences for which we produce one of the expected PLOVER types (a logic check).

Each sentence is coded on its own; the coder's "main" event for a sentence is its most confident
event that is not a bare STATEMENT (the GSR has no STATEMENT class), earliest first on ties.
Baselines on the same items: the majority class, and a keyword coder (``KEYWORD_BASELINE``).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import EvaluationError
from .base import SuiteResult, prf

if TYPE_CHECKING:
    from ..model import Record

GSR_FILE = Path("plover-gsr") / "PLOVER_GSR_CAMEO.normalized.jsonl"
CAMEO_MAP_FILE = Path("plover-gsr") / "CAMEO2PLOVER-2021.txt"
PETRARCH_FILE = Path("petrarch2-unittests") / "PETR.UnitTest.records.jsonl"

COOPERATIVE_CORE = ("CONSULT", "AGREE", "SUPPORT")
CONFLICTUAL_CORE = ("REQUEST", "ACCUSE", "REJECT")
CORE = COOPERATIVE_CORE + CONFLICTUAL_CORE
NO_EVENT = "none"

#: Gold actor codes that name no country (generic IGO/NGO, militants, ...).
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UAF", "REB", "INS"})
#: CAMEO-style country codes found in the GSR, to ISO 3166-1 alpha-3.
_CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

PUBLISHED_NAME = "Mistral-7B, instruction-tuned (published)"
PUBLISHED_SOURCE = (
    "Halterman & Keith, 'Codebook LLMs', arXiv:2407.10747 (2024/2025): 0.76 micro-F1 after "
    "instruction-tuning Mistral 7B Instruct on one of the paper's own codebook datasets "
    "(protest, political violence, manifestos) against 0.53 zero-shot. Not measured on the "
    "PLOVER GSR: the project's target, not a like-for-like comparison."
)

#: The keyword BASELINE (not communique's coder): word stem -> PLOVER type. The first stem found
#: in a sentence, left to right, decides its type. Deliberately small: a dictionary coder's floor.
# fmt: off
KEYWORD_BASELINE: tuple[tuple[str, str], ...] = (
    ("agree", "AGREE"), ("promis", "AGREE"), ("pledg", "AGREE"), ("offer", "AGREE"),
    ("met", "CONSULT"), ("meet", "CONSULT"), ("talks", "CONSULT"), ("visit", "CONSULT"),
    ("discuss", "CONSULT"), ("negotiat", "CONSULT"), ("host", "CONSULT"),
    ("support", "SUPPORT"), ("prais", "SUPPORT"), ("welcom", "SUPPORT"), ("endors", "SUPPORT"),
    ("recogni", "SUPPORT"), ("apologi", "SUPPORT"), ("sign", "SUPPORT"),
    ("cooperat", "COOPERATE"), ("aid", "AID"), ("donat", "AID"), ("asylum", "AID"),
    ("conced", "CONCEDE"), ("eas", "CONCEDE"), ("lift", "CONCEDE"),
    ("withdr", "RETREAT"), ("releas", "RETREAT"), ("ceasefire", "RETREAT"),
    ("truce", "RETREAT"), ("surrender", "RETREAT"),
    ("accus", "ACCUSE"), ("critici", "ACCUSE"), ("condemn", "ACCUSE"), ("denounc", "ACCUSE"),
    ("blam", "ACCUSE"), ("investigat", "ACCUSE"),
    ("urg", "REQUEST"), ("demand", "REQUEST"), ("ask", "REQUEST"), ("appeal", "REQUEST"),
    ("request", "REQUEST"), ("call", "REQUEST"),
    ("reject", "REJECT"), ("refus", "REJECT"), ("denied", "REJECT"), ("deny", "REJECT"),
    ("veto", "REJECT"), ("dismiss", "REJECT"),
    ("threat", "THREATEN"), ("warn", "THREATEN"),
    ("protest", "PROTEST"), ("demonstrat", "PROTEST"), ("strike", "PROTEST"),
    ("riot", "PROTEST"), ("rall", "PROTEST"),
    ("sanction", "SANCTION"), ("expel", "SANCTION"), ("sever", "SANCTION"),
    ("suspend", "SANCTION"), ("boycott", "SANCTION"),
    ("mobili", "MOBILIZE"), ("deploy", "MOBILIZE"),
    ("arrest", "COERCE"), ("detain", "COERCE"), ("seiz", "COERCE"), ("ban", "COERCE"),
    ("embargo", "COERCE"), ("blockad", "COERCE"), ("deport", "COERCE"),
    ("kill", "ASSAULT"), ("attack", "ASSAULT"), ("bomb", "ASSAULT"), ("shell", "ASSAULT"),
    ("fired", "ASSAULT"), ("shot", "ASSAULT"), ("clash", "ASSAULT"), ("wound", "ASSAULT"),
)
# fmt: on

_WORD = re.compile(r"[a-z]+")


# --- gold data ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GsrItem:
    """One GSR sentence: its PLOVER type and the countries of its actors and recipients."""

    id: str
    text: str
    type: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PetrarchItem:
    """One PETRARCH-2 unit sentence with the PLOVER types its expected codes map to."""

    id: str
    category: str
    text: str
    types: frozenset[str]


@dataclass(frozen=True, slots=True)
class Coding:
    """What a coder said about one sentence: every type (main event first) and the countries
    of the main event's actors and recipients."""

    types: tuple[str, ...] = ()
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()

    @property
    def main(self) -> str:
        return self.types[0] if self.types else NO_EVENT


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise EvaluationError(f"gold file not found: {path}")
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                raise EvaluationError(f"{path.name}:{number}: not JSON ({err.msg})") from err
            if not isinstance(row, dict):
                raise EvaluationError(f"{path.name}:{number}: not a JSON object")
            yield row


def country_codes(parties: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    """Country codes of GSR actor entries, normalised to ISO3; generic codes dropped."""
    codes: list[str] = []
    for party in parties:
        code = str(party.get("code") or "").upper()
        code = _CAMEO_TO_ISO.get(code, code)
        if len(code) == 3 and code.isalpha() and code not in _NOT_COUNTRIES:
            codes.append(code)
    return tuple(dict.fromkeys(codes))


def load_gsr(data_dir: Path) -> list[GsrItem]:
    items = [
        GsrItem(
            id=str(row["id"]),
            text=str(row["text"]),
            type=str(row["event"]),
            actors=country_codes(row.get("actor") or []),
            recipients=country_codes(row.get("recipient") or []),
        )
        for row in read_jsonl(data_dir / GSR_FILE)
        if row.get("id") and row.get("text") and row.get("event")
    ]
    if not items:
        raise EvaluationError(f"no coded sentences in {data_dir / GSR_FILE}")
    return items


def load_cameo_map(path: Path) -> dict[str, str]:
    """CAMEO code -> PLOVER type, from the conversion table (``"0311: AGREE, mode, context"``).
    A root header (``"04: CONSULT"``) is stored under its ``"<root>0"`` code when that code has
    no line of its own."""
    if not path.is_file():
        raise EvaluationError(f"CAMEO to PLOVER table not found: {path}")
    table: dict[str, str] = {}
    roots: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0]
        code, sep, rest = body.partition(":")
        code = code.strip()
        kind = rest.split(",", 1)[0].strip().upper()
        if not sep or not code.isdigit() or not kind.isalpha():
            continue
        if len(code) == 2:
            roots.setdefault(code + "0", kind)
        else:
            table.setdefault(code, kind)
    for code, kind in roots.items():
        table.setdefault(code, kind)
    return table


def plover_type(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: the code itself, else its 3-digit parent."""
    code = code.strip()
    return table.get(code) or table.get(code[:3])


def load_petrarch(data_dir: Path, table: dict[str, str]) -> list[PetrarchItem]:
    """Unit sentences with at least one expected code that maps to PLOVER."""
    items: list[PetrarchItem] = []
    for number, row in enumerate(read_jsonl(data_dir / PETRARCH_FILE), 1):
        codes = [str(e.get("eventcode") or "") for e in row.get("expected") or []]
        types = frozenset(t for t in (plover_type(c, table) for c in codes if c) if t)
        if types and row.get("text"):
            item_id = str(row.get("id") or f"line-{number}")
            items.append(PetrarchItem(item_id, str(row.get("category")), str(row["text"]), types))
    return items


def pick_subset(items: Sequence[Any], key: str, limit: int | None) -> list[Any]:
    """All items, or ``limit`` of them taken round-robin over ``key`` so every class shows up.
    Deterministic: classes in order of first appearance, items in file order."""
    if limit is None or limit >= len(items):
        return list(items)
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        groups[str(getattr(item, key))].append(item)
    picked: list[Any] = []
    depth = 0
    while len(picked) < limit:
        picked += [g[depth] for g in groups.values() if depth < len(g)][: limit - len(picked)]
        depth += 1
    return picked


# --- coders ---------------------------------------------------------------------------------


def keyword_coding(text: str) -> Coding:
    """The keyword BASELINE: the type of the first lexicon stem that starts a word."""
    for word in _WORD.findall(text.lower()):
        for stem, kind in KEYWORD_BASELINE:
            if word.startswith(stem):
                return Coding(types=(kind,))
    return Coding()


def record_coding(record: Record, candidates: bool = True) -> Coding:
    """The main event of a record and all its event types, as a ``Coding``.

    With ``candidates`` (the type-coding view) the coder's candidates that the emission step left
    out count too: this suite measures which type a sentence is coded with, while whether an
    event is reported at all (a coded actor, an asserted act) is measured on whole articles
    (the ``articles`` suites)."""
    pool = list(record.events)
    if candidates:
        pool += [x.event for x in record.left_out]
    if not pool:
        return Coding()
    ranked = sorted(
        pool,
        key=lambda e: (
            e.type == "STATEMENT",
            -e.confidence,
            e.evidence[0].start if e.evidence else 0,
        ),
    )
    codes = {e.id: {c.upper() for c in (e.code, e.country) if c} for e in record.entities}
    main = ranked[0]
    types = tuple(dict.fromkeys(e.type for e in ranked))
    return Coding(
        types=types,
        actors=frozenset().union(*(codes.get(i, set()) for i in main.actors)),
        recipients=frozenset().union(*(codes.get(i, set()) for i in main.recipients)),
    )


def pipeline_codings(texts: Sequence[str]) -> list[Coding]:
    """The system under test: the whole pipeline on each sentence as its own article."""
    from ..model import RawArticle, Skip
    from ..pipeline import load_resources, run_many
    from ..settings import CleanSettings, Settings

    settings = Settings(clean=CleanSettings(min_chars=1, require_english=False))
    resources = load_resources(settings)
    raws = [RawArticle(content=t, kind="text", origin=f"sentence:{i}") for i, t in enumerate(texts)]
    return [
        Coding() if isinstance(out, Skip) else record_coding(out)
        for out in run_many(raws, resources)
    ]


# --- scorers --------------------------------------------------------------------------------


def type_scores(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Single-label event-type scores. ``NO_EVENT`` predictions are abstentions: a miss
    (false negative) but not a false positive.

    micro F1 pools every decision; macro F1 averages F1 over the classes present in ``gold``.
    """
    _check_lengths(gold, predicted)
    tp = sum(g == p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p != NO_EVENT and g != p for g, p in zip(gold, predicted, strict=True))
    micro_p, micro_r, micro_f = prf(tp, fp, len(gold) - tp)
    per_class = [class_f1(gold, predicted, c) for c in sorted(set(gold))]
    return {
        "type_micro_f1": micro_f,
        "type_micro_precision": micro_p,
        "type_micro_recall": micro_r,
        "type_macro_f1": sum(per_class) / len(per_class) if per_class else 0.0,
    }


def class_f1(gold: Sequence[str], predicted: Sequence[str], kind: str) -> float:
    pairs = list(zip(gold, predicted, strict=True))
    tp = sum(g == kind and p == kind for g, p in pairs)
    fp = sum(g != kind and p == kind for g, p in pairs)
    fn = sum(g == kind and p != kind for g, p in pairs)
    return prf(tp, fp, fn)[2]


def core_accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Exact type accuracy over the gold items of the diplomatic core."""
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in CORE]
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def core_polarity_accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Over core items we coded with a core type: the share on the right side
    (cooperative CONSULT/AGREE/SUPPORT against conflictual REQUEST/ACCUSE/REJECT)."""
    pairs = [(g, p) for g, p in zip(gold, predicted, strict=True) if g in CORE and p in CORE]
    same = sum((g in COOPERATIVE_CORE) == (p in COOPERATIVE_CORE) for g, p in pairs)
    return same / len(pairs) if pairs else 0.0


def core_confusion(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Counter[str]]:
    """For each core gold type, the counts of what we predicted."""
    table: dict[str, Counter[str]] = {kind: Counter() for kind in CORE}
    for g, p in zip(gold, predicted, strict=True):
        if g in table:
            table[g][p] += 1
    return table


def country_accuracy(
    gold: Sequence[tuple[str, ...]], found: Sequence[frozenset[str]], coded: Sequence[bool]
) -> tuple[float, int]:
    """Share of items with a gold country (and a coded event) where we name one of the gold
    countries; also the number of such items."""
    scored = [(g, f) for g, f, c in zip(gold, found, coded, strict=True) if g and c]
    hits = sum(bool(set(g) & f) for g, f in scored)
    return (hits / len(scored) if scored else 0.0), len(scored)


def petrarch_accuracy(expected: Sequence[frozenset[str]], produced: Sequence[Coding]) -> float:
    """Share of sentences for which any produced type is one of the expected PLOVER types."""
    _check_lengths(expected, produced)
    hits = sum(bool(e & set(p.types)) for e, p in zip(expected, produced, strict=True))
    return hits / len(expected) if expected else 0.0


def _check_lengths(a: Sequence[object], b: Sequence[object]) -> None:
    if len(a) != len(b):
        raise EvaluationError(f"scorer given {len(a)} gold items but {len(b)} predictions")


# --- the suite ------------------------------------------------------------------------------


def score_codings(
    gsr: Sequence[GsrItem],
    gsr_codings: Sequence[Coding],
    petrarch: Sequence[PetrarchItem],
    petrarch_codings: Sequence[Coding],
) -> dict[str, float]:
    """Every metric of the suite for one coder."""
    gold = [item.type for item in gsr]
    predicted = [c.main for c in gsr_codings]
    metrics = type_scores(gold, predicted)
    metrics["type_any_accuracy"] = sum(
        item.type in c.types for item, c in zip(gsr, gsr_codings, strict=True)
    ) / len(gsr)
    metrics["core_accuracy"] = core_accuracy(gold, predicted)
    metrics["core_polarity_accuracy"] = core_polarity_accuracy(gold, predicted)
    coded = [c.main != NO_EVENT for c in gsr_codings]
    metrics["actor_country_accuracy"] = country_accuracy(
        [i.actors for i in gsr], [c.actors for c in gsr_codings], coded
    )[0]
    metrics["recipient_country_accuracy"] = country_accuracy(
        [i.recipients for i in gsr], [c.recipients for c in gsr_codings], coded
    )[0]
    if petrarch:
        metrics["petrarch_type_accuracy"] = petrarch_accuracy(
            [p.types for p in petrarch], petrarch_codings
        )
    return metrics


def load_subset(
    data_dir: Path, limit: int | None = None
) -> tuple[list[GsrItem], list[PetrarchItem]]:
    """The GSR and PETRARCH-2 sentences a run with ``limit`` scores."""
    gsr = pick_subset(load_gsr(data_dir), "type", limit)
    table = load_cameo_map(data_dir / CAMEO_MAP_FILE)
    return gsr, pick_subset(load_petrarch(data_dir, table), "category", limit)


def subset_ids(data_dir: Path, limit: int | None = None) -> list[str]:
    """Ids of the items a run with ``limit`` scores (the evaluation gate hashes them)."""
    gsr, petrarch = load_subset(data_dir, limit)
    return [f"gsr:{i.id}" for i in gsr] + [f"petrarch:{p.id}:{p.text}" for p in petrarch]


def run(data_dir: Path, limit: int | None = None) -> SuiteResult:
    """Score communique, the majority class and the keyword baseline on the same sentences."""
    gsr, petrarch = load_subset(data_dir, limit)
    codings = pipeline_codings([i.text for i in gsr] + [p.text for p in petrarch])
    ours_gsr, ours_petrarch = codings[: len(gsr)], codings[len(gsr) :]
    metrics = score_codings(gsr, ours_gsr, petrarch, ours_petrarch)
    return SuiteResult(
        suite="events",
        items=len(gsr),
        metrics=metrics,
        baselines=_baselines(gsr, petrarch),
        published={PUBLISHED_NAME: {"type_micro_f1": 0.76}},
        sources={PUBLISHED_NAME: PUBLISHED_SOURCE},
        notes=_notes(gsr, ours_gsr, petrarch),
    )


def _baselines(
    gsr: Sequence[GsrItem], petrarch: Sequence[PetrarchItem]
) -> dict[str, dict[str, float]]:
    majority = Counter(i.type for i in gsr).most_common(1)[0][0]
    petrarch_majority = Counter(t for p in petrarch for t in p.types).most_common(1)
    majority_petrarch = [
        Coding(types=(petrarch_majority[0][0],)) if petrarch_majority else Coding()
        for _ in petrarch
    ]
    return {
        f"majority class ({majority})": _type_metrics(
            score_codings(gsr, [Coding(types=(majority,))] * len(gsr), petrarch, majority_petrarch)
        ),
        "keyword lexicon": _type_metrics(
            score_codings(
                gsr,
                [keyword_coding(i.text) for i in gsr],
                petrarch,
                [keyword_coding(p.text) for p in petrarch],
            )
        ),
    }


def _type_metrics(metrics: dict[str, float]) -> dict[str, float]:
    """Baselines code no actors: keep their type figures only."""
    return {k: v for k, v in metrics.items() if "country" not in k}


def _notes(
    gsr: Sequence[GsrItem], codings: Sequence[Coding], petrarch: Sequence[PetrarchItem]
) -> tuple[str, ...]:
    gold = [i.type for i in gsr]
    predicted = [c.main for c in codings]
    coded = [c.main != NO_EVENT for c in codings]
    _, actor_items = country_accuracy([i.actors for i in gsr], [c.actors for c in codings], coded)
    notes = [
        f"GSR sentences: {len(gsr)}; coded with an event: {sum(coded)}; "
        f"actor countries scored on {actor_items} coded sentences with a gold country",
        f"PETRARCH-2 unit sentences with a PLOVER-mappable expected code: {len(petrarch)} "
        "(their validation dictionary is largely WEIS-derived, so the mapped types are a rough "
        "logic check, not gold)",
    ]
    for kind, counts in core_confusion(gold, predicted).items():
        row = ", ".join(f"{p} {n}" for p, n in counts.most_common())
        notes.append(f"core confusion {kind}: {row or 'no items'}")
    return tuple(notes)
