"""Titles read from the words around a name, without a parser."""

from __future__ import annotations

import pytest

from communique.actors import load_actor_data, title_after, title_before


@pytest.mark.parametrize(
    ("text", "name", "title", "country"),
    [
        ("said NATO Secretary-General Jens Stoltenberg.", "Jens", "Secretary-General", "NATO"),
        (
            "with Chinese State Councilor and Foreign Minister Wang Yi",
            "Wang",
            "State Councilor and Foreign Minister",
            "CHN",
        ),
        (
            "said Russian Ambassador to the United States Ivan Ivanov",
            "Ivan",
            "Ambassador to the United States",
            "RUS",
        ),
        ("US Ambassador to Russia Jon Huntsman", "Jon", "Ambassador to Russia", "USA"),
        (
            "will write to the EU Transport Commissioner Ana Novak",
            "Ana",
            "Transport Commissioner",
            "EU",
        ),
        (
            "said General Secretary of the Communist Party of Vietnam Tran Van A.",
            "Tran",
            "General Secretary of the Communist Party of Vietnam",
            "VNM",
        ),
        (
            "Venezuela's Sectoral Vice President of Economy Luis Perez",
            "Luis",
            "Sectoral Vice President of Economy",
            "VEN",
        ),
        ("the former prime minister Karim Ali", "Karim", "former prime minister", None),
        ("Deputy Secretary of Defense Jane Roe", "Jane", "Deputy Secretary of Defense", None),
        (  # forms of address between the title and the name
            "Foreign Minister of the Republic of Maldives, H.E. Mr. Ali Hassan, paid a visit",
            "Ali",
            "Foreign Minister of the Republic of Maldives",
            "MDV",
        ),
    ],
)
def test_actors_titles_before_a_name(text: str, name: str, title: str, country: str | None) -> None:
    parse = title_before(text, text.index(name), 0, load_actor_data())
    assert parse is not None
    assert (parse.text, parse.country) == (title, country)
    assert text[parse.start : parse.end] == parse.text


@pytest.mark.parametrize(
    "text",
    [
        "talks between Defence Ministers Ngo Van B and Ivan Ivanov",  # "and": not a title
        "In Moscow, Ivan Ivanov said",
        "According to Ivan Ivanov",
        "Talks were held in the Maldives. Ivan Ivanov said",  # not across a full stop
    ],
)
def test_actors_titles_none_when_no_title(text: str) -> None:
    assert title_before(text, text.index("Ivan"), 0, load_actor_data()) is None


def test_actors_titles_after_a_name() -> None:
    data = load_actor_data()
    text = "led by Oleg Petrov, Russia's deputy minister of industry, on Monday"
    parse = title_after(text, text.index(","), len(text), data)
    assert parse is not None
    assert (parse.text, parse.country) == ("deputy minister of industry", "RUS")
    text = "said Oleg Petrov, who arrived on Monday"
    assert title_after(text, text.index(","), len(text), data) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("said Anne Morel, head of the CFDT union, on Monday", "head of the CFDT union"),
        ("said Jan Novak, the spokesman for the striking rail workers' union.", "spokesman for"),
    ],
)
def test_actors_titles_after_a_name_naming_a_body(text: str, title: str) -> None:
    """After a head word and "of"/"for", the body's name may be in words of any kind."""
    parse = title_after(text, text.index(","), len(text), load_actor_data())
    assert parse is not None
    assert parse.text.startswith(title)


def test_actors_titles_after_a_name_not_a_firm() -> None:
    """A head of a body no word marks as public (a firm, an agency) holds no title here."""
    text = "said Jeff Sanborn, president of Chapter & Verse, an advertising agency."
    assert title_after(text, text.index(","), len(text), load_actor_data()) is None


def test_actors_titles_after_a_name_not_a_clause() -> None:
    text = "said Anne Morel, head of the delegation that met the rebels on the border last week."
    assert title_after(text, text.index(","), len(text), load_actor_data()) is None
