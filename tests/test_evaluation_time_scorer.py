"""The TE3 scorer on tiny hand-made documents."""

from __future__ import annotations

import pytest

from communique.evaluation.time import Timex, count_doc, metrics, parse_timeml, to_timeml
from communique.model import TimeExpression

TIMEML = (
    '<?xml version="1.0" ?><TimeML>\n'
    '<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>\n'
    '<TEXT>\nEnvoys <EVENT eid="e1">met</EVENT> '
    '<TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday</TIMEX3> &amp; talked for '
    '<TIMEX3 tid="t2" type="DURATION" value="PT2H">two hours</TIMEX3>.\n</TEXT></TimeML>'
)


def tx(start: int, end: int, value: str | None, kind: str = "DATE") -> Timex:
    return Timex(start, end, "", value, kind)


def test_evaluation_time_parse_timeml_offsets() -> None:
    doc = parse_timeml("d", TIMEML)
    assert str(doc.dct) == "2013-03-22"
    assert [(doc.text[t.start : t.end], t.value, t.type) for t in doc.timexes] == [
        ("Thursday", "2013-03-21", "DATE"),
        ("two hours", "PT2H", "DURATION"),
    ]
    assert "&amp;" not in doc.text and " & " in doc.text


def test_evaluation_time_strict_relaxed_value() -> None:
    gold = [tx(0, 8, "2013-03-21"), tx(20, 29, "PT2H", "DURATION"), tx(40, 44, "2012")]
    system = [
        tx(0, 8, "2013-03-21"),  # exact, right value
        tx(16, 29, "PT3H", "DURATION"),  # overlap only, wrong value
        tx(50, 55, "2011"),  # spurious
    ]
    m = metrics(count_doc(gold, system))
    assert m["strict_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["relaxed_recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["value_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["value_f1"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["type_accuracy"] == 1.0


def test_evaluation_time_one_system_timex_matches_one_gold() -> None:
    gold = [tx(0, 4, "2009"), tx(5, 9, "2010")]
    m = metrics(count_doc(gold, [tx(0, 9, "2009")]))
    assert m["relaxed_recall"] == 0.5 and m["value_recall"] == 0.5


def test_evaluation_time_weekday_subset() -> None:
    gold = [
        Timex(0, 6, "Friday", "2013-03-22", "DATE"),
        Timex(10, 16, "Monday", "2013-03-18", "DATE"),
    ]
    system = [tx(0, 6, "2013-03-22"), tx(10, 16, "2013-03-25")]
    m = metrics(count_doc(gold, system))
    assert m["weekday_relaxed_recall"] == 1.0 and m["weekday_value_acc"] == 0.5


def expr(kind: str, value: str | None, granularity: str | None, text: str = "x") -> TimeExpression:
    return TimeExpression(0, len(text), text, value, granularity, kind=kind)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("record", "value", "kind"),
    [
        (expr("week", "2013-03-18", "day"), "2013-W12", "DATE"),
        (expr("season", "2012-06", "month"), "2012-SU", "DATE"),
        (expr("decade", "1990", "year"), "199", "DATE"),
        (expr("century", "1900", "year"), "19", "DATE"),
        (expr("duration", "P3Y", None), "P3Y", "DURATION"),
        (expr("present", "2013-03-22", "day"), "PRESENT_REF", "DATE"),
        (expr("time", "2013-03-23T15:00:00Z", "minute"), "2013-03-23T15:00", "TIME"),
        (expr("weekday", "2013-03-22", "day", "Friday afternoon"), "2013-03-22TAF", "TIME"),
        (expr("month", "2012-12", "month"), "2012-12", "DATE"),
    ],
)
def test_evaluation_time_to_timeml(record: TimeExpression, value: str, kind: str) -> None:
    out = to_timeml(record)
    assert (out.value, out.type) == (value, kind)


def test_evaluation_time_joined_documents_split_back() -> None:
    from communique.evaluation.time import _join, _locate, _split

    texts = ["Met on Friday.", "Back on Monday, then Friday."]
    joined, offsets = _join(texts)
    found = _locate(joined, [("Friday", "a"), ("Monday", "b"), ("Friday", "c")], "DATE")
    per_doc = _split(found, offsets, [len(t) for t in texts])
    assert [
        [(texts[i][t.start : t.end], t.value) for t in doc] for i, doc in enumerate(per_doc)
    ] == [
        [("Friday", "a")],
        [("Monday", "b"), ("Friday", "c")],
    ]


def test_evaluation_time_dateparser_values_keep_the_written_precision() -> None:
    from datetime import datetime

    from communique.evaluation.time import _granular

    moment = datetime(2013, 3, 22, 15, 0)
    assert _granular("Friday", moment) == "2013-03-22"
    assert _granular("March", moment) == "2013-03"
    assert _granular("2013", moment) == "2013"
    assert _granular("15:00", moment) == "2013-03-22T15:00"
