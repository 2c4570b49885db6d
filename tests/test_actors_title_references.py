"""A bare title ("the president", "the Head of State") for the person named before with it."""

from __future__ import annotations

from datetime import date

import pytest

from communique import extract_article
from communique.actors.references import _holds, title_references
from communique.model import Record


def _record(text: str) -> Record:
    return extract_article(text, published=date(2024, 3, 18))


def _holder(rec: Record, phrase: str) -> str | None:
    """The name of the person whose mentions include the first occurrence of ``phrase``."""
    at = rec.article.text.index(phrase)
    for e in rec.entities:
        if any(m.start == at for m in e.mentions):
            return e.name
    return None


def test_title_reference_goes_to_the_person_named_with_it() -> None:
    rec = _record(
        "LIMA - Peruvian President Dina Boluarte spoke at a business forum on Thursday. "
        "On Wednesday, the Head of State held a bilateral meeting with Chilean President "
        "Gabriel Boric at the Government Palace."
    )
    assert _holder(rec, "the Head of State") == "Dina Boluarte"
    meetings = [e for e in rec.events if e.meeting is not None]
    codes = {next(x.country for x in rec.entities if x.id == i) for i in meetings[0].actors}
    assert codes == {"PER", "CHL"}


def test_title_reference_makes_the_person_the_actor() -> None:
    rec = _record(
        "US President Donald Trump spoke to farmers on Monday. The president said on Tuesday "
        "that China would have to make a deal, and threatened Beijing with new tariffs."
    )
    assert _holder(rec, "The president") == "Donald Trump"
    assert any(e.type == "THREATEN" for e in rec.events)


def test_two_holders_in_one_sentence_leave_the_title_alone() -> None:
    rec = _record(
        "Chinese President Xi Jinping met Zimbabwean President Robert Mugabe in Harare. "
        "The president said the talks had gone well."
    )
    assert _holder(rec, "The president") is None


@pytest.mark.parametrize(
    "text,phrase",
    [
        # another office, a name of its own, an "of"-phrase: no reference
        ("French President Emmanuel Macron arrived. The vice president said nothing.", "The vice"),
        (
            "French President Emmanuel Macron arrived. The president of the club said nothing.",
            "The president of",
        ),
        (
            "French President Emmanuel Macron arrived. The president-elect said nothing.",
            "The president-elect",
        ),
        # no one named before with the title
        ("The president said on Monday that the economy was growing. Trade rose.", "The president"),
    ],
)
def test_not_a_reference(text: str, phrase: str) -> None:
    assert _holder(_record(text), phrase) is None


def test_a_title_holds_its_own_office_only() -> None:
    assert _holds("Chinese President", "president")
    assert not _holds("Vice President", "president")
    assert not _holds("Deputy Prime Minister", "prime minister")
    assert not _holds("Prime Minister", "minister")
    assert _holds("Minister of Foreign Affairs", "minister of foreign affairs")
    assert {r.phrase for r in title_references()} >= {"president", "head of state", "minister"}


def test_the_storys_subject_takes_the_title_over_a_person_beside_it() -> None:
    rec = _record(
        "President Joko Widodo held talks with Kenyan President William Ruto in Nairobi on "
        "Monday. Widodo said he had also discussed fertilizer exports with Ruto. The president "
        "will fly to Dar es Salaam on Tuesday."
    )
    assert _holder(rec, "The president") == "Joko Widodo"


def test_the_head_of_state_of_an_agency_report_is_its_own_states() -> None:
    text = (
        "LIMA, Nov 14 (ANDINA) - President Dina Boluarte will receive Chinese President Xi "
        "Jinping at the Government Palace this afternoon. On Wednesday, the Head of State held "
        "a bilateral meeting with Chilean President Gabriel Boric."
    )
    rec = extract_article(text, published=date(2024, 11, 14))
    assert _holder(rec, "the Head of State") == "Dina Boluarte"
    # filed from a third state, the same two holders leave the title alone
    away = extract_article(text.replace("LIMA", "NAIROBI"), published=date(2024, 11, 14))
    assert _holder(away, "the Head of State") is None


def test_a_deputy_title_goes_to_the_deputy_not_the_head() -> None:
    rec = _record(
        "ISLAMABAD - Deputy Prime Minister and Foreign Minister Ishaq Dar received Uzbek "
        "Foreign Minister Bakhtiyor Saidov on Tuesday. Prime Minister Shehbaz Sharif later "
        "met the visitor. The Deputy Prime Minister thanked Uzbekistan for its support."
    )
    assert _holder(rec, "The Deputy Prime Minister") == "Ishaq Dar"


def test_an_abbreviated_title_read_as_a_body_refers_to_the_person() -> None:
    rec = _record(
        "External Affairs Minister S Jaishankar arrived in Panama on Monday. "
        "The EAM called on the President of Panama on Tuesday morning."
    )
    assert _holder(rec, "The EAM") == "Subrahmanyam Jaishankar"
    assert not any(e.name == "EAM" for e in rec.entities)


def test_an_abbreviation_with_no_titled_person_before_stays_as_it_was() -> None:
    rec = _record("The PM was set up in 1990 as a trade body. Its members met on Monday.")
    assert not any(e.kind == "person" for e in rec.entities)
