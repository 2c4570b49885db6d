"""A meeting's status against the report's day: under way when told in the past progressive or
begun that day or the day before, planned when announced ahead ("is due back in X for talks")."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique import extract_article
from communique.evaluation.meetings import is_meeting
from communique.model import Record


def _statuses(rec: Record) -> list[str]:
    return [e.status for e in rec.events if is_meeting(e)]


def _run(text: str, published: date, resources: Any) -> list[str]:
    return _statuses(extract_article(text, published=published, resources=resources))


def _meetings(text: str, published: date, resources: Any) -> list[Any]:
    rec = extract_article(text, published=published, resources=resources)
    return [e for e in rec.events if is_meeting(e)]


def test_talks_begun_the_day_before_the_report_are_under_way(sentence_resources: Any) -> None:
    text = "EU and British negotiators resumed talks in London on Monday."
    assert _run(text, date(2020, 11, 10), sentence_resources) == ["ongoing"]
    # told on Friday, Monday's talks are past
    assert _run(text, date(2020, 11, 13), sentence_resources) == ["occurred"]


def test_talks_begun_and_ended_are_over(sentence_resources: Any) -> None:
    text = "EU and British negotiators resumed talks in London on Monday and ended them on Monday."
    assert _run(text, date(2020, 11, 10), sentence_resources) == ["occurred"]


def test_leaders_gathering_that_day_for_a_summit_are_in_it(sentence_resources: Any) -> None:
    text = "African heads of state gathered in Addis Ababa on Sunday for the African Union summit."
    assert _run(text, date(2020, 2, 9), sentence_resources) == ["ongoing"]


def test_past_progressive_on_the_report_day_is_under_way(sentence_resources: Any) -> None:
    text = "Negotiators from Israel and Egypt were holding talks in Cairo on Monday, aides said."
    assert _run(text, date(2024, 4, 8), sentence_resources) == ["ongoing"]
    assert _run(text, date(2024, 4, 20), sentence_resources) == ["occurred"]


def test_a_meeting_under_way_is_ongoing(sentence_resources: Any) -> None:
    text = (
        "The third meeting of the regional platform is underway in Tehran with the "
        "participation of the foreign ministers of Iran, Russia and Turkey."
    )
    assert _run(text, date(2023, 10, 23), sentence_resources) == ["ongoing"]
    text = "Talks between Serbia and Kosovo are under way in Brussels."
    assert _run(text, date(2023, 10, 23), sentence_resources) == ["ongoing"]


def test_a_meeting_yet_to_be_held_is_none(sentence_resources: Any) -> None:
    for text in (
        "The Slovenian and Croatian prime ministers have yet to hold a bilateral meeting.",
        "Russian President Vladimir Putin is yet to visit Ukraine.",
    ):
        assert _run(text, date(2023, 10, 23), sentence_resources) == []
    text = "The Slovenian and Croatian prime ministers held a bilateral meeting on Monday."
    assert _run(text, date(2023, 10, 23), sentence_resources) == ["occurred"]


def test_due_back_for_talks_is_planned(sentence_resources: Any) -> None:
    text = (
        "The African Union envoy Olusegun Obasanjo is due back in Addis Ababa later this week "
        "for further talks with Ethiopian officials."
    )
    assert _run(text, date(2021, 11, 15), sentence_resources) == ["planned"]


def test_a_summons_with_no_place_is_in_the_summoning_state(sentence_resources: Any) -> None:
    for text in (
        "Sweden's ambassador was summoned to the Turkish foreign ministry on Friday.",
        "Turkey responded on Friday by summoning Sweden's ambassador.",
    ):
        rec = extract_article(text, published=date(2023, 1, 21), resources=sentence_resources)
        [ev] = [e for e in rec.events if is_meeting(e)]
        assert ev.where is not None and ev.where.country == "TUR", text


def test_talks_on_a_journey_take_the_journeys_place(sentence_resources: Any) -> None:
    text = (
        "Brazilian President Lula arrived in Buenos Aires on Monday. He is then due in "
        "Montevideo on Wednesday for talks with Uruguayan President Luis Lacalle Pou."
    )
    rec = extract_article(text, published=date(2023, 1, 23), resources=sentence_resources)
    places = sorted((e.where.name or "") for e in rec.events if is_meeting(e) and e.where)
    assert places == ["Buenos Aires", "Montevideo"], places


def test_a_city_closing_a_topic_places_the_talks(sentence_resources: Any) -> None:
    text = (
        "Water ministers from Egypt, Ethiopia and Sudan held talks on the Grand Ethiopian "
        "Renaissance Dam in Cairo on Tuesday."
    )
    [ev] = _meetings(text, date(2019, 12, 4), sentence_resources)
    assert ev.where is not None and ev.where.name == "Cairo"
    text = "Water ministers from Egypt and Sudan held talks on the fighting in Khartoum on Tuesday."
    rec = extract_article(text, published=date(2019, 12, 4), resources=sentence_resources)
    assert all(e.where is None for e in rec.events if is_meeting(e))


def test_a_summit_keeps_its_own_place_when_parsed_under_another(sentence_resources: Any) -> None:
    text = (
        "Brazil will hand the Mercosur presidency to Paraguay at the Mercosur summit in Rio de "
        "Janeiro on December 7."
    )
    [ev] = _meetings(text, date(2023, 11, 29), sentence_resources)
    assert ev.where is not None and ev.where.country == "BRA", ev.where


def test_an_arrangement_agreed_is_planned_not_hypothetical(sentence_resources: Any) -> None:
    text = (
        "Indian and Maldivian officials held talks in Colombo on Sunday. They agreed that the two "
        "sides would meet again in New Delhi next month."
    )
    rec = extract_article(text, published=date(2024, 1, 15), resources=sentence_resources)
    got = sorted((e.status, e.where.name if e.where else None) for e in rec.events if is_meeting(e))
    assert got == [("occurred", "Colombo"), ("planned", "New Delhi")], got
    text = "They said the two sides would meet again if the talks in Colombo went well."
    rec = extract_article(text, published=date(2024, 1, 15), resources=sentence_resources)
    assert not [e for e in rec.events if is_meeting(e) and e.status == "planned"]


def test_a_clause_setting_the_meeting_places_and_dates_it(sentence_resources: Any) -> None:
    text = (
        "A trilateral meeting of officials from Bangladesh, Myanmar and China, which was due to "
        "be held in Kunming last month, was postponed without explanation."
    )
    [ev] = _meetings(text, date(2023, 10, 20), sentence_resources)
    assert ev.status == "cancelled" and ev.where is not None and ev.where.name == "Kunming"
    assert ev.when is not None and ev.when.start == "2023-09"
    # a clause about a party, not about the meeting, gives it nothing
    text = (
        "A meeting of officials from Bangladesh and Myanmar, which hosts a million refugees in "
        "Cox's Bazar, was postponed."
    )
    rec = extract_article(text, published=date(2023, 10, 20), resources=sentence_resources)
    assert all(e.where is None for e in rec.events if is_meeting(e))


def test_a_plan_called_off_in_its_own_sentence_is_cancelled(sentence_resources: Any) -> None:
    text = (
        "A session of the India-Sri Lanka Joint Commission had been scheduled to meet in Colombo "
        "in March but was postponed."
    )
    assert _run(text, date(2023, 5, 17), sentence_resources) == ["cancelled"]


def test_the_nth_day_of_talks_dates_their_start(sentence_resources: Any) -> None:
    text = (
        "Water ministers from Egypt, Ethiopia and Sudan were holding a second day of talks in "
        "Cairo on Monday."
    )
    [ev] = _meetings(text, date(2023, 8, 28), sentence_resources)
    assert ev.status == "ongoing" and ev.when is not None
    assert (ev.when.start, ev.when.end) == ("2023-08-27", "2023-08-28")


def test_a_visit_that_had_been_due_is_dated_in_the_past(sentence_resources: Any) -> None:
    text = (
        "U.S. Homeland Security Secretary Alejandro Mayorkas had been due to visit Mexico in "
        "August, but the trip was put off, two officials said."
    )
    [ev] = _meetings(text, date(2021, 10, 5), sentence_resources)
    assert ev.status == "cancelled" and ev.when is not None and ev.when.start == "2021-08"


def test_an_arrival_with_no_place_is_in_the_dateline_city(sentence_resources: Any) -> None:
    text = (
        "RABAT, Feb 2 (Reuters) - Relations between Spain and Morocco have warmed.\n\n"
        "Spanish Prime Minister Pedro Sanchez arrived on Wednesday and held talks over dinner "
        "with Moroccan Prime Minister Aziz Akhannouch, the Spanish government said."
    )
    names = [e.where.name for e in _meetings(text, date(2023, 2, 2), sentence_resources) if e.where]
    assert names and set(names) == {"Rabat"}, names


def test_a_where_clause_places_the_talks_it_tells(sentence_resources: Any) -> None:
    text = (
        "U.S. envoy Mike Hammer returned to Washington on Saturday from Cairo, where he held "
        "talks with Egyptian Foreign Minister Sameh Shoukry on Friday."
    )
    names = [e.where.name for e in _meetings(text, date(2023, 2, 2), sentence_resources) if e.where]
    assert names == ["Cairo"], names


def test_leaders_arriving_for_the_summit_attend_it(sentence_resources: Any) -> None:
    text = (
        "JAKARTA (Reuters) - Southeast Asian leaders will open their annual ASEAN summit in "
        "Jakarta on Tuesday. Philippine President Ferdinand Marcos Jr. and Vietnamese Prime "
        "Minister Pham Minh Chinh arrived on Monday for the summit."
    )
    rec = extract_article(text, published=date(2023, 9, 4), resources=sentence_resources)
    [ev] = [e for e in rec.events if is_meeting(e)]
    ents = {e.id: e for e in rec.entities}
    codes = {ents[i].code or ents[i].country for i in (*ev.actors, *ev.recipients)}
    assert {"ASEAN", "PHL", "VNM"} <= codes and ev.status == "planned", codes


def test_a_summit_wrapped_up_is_dated_from_its_first_day(sentence_resources: Any) -> None:
    text = "Group of 20 leaders wrapped up a two-day summit in New Delhi on Sunday."
    [ev] = _meetings(text, date(2023, 9, 10), sentence_resources)
    assert ev.when is not None and (ev.when.start, ev.when.end) == ("2023-09-09", "2023-09-10")


def test_leaders_due_to_gather_meet(sentence_resources: Any) -> None:
    text = (
        "Leaders of the Asia-Pacific Economic Cooperation forum are due to gather on Friday "
        "in Lima."
    )
    [ev] = _meetings(text, date(2024, 11, 14), sentence_resources)
    assert ev.status == "planned" and ev.where is not None and ev.where.name == "Lima"


def test_two_summonses_in_turn_are_two_meetings(sentence_resources: Any) -> None:
    text = (
        "Baghdad summoned Turkish ambassador Faruk Kaymakci on Tuesday, and Ankara responded on "
        "Wednesday by summoning Iraq's envoy."
    )
    rec = extract_article(text, published=date(2016, 10, 6), resources=sentence_resources)
    got = sorted(
        (e.when.start if e.when else "", e.where.country if e.where else "")
        for e in rec.events
        if is_meeting(e)
    )
    assert got == [("2016-10-04", "IRQ"), ("2016-10-05", "TUR")], got


def test_a_dateline_run_into_the_headline_is_no_date_of_the_talks(sentence_resources: Any) -> None:
    text = (
        "Kenyatta holds talks with Abiy as war escalates. NAIROBI, Nov 15 (Reuters) - Kenyan "
        "President Uhuru Kenyatta held talks with Ethiopian Prime Minister Abiy Ahmed in Addis "
        "Ababa on Sunday, his office said."
    )
    rec = extract_article(text, published=date(2021, 11, 15), resources=sentence_resources)
    starts = {e.when.start for e in rec.events if is_meeting(e) and e.when}
    assert starts == {"2021-11-14"}, starts


def test_a_visitor_met_later_in_the_report_is_where_they_arrived(sentence_resources: Any) -> None:
    text = (
        "Saudi Foreign Minister Prince Faisal bin Farhan arrived in Tehran on Saturday. The "
        "visit follows a deal to restore relations. The two countries cut ties in 2016. Prince "
        "Faisal is due to meet Iranian President Ebrahim Raisi later on Saturday."
    )
    planned = [
        e for e in _meetings(text, date(2023, 6, 17), sentence_resources) if e.status == "planned"
    ]
    assert planned and all(e.where and e.where.name == "Tehran" for e in planned), planned


def test_a_venue_in_what_is_discussed_is_not_the_meetings(sentence_resources: Any) -> None:
    text = (
        "The Organization of American States will hold an extraordinary session of its Permanent "
        "Council next week to discuss the raid on Mexico's embassy in Quito."
    )
    [ev] = _meetings(text, date(2024, 4, 7), sentence_resources)
    assert ev.status == "planned" and ev.where is None, ev.where


def test_the_name_a_leader_goes_by_joins_the_full_name(sentence_resources: Any) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva met Argentine President Alberto Fernandez "
        "in Buenos Aires on Monday. 'Brazil is back,' Lula said. He is then due in Montevideo on "
        "Wednesday for talks with Uruguayan President Luis Lacalle Pou."
    )
    rec = extract_article(text, published=date(2023, 1, 23), resources=sentence_resources)
    ents = {e.id: e for e in rec.entities}
    lula = [e for e in rec.entities if "Lula" in e.name]
    assert len(lula) == 1 and lula[0].country == "BRA", [e.name for e in lula]
    got = {
        frozenset(ents[i].code or ents[i].country for i in (*e.actors, *e.recipients))
        for e in rec.events
        if is_meeting(e)
    }
    assert frozenset({"BRA", "URY"}) in got, got


def test_their_commission_meets_between_the_people_met_before(sentence_resources: Any) -> None:
    text = (
        "Ethiopian Prime Minister Abiy Ahmed held talks with Kenyan President William Ruto in "
        "Nairobi on Thursday. The two sides agreed that their joint ministerial commission would "
        "meet in Addis Ababa in June."
    )
    planned = [
        e for e in _meetings(text, date(2024, 3, 1), sentence_resources) if e.status == "planned"
    ]
    assert planned and planned[0].where is not None and planned[0].where.name == "Addis Ababa"


def test_a_summit_told_here_is_in_the_dateline_city(sentence_resources: Any) -> None:
    text = (
        "BRIDGETOWN, Dec 6 (Prensa Latina) The 8th CARICOM-Cuba Summit is taking place today in "
        "this capital, with Cuban President Miguel Diaz-Canel in attendance."
    )
    [ev] = _meetings(text, date(2022, 12, 6), sentence_resources)
    assert ev.status == "ongoing" and ev.where is not None and ev.where.name == "Bridgetown"


def test_a_sideline_meeting_takes_the_named_meetings_place(sentence_resources: Any) -> None:
    text = (
        "Rwandan President Paul Kagame met Mozambican President Filipe Nyusi on the sidelines of "
        "the Commonwealth Heads of Government Meeting in Kigali on Friday."
    )
    places = [
        e.where.name for e in _meetings(text, date(2022, 6, 25), sentence_resources) if e.where
    ]
    assert "Kigali" in places, places


def test_this_week_across_two_months_is_the_month_of_most_of_it(sentence_resources: Any) -> None:
    text = (
        "Officials said the meeting of the Pakistan-Afghanistan Joint Coordination Committee, "
        "scheduled to be held in Kabul this week, had been postponed."
    )
    [ev] = _meetings(text, date(2024, 10, 2), sentence_resources)
    assert ev.when is not None and ev.when.start == "2024-10-01" and ev.status == "cancelled"


def test_being_held_today_and_got_under_way_are_under_way(sentence_resources: Any) -> None:
    text = (
        "The APEC Ministerial Meeting is being held today in Lima, with the participation of "
        "ministers of the 21 member economies."
    )
    assert _run(text, date(2024, 11, 14), sentence_resources) == ["ongoing"]
    text = "The Nepal-India Joint Commission meeting got under way in Kathmandu on Thursday."
    assert _run(text, date(2024, 1, 4), sentence_resources) == ["ongoing"]


def test_rescheduled_to_a_later_date_is_called_off(sentence_resources: Any) -> None:
    text = (
        "The inaugural session of the Sri Lanka-Oman Joint Commission, originally scheduled to be "
        "held in Colombo in June, would be rescheduled to a later date."
    )
    assert _run(text, date(2023, 5, 17), sentence_resources) == ["cancelled"]
    text = (
        "The session of the Sri Lanka-Oman Joint Commission was rescheduled for June 5 in Colombo."
    )
    assert _run(text, date(2023, 5, 17), sentence_resources) != ["cancelled"]


def test_the_two_presidents_spoke_by_telephone_is_their_call(sentence_resources: Any) -> None:
    text = (
        "Colombian President Gustavo Petro met Venezuelan President Nicolas Maduro in Caracas on "
        "Tuesday. The two presidents had spoken by telephone in August."
    )
    rec = extract_article(text, published=date(2022, 11, 2), resources=sentence_resources)
    ents = {e.id: e for e in rec.entities}
    calls = [e for e in rec.events if e.type == "CONSULT" and e.mode == "call"]
    assert len(calls) == 1 and calls[0].meeting is None
    sides = {ents[i].code or ents[i].country for i in (*calls[0].actors, *calls[0].recipients)}
    assert sides == {"COL", "VEN"}, sides


def test_talks_with_a_side_of_the_dateline_state_are_there(sentence_resources: Any) -> None:
    text = (
        "MOSCOW, Feb 22 (Reuters) - Russia and China showcased their partnership on Wednesday.\n\n"
        "Chinese Foreign Minister Wang Yi held talks with Russian Foreign Minister Sergei Lavrov "
        "on Tuesday, the ministry said."
    )
    [ev] = _meetings(text, date(2023, 2, 22), sentence_resources)
    assert ev.where is not None and ev.where.name == "Moscow", ev.where
    text = text.replace(
        "Russian Foreign Minister Sergei Lavrov", "Indian Foreign Minister S Jaishankar"
    )
    assert all(e.where is None for e in _meetings(text, date(2023, 2, 22), sentence_resources))


def test_they_under_a_pair_subject_is_the_pair(sentence_resources: Any) -> None:
    text = (
        "Egypt and Ethiopia resumed talks in Cairo on Sunday. The two leaders made that "
        "commitment when they met in Cairo on July 13."
    )
    starts = sorted(
        e.when.start for e in _meetings(text, date(2023, 8, 28), sentence_resources) if e.when
    )
    assert starts == ["2023-07-13", "2023-08-27"], starts


def test_a_visitor_also_due_to_be_received_is_a_further_meeting(sentence_resources: Any) -> None:
    text = (
        "Moldovan Prime Minister Dorin Recean held talks with Ukrainian Prime Minister Denys "
        "Shmyhal in Kyiv on Monday. Recean is also due to be received by Ukrainian President "
        "Volodymyr Zelensky on Tuesday."
    )
    got = sorted(
        (e.status, e.when.start if e.when else "")
        for e in _meetings(text, date(2023, 5, 15), sentence_resources)
    )
    assert got == [("occurred", "2023-05-15"), ("planned", "2023-05-16")], got


def test_a_state_named_as_an_owner_is_no_venue(sentence_resources: Any) -> None:
    text = (
        "ABU DHABI - The President of the UAE today received the President of Somalia in Abu "
        "Dhabi. During the meeting, the UAE President affirmed the UAE's support for Somalia's "
        "efforts to consolidate security."
    )
    found = _meetings(text, date(2024, 5, 16), sentence_resources)
    assert len(found) == 1  # "the meeting" is the reception, not talks in Somalia
    assert found[0].where is not None and found[0].where.country == "ARE"
    assert found[0].when is not None and found[0].when.start == "2024-05-16"


def test_an_undated_meeting_in_the_story_takes_the_lead_day(sentence_resources: Any) -> None:
    text = (
        "SEOUL - South Korea on Friday lodged a strong protest with Japan over its annual defence "
        'white paper.\n\n"The government strongly protests the claim," a ministry spokesperson '
        "said in a statement.\n\nThe South Korean foreign ministry summoned Japan's deputy "
        "ambassador in Seoul to lodge the protest."
    )
    found = _meetings(text, date(2023, 7, 28), sentence_resources)
    assert [m.when.start if m.when else None for m in found] == ["2023-07-28"]
    assert "meeting.lead_day" in found[0].rules
    # a lead day weeks before the report says nothing of the meeting's
    found = _meetings(text.replace("on Friday", "on June 2"), date(2023, 7, 28), sentence_resources)
    assert all(m.when is None or m.when.start != "2023-06-02" for m in found)


def test_a_plan_told_in_the_past_perfect_fell_through(resources: Any) -> None:
    # "had been due to", "had been scheduled to": like "was to have", a plan that did not happen
    for text, status in (
        ("Biden had been scheduled to visit Papua New Guinea on Monday.", "cancelled"),
        ("Biden is scheduled to visit Papua New Guinea on Monday.", "planned"),
        ("Biden was due to visit Papua New Guinea on Monday.", "planned"),
    ):
        rec = extract_article(text, published=date(2024, 8, 28), resources=resources)
        visits = [e for e in rec.events if e.meeting is not None]
        assert len(visits) == 1 and visits[0].status == status, text


def test_would_in_a_second_reported_clause_is_a_plan(resources: Any) -> None:
    text = (
        "Foreign Minister Geoffrey Onyeama said the envoy had been called in to hear Abuja's "
        "displeasure, and that President Muhammadu Buhari would send a special envoy to "
        "Pretoria to meet President Cyril Ramaphosa."
    )
    rec = extract_article(text, published=date(2019, 9, 4), resources=resources)
    planned = [e for e in rec.events if e.meeting is not None and e.status == "planned"]
    assert len(planned) == 1


def test_who_is_to_attend_does_not_date_the_meeting(resources: Any) -> None:
    text = (
        "The APEC Economic Leaders' Meeting, to be attended by Chinese President Xi Jinping and "
        "US President Joe Biden, will take place in Lima on Friday and Saturday."
    )
    rec = extract_article(text, published=date(2024, 11, 14), resources=resources)
    (meeting,) = [e for e in rec.events if e.meeting is not None]
    assert meeting.status == "planned"


def test_a_reception_told_in_the_passive_past_is_over_within_a_visit(
    sentence_resources: Any,
) -> None:
    text = (
        "Mozambique's President Filipe Nyusi was received by Portuguese President Marcelo "
        "Rebelo de Sousa in Lisbon on Thursday at the start of a three-day state visit."
    )
    assert _run(text, date(2021, 12, 3), sentence_resources) == ["occurred"]


def test_a_meeting_told_held_in_the_simple_past_is_over(sentence_resources: Any) -> None:
    text = (
        "Talks between US and Ukrainian officials began in Jeddah on Tuesday. US and Ukrainian "
        "officials met for more than eight hours at a hotel in the Saudi city."
    )
    assert _run(text, date(2025, 3, 11), sentence_resources) == ["occurred"]
    text = "Talks between US and Ukrainian officials began in Jeddah on Tuesday."
    assert _run(text, date(2025, 3, 11), sentence_resources) == ["ongoing"]
