"""Meeting rules on short invented reports: each test states one general rule and fails when the
pipeline breaks it."""

from __future__ import annotations

from datetime import date
from typing import Any

from communique import extract_article
from communique.evaluation.meetings import is_meeting
from communique.model import Record


def _meetings(rec: Record) -> list[Any]:
    return [e for e in rec.events if is_meeting(e)]


def _codes(rec: Record, ev: Any) -> set[str]:
    ents = {e.id: e for e in rec.entities}
    out: set[str] = set()
    for i in (*ev.actors, *ev.recipients):
        e = ents[i]
        for c in (e.code, e.country):
            if c:
                out.add(c)
    return out


def test_two_visits_by_different_visitors_stay_apart(resources: Any) -> None:
    text = (
        "Spain and Morocco signed a fisheries accord on Tuesday.\n\n"
        "During Prime Minister Pedro Sanchez's visit to Rabat last year, the two governments "
        "agreed to reopen the border crossings.\n\n"
        "Officials said the accord had been drafted during King Mohammed VI's visit to Madrid "
        "in March."
    )
    rec = extract_article(text, published=date(2024, 5, 14), resources=resources)
    visits = [e for e in _meetings(rec) if e.mode == "visit"]
    places = sorted((e.where.name if e.where else "") for e in visits)
    assert places == ["Madrid", "Rabat"], places


def test_royal_title_and_given_name_is_the_same_person(resources: Any) -> None:
    text = (
        "Crown Prince Salman bin Hamad Al Khalifa of Bahrain arrived in Tokyo on Monday.\n\n"
        "Prince Salman met Japanese Prime Minister Fumio Kishida at the prime minister's office "
        "on Tuesday to discuss energy cooperation."
    )
    rec = extract_article(text, published=date(2023, 6, 6), resources=resources)
    people = [e for e in rec.entities if e.kind == "person"]
    salman = [e for e in people if "Salman" in e.name]
    assert len(salman) == 1, [e.name for e in people]
    assert len(salman[0].mentions) >= 2


def test_sentence_initial_adverb_is_not_part_of_a_title(resources: Any) -> None:
    text = (
        "Even President Emmanuel Macron has voiced doubts about the plan.\n\n"
        "Since Chancellor Olaf Scholz took office, Berlin has changed course."
    )
    rec = extract_article(text, published=date(2023, 2, 1), resources=resources)
    titles = [t for e in rec.entities for t in e.titles]
    assert titles, "titles expected"
    assert not any(t.split()[0] in {"Even", "Since"} for t in titles), titles


def test_a_prospect_of_talks_is_not_a_planned_meeting(resources: Any) -> None:
    text = (
        "The foreign minister of Norway said on Monday that possible talks with Iran "
        "could not be ruled out.\n\n"
        "Norway and Iran pledged to negotiate a new trade framework."
    )
    rec = extract_article(text, published=date(2024, 3, 4), resources=resources)
    assert _meetings(rec) == []


def test_attending_a_domestic_session_is_not_a_meeting_with_a_foreign_state(
    resources: Any,
) -> None:
    text = (
        "The parliamentary committee debated the decision for three hours on Tuesday.\n\n"
        "Portugal's ambassador to Brazil was also at the session but did not speak."
    )
    rec = extract_article(text, published=date(2024, 3, 6), resources=resources)
    assert _meetings(rec) == []


def test_a_session_of_an_international_body_is_a_meeting(resources: Any) -> None:
    text = (
        "Ghana and Kenya addressed a session of the UN Security Council in New York "
        "on Thursday on the situation in the Sahel."
    )
    rec = extract_article(text, published=date(2024, 3, 8), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"GHA", "KEN"} <= _codes(rec, meetings[0])
    assert meetings[0].where is not None and meetings[0].where.country == "USA"


def test_would_in_a_dated_or_reported_arrangement_is_planned(resources: Any) -> None:
    text = (
        "The Embassy of Peru in Chile would be receiving a Peruvian trade delegation between "
        "June 3 and 6.\n\n"
        "Ecuador said it would hold talks with Colombia only if the border was reopened."
    )
    rec = extract_article(text, published=date(2024, 5, 20), resources=resources)
    meetings = _meetings(rec)
    assert [m.status for m in meetings] == ["planned"]
    assert {"PER", "CHL"} <= _codes(rec, meetings[0]) | {
        m.where.country for m in meetings if m.where and m.where.country
    }


def test_the_two_leaders_are_the_parties_of_the_meeting_before(resources: Any) -> None:
    text = (
        "Finnish President Alexander Stubb met Estonian Prime Minister Kristen Michal in Tallinn "
        "on Monday to discuss energy security.\n\n"
        "The two leaders are due to meet again in Helsinki in October."
    )
    rec = extract_article(text, published=date(2025, 6, 3), resources=resources)
    planned = [m for m in _meetings(rec) if m.status == "planned"]
    assert len(planned) == 1
    assert {"FIN", "EST"} <= _codes(rec, planned[0])
    assert planned[0].where is not None and planned[0].where.name == "Helsinki"


def test_next_round_and_side_heads(resources: Any) -> None:
    text = (
        "Chile and Argentina on Thursday held their first round of consultations on border "
        "management in Santiago.\n\n"
        "The Chilean delegation was led by Foreign Minister Alberto van Klaveren, while the "
        "Argentine side was headed by Foreign Minister Diana Mondino.\n\n"
        "Both sides agreed to hold the next round in Buenos Aires in September."
    )
    rec = extract_article(text, published=date(2024, 6, 7), resources=resources)
    meetings = _meetings(rec)
    held = [m for m in meetings if m.status == "occurred"]
    planned = [m for m in meetings if m.status == "planned"]
    assert len(held) == 1 and len(planned) == 1
    assert held[0].meeting is not None
    assert {d.party for d in held[0].meeting.delegations} == {
        e.id for e in rec.entities if e.code in {"CHL", "ARG"} and e.kind == "state"
    }
    assert {"CHL", "ARG"} <= _codes(rec, planned[0])
    assert planned[0].where is not None and planned[0].where.country == "ARG"


def test_a_surname_missed_by_the_tagger_is_still_the_person(resources: Any) -> None:
    text = (
        "Egyptian President Abdel Fattah al-Sisi received Jordanian King Abdullah II in Cairo "
        "on Sunday.\n\n"
        "Sisi and King Abdullah agreed to hold a summit with Iraq in Baghdad next month."
    )
    rec = extract_article(text, published=date(2024, 5, 20), resources=resources)
    planned = [m for m in _meetings(rec) if m.status == "planned"]
    assert len(planned) == 1
    assert {"EGY", "JOR", "IRQ"} <= _codes(rec, planned[0])


def test_courtesy_call_is_a_meeting_and_a_phone_call_is_not(resources: Any) -> None:
    text = (
        "Ghanaian President John Mahama paid a courtesy call on Nigerian President Bola Tinubu "
        "in Abuja on Thursday.\n\n"
        "Mahama later held a phone call with Senegalese President Bassirou Diomaye Faye."
    )
    rec = extract_article(text, published=date(2025, 3, 14), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"GHA", "NGA"} <= _codes(rec, meetings[0])
    assert "SEN" not in _codes(rec, meetings[0])
    calls = [e for e in rec.events if e.type == "CONSULT" and e.mode == "call"]
    assert len(calls) == 1 and calls[0].meeting is None
    assert "SEN" in _codes(rec, calls[0])


def test_chair_named_in_a_relative_clause(resources: Any) -> None:
    text = (
        "Foreign ministers of the Association of Southeast Asian Nations opened their annual "
        "meeting in Vientiane on Tuesday.\n\n"
        "Laotian Foreign Minister Saleumxay Kommasith, who chairs the meeting, urged the bloc "
        "to stay united."
    )
    rec = extract_article(text, published=date(2024, 7, 25), resources=resources)
    meetings = [m for m in _meetings(rec) if m.meeting is not None]
    assert len(meetings) == 1
    assert meetings[0].meeting is not None
    chairs = {e.name for e in rec.entities if e.id in meetings[0].meeting.chair}
    assert chairs == {"Saleumxay Kommasith"}


def test_an_attendee_joins_the_meeting_already_reported(resources: Any) -> None:
    text = (
        "Talks between Serbia and Kosovo in Brussels broke down on Monday.\n\n"
        "Albania, which attended the talks as an observer, called for restraint."
    )
    rec = extract_article(text, published=date(2024, 9, 10), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"SRB", "ALB"} <= _codes(rec, meetings[0])


def test_a_meeting_in_the_lead_without_a_place_is_at_the_dateline(resources: Any) -> None:
    text = (
        "LIMA, March 4 (Reuters) - Peru's foreign ministry summoned Ecuador's ambassador on "
        "Monday over remarks about the border, state media reported.\n\n"
        "Ecuadorean officials in Quito declined to comment."
    )
    rec = extract_article(text, published=date(2024, 3, 4), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].where is not None and meetings[0].where.name == "Lima"


def test_a_dateline_in_title_case_places_the_lead_meeting(resources: Any) -> None:
    # agency style: "Bridgetown, Dec 6 (Prensa Latina)", "Jeddah, July 19, 2023, SPA --"
    for text in (
        "Lusaka, Dec 6 (Prensa Latina) The summit of the Southern African Development "
        "Community is taking place today in this capital with the participation of the "
        "presidents of Angola and Namibia.",
        "Lusaka, December 6, 2022, SPA -- The summit of the Southern African Development "
        "Community is taking place today in this capital with the participation of the "
        "presidents of Angola and Namibia.",
    ):
        rec = extract_article(text, published=date(2022, 12, 6), resources=resources)
        meetings = _meetings(rec)
        assert len(meetings) == 1
        assert meetings[0].where is not None and meetings[0].where.name == "Lusaka"
        assert {"AGO", "NAM"} <= _codes(rec, meetings[0])


def test_a_title_case_name_opening_a_sentence_is_no_dateline() -> None:
    from communique.events.datelines import TITLED_REST

    for rest in (", Dec 6 (Prensa Latina)", ", July 19, 2023, SPA --", ", 3 July 2024 -"):
        assert TITLED_REST.match(rest), rest
    for rest in (", IRNA - The", " - President Lula"):
        assert TITLED_REST.match(rest), rest
    for rest in (", the Zambian capital, hosted", ", which hosts the talks", " and Ndola -"):
        assert not TITLED_REST.match(rest), rest


def test_a_planned_meeting_in_the_lead_does_not_take_the_dateline(resources: Any) -> None:
    text = (
        "LIMA, March 4 (Reuters) - Peruvian President Dina Boluarte will meet Chilean "
        "President Gabriel Boric next week, her office said."
    )
    rec = extract_article(text, published=date(2024, 3, 4), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].where is None


def test_country_in_a_dateline_is_no_participant(resources: Any) -> None:
    text = (
        "SOCHI, Russia, May 2 (Reuters) - Turkish Foreign Minister Hakan Fidan and Iranian "
        "Foreign Minister Abbas Araqchi held talks on Thursday."
    )
    rec = extract_article(text, published=date(2024, 5, 2), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert "RUS" not in _codes(rec, meetings[0])
    assert {"TUR", "IRN"} <= _codes(rec, meetings[0])


def test_place_named_as_the_capital_or_city_of(resources: Any) -> None:
    text = (
        "Leaders of the Economic Community of West African States met in the Nigerian capital "
        "Abuja on Sunday.\n\n"
        "Foreign ministers of the Arab League gathered for a summit in the Saudi city of Jeddah "
        "on Friday."
    )
    rec = extract_article(text, published=date(2024, 2, 26), resources=resources)
    names = sorted(e.where.name for e in _meetings(rec) if e.where)
    assert names == ["Abuja", "Jeddah"], names


def test_attending_a_summit_under_way_joins_it(resources: Any) -> None:
    text = (
        "Leaders of the African Union opened a two-day summit in Addis Ababa on Saturday.\n\n"
        "Kenyan President William Ruto will attend the summit on Sunday and is expected to meet "
        "Ethiopian Prime Minister Abiy Ahmed on Monday."
    )
    rec = extract_article(text, published=date(2024, 2, 17), resources=resources)
    meetings = _meetings(rec)
    summits = [m for m in meetings if "AU" in _codes(rec, m)]
    assert len(summits) == 1 and "KEN" in _codes(rec, summits[0])
    bilateral = [m for m in meetings if {"KEN", "ETH"} <= _codes(rec, m) and m not in summits]
    assert len(bilateral) == 1 and bilateral[0].status == "planned"


def test_sidelines_meeting_takes_the_place_of_the_summit_it_is_on(resources: Any) -> None:
    text = (
        "Thai Prime Minister Srettha Thavisin met Malaysian Prime Minister Anwar Ibrahim on "
        "Tuesday on the margins of a regional summit in Laos, the first meeting between the "
        "two leaders."
    )
    rec = extract_article(text, published=date(2024, 10, 8), resources=resources)
    pair = [m for m in _meetings(rec) if {"THA", "MYS"} <= _codes(rec, m)]
    assert len(pair) == 1
    assert pair[0].where is not None and pair[0].where.country == "LAO"


def test_place_of_the_topic_is_not_the_meeting_place(resources: Any) -> None:
    text = (
        "Norwegian Foreign Minister Espen Barth Eide met his Swiss counterpart Ignazio Cassis "
        "on Monday to discuss the situation in Sudan."
    )
    rec = extract_article(text, published=date(2024, 4, 15), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].where is None or meetings[0].where.country != "SDN"


def test_virtual_meetings_and_received_calls_are_not_meetings(resources: Any) -> None:
    text = (
        "Colombian President Gustavo Petro and Panamanian President Jose Raul Mulino held a "
        "virtual meeting on Wednesday.\n\n"
        "Petro also received a call from Brazilian President Luiz Inacio Lula da Silva.\n\n"
        "Uruguay's foreign minister met his Paraguayan counterpart by video link on Thursday."
    )
    rec = extract_article(text, published=date(2024, 8, 1), resources=resources)
    assert _meetings(rec) == []


def test_an_envoy_calling_on_an_official_is_a_visit_but_calling_on_a_state_to_act_is_not(
    resources: Any,
) -> None:
    text = (
        "Sri Lankan High Commissioner Kshenuka Senewiratne called on Indian Prime Minister "
        "Narendra Modi in New Delhi on Friday.\n\n"
        "The United Nations called on Myanmar to release political prisoners."
    )
    rec = extract_article(text, published=date(2024, 6, 14), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"LKA", "IND"} <= _codes(rec, meetings[0])


def test_a_summit_with_its_host_or_a_speaker_is_a_meeting(resources: Any) -> None:
    text = (
        "Kenya hosted leaders from across the continent in Nairobi on Tuesday for a summit on "
        "climate finance.\n\n"
        "Separately, Mexican President Claudia Sheinbaum said at the close of a two-day summit "
        "in Lima on Saturday that trade barriers must fall."
    )
    rec = extract_article(text, published=date(2024, 11, 18), resources=resources)
    meetings = _meetings(rec)
    places = sorted(m.where.name for m in meetings if m.where)
    assert places == ["Lima", "Nairobi"], places
    lima = next(m for m in meetings if m.where and m.where.name == "Lima")
    assert "MEX" in _codes(rec, lima)


def test_the_date_of_a_dateline_is_not_the_meeting_date(resources: Any) -> None:
    text = (
        "NAIROBI, June 13 (Reuters) - Kenyan President William Ruto met Tanzanian President "
        "Samia Suluhu Hassan in Arusha on Wednesday, his office said."
    )
    rec = extract_article(text, published=date(2024, 6, 13), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].when is not None and meetings[0].when.start == "2024-06-12"


def test_those_who_act_after_talks_held_them(resources: Any) -> None:
    text = (
        "Polish President Andrzej Duda and Lithuanian President Gitanas Nauseda signed a "
        "defence pact after talks in Vilnius on Monday."
    )
    rec = extract_article(text, published=date(2024, 1, 10), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"POL", "LTU"} <= _codes(rec, meetings[0])


def test_a_welcome_joins_the_visit_to_the_host_country(resources: Any) -> None:
    text = (
        "Indonesian President Joko Widodo arrived in Vietnam on Thursday for a state visit.\n\n"
        "Vietnamese President Vo Van Thuong welcomed Widodo at a ceremony in Hanoi."
    )
    rec = extract_article(text, published=date(2024, 1, 11), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1, [m.evidence[0].text for m in meetings]


def test_talks_on_the_second_day_of_a_two_day_visit_are_part_of_it(resources: Any) -> None:
    text = (
        "Chilean President Gabriel Boric arrived in Buenos Aires on Monday for a two-day "
        "visit to Argentina.\n\n"
        "Boric met Argentine President Javier Milei at the Casa Rosada on Tuesday."
    )
    rec = extract_article(text, published=date(2024, 6, 5), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1, [m.evidence[0].text for m in meetings]
    assert meetings[0].when is not None and meetings[0].when.start == "2024-06-03"


def test_he_stands_for_the_person_named_before(resources: Any) -> None:
    text = (
        "Austrian Chancellor Karl Nehammer arrived in Prague on Monday.\n\n"
        "He will hold talks with Czech Prime Minister Petr Fiala on Tuesday, a spokesman said."
    )
    rec = extract_article(text, published=date(2024, 5, 20), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"AUT", "CZE"} <= _codes(rec, meetings[0])
    assert meetings[0].when is not None and meetings[0].when.start == "2024-05-21"


def _where(ev: Any) -> str:
    return ev.where.name if ev.where else ""


def test_a_nationality_capital_locates_the_meeting(resources: Any) -> None:
    text = (
        "Envoys of Cameroon and Niger held talks in the Nigerian capital on Thursday on the "
        "security of their common border, officials said.\n\n"
        "The two delegations agreed to share intelligence on armed groups."
    )
    rec = extract_article(text, published=date(2019, 3, 8), resources=resources)
    places = {_where(e) for e in _meetings(rec)}
    assert places == {"Abuja"}, places


def test_a_broker_under_whose_auspices_talks_run_takes_part(resources: Any) -> None:
    text = (
        "Talks between Mali's government and armed groups opened on Monday in Algiers "
        "under the auspices of the African Union, diplomats said.\n\n"
        "The talks are expected to last a week."
    )
    rec = extract_article(text, published=date(2019, 6, 3), resources=resources)
    assert any({"MLI", "AU"} <= _codes(rec, e) for e in _meetings(rec)), [
        _codes(rec, e) for e in _meetings(rec)
    ]


def test_an_audience_receiver_object_after_adverbials_is_received(resources: Any) -> None:
    text = (
        "King Abdullah II received in audience at the palace here today Indonesian Foreign "
        "Minister Retno Marsudi.\n\n"
        "They reviewed bilateral relations and regional developments, the royal court said."
    )
    rec = extract_article(text, published=date(2019, 4, 2), resources=resources)
    assert any("IDN" in _codes(rec, e) for e in _meetings(rec)), [
        _codes(rec, e) for e in _meetings(rec)
    ]


def test_non_aligned_movement_and_political_community_are_forums(resources: Any) -> None:
    text = (
        "Foreign ministers of the Non-Aligned Movement met in Kampala on Tuesday to prepare "
        "the movement's summit.\n\n"
        "Leaders of the European Political Community will gather in Tirana next month."
    )
    rec = extract_article(text, published=date(2021, 6, 1), resources=resources)
    codes = set().union(*(_codes(rec, e) for e in _meetings(rec)))
    assert {"NAM", "EPC"} <= codes, codes


def test_leaders_gathering_and_a_working_dinner_are_meetings(resources: Any) -> None:
    text = (
        "Presidents of Peru and Bolivia gathered in Cusco on Friday for a day of talks on "
        "lithium and water.\n\n"
        "The Canadian and Mexican leaders agreed over dinner in Ottawa on Saturday to set up a "
        "joint trade council. Protesters gathered outside the hotel."
    )
    rec = extract_article(text, published=date(2019, 9, 16), resources=resources)
    got = sorted(_where(e) for e in _meetings(rec))
    assert got == ["Cusco", "Ottawa"], got


def test_a_meeting_in_a_where_clause_is_at_the_place_described(resources: Any) -> None:
    text = (
        "Argentina's President Alberto Fernandez has called off a trip to Uruguay, where he "
        "was due to meet President Luis Lacalle Pou, his office said on Monday.\n\n"
        "No reason was given for the decision."
    )
    rec = extract_article(text, published=date(2021, 3, 1), resources=resources)
    meetings = _meetings(rec)
    assert [e.where.country if e.where else None for e in meetings] == ["URY"], [
        (_codes(rec, e), _where(e)) for e in meetings
    ]


def test_the_city_a_visit_verb_takes_as_object_is_the_venue(resources: Any) -> None:
    text = (
        "The German foreign ministry said on Friday that Foreign Minister Heiko Maas will visit "
        "Nairobi on Monday to meet Kenyan President Uhuru Kenyatta.\n\n"
        "The talks are expected to focus on Somalia."
    )
    rec = extract_article(text, published=date(2019, 5, 10), resources=resources)
    assert any(_where(e) == "Nairobi" for e in _meetings(rec)), [
        (_codes(rec, e), _where(e)) for e in _meetings(rec)
    ]


def test_talks_held_where_a_visitor_was_welcomed_are_one_meeting(resources: Any) -> None:
    text = (
        "APIA (AAP) - Samoa's Prime Minister Tuilaepa Sailele Malielegaoi has welcomed "
        "Australia's Foreign Minister Marise Payne to Apia, where the two held bilateral talks "
        "on fisheries on Thursday.\n\n"
        "Payne will travel on to Tonga."
    )
    rec = extract_article(text, published=date(2019, 8, 9), resources=resources)
    in_samoa = [m for m in _meetings(rec) if "WSM" in _codes(rec, m)]
    assert len(in_samoa) == 1, [m.evidence[0].text for m in in_samoa]
    # the journey on to Tonga is a visit of its own, still to come
    onward = [m for m in _meetings(rec) if "TON" in _codes(rec, m)]
    assert [m.status for m in onward] == ["planned"]


def test_talks_after_an_arrival_are_where_the_visitor_arrived(resources: Any) -> None:
    text = (
        "Bolivian Foreign Minister Rogelio Mayta arrived in Santiago on Sunday. He will hold "
        "talks with Chilean Foreign Minister Antonia Urrejola on Monday, the ministry said.\n\n"
        "Peruvian President Pedro Castillo arrived in Quito on Monday after talks with "
        "Colombian President Gustavo Petro."
    )
    rec = extract_article(text, published=date(2022, 9, 4), resources=resources)
    got = {frozenset(_codes(rec, e)): _where(e) for e in _meetings(rec)}
    assert got.get(frozenset({"BOL", "CHL"})) == "Santiago", got
    # the talks with Colombia came before the journey to Quito, elsewhere; the arrival in
    # Quito is a visit of Peru's president to Ecuador
    assert got.get(frozenset({"COL", "PER"})) != "Quito", got
    assert got.get(frozenset({"ECU", "PER"})) == "Quito", got


def test_place_and_day_of_the_saying_are_not_the_meetings(resources: Any) -> None:
    text = (
        "Ecuadorian Foreign Minister Gabriela Sommerfeld said in Quito on Monday that she "
        "would meet her Peruvian counterpart at the next summit of the Andean Community."
    )
    rec = extract_article(text, published=date(2024, 5, 22), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].when is None or meetings[0].when.start != "2024-05-20"
    assert meetings[0].where is None or meetings[0].where.name != "Quito"


def test_talks_only_offered_or_called_for_are_not_meetings(resources: Any) -> None:
    text = (
        "Colombia offered talks with Venezuela on the border crisis on Monday.\n\n"
        "The Arab League called for an emergency summit.\n\n"
        "Chile proposed a meeting with Bolivia in Santiago on Friday.\n\n"
        "Chile and Bolivia held talks in Santiago on Friday."
    )
    rec = extract_article(text, published=date(2024, 5, 20), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].status == "occurred"
    assert {"CHL", "BOL"} <= _codes(rec, meetings[0])


def test_sat_down_with_a_counterpart_is_a_meeting(resources: Any) -> None:
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi sat down with his Ugandan counterpart "
        "Odongo Jeje Abubakhar in Nairobi on Tuesday.\n\n"
        "The delegates later sat down to dinner."
    )
    rec = extract_article(text, published=date(2024, 5, 22), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"KEN", "UGA"} <= _codes(rec, meetings[0])
    ugandan = next(e for e in rec.entities if "Abubakhar" in e.name)
    assert ugandan.country == "UGA"


def test_a_tour_of_two_countries_is_two_visits(resources: Any) -> None:
    text = (
        "Indian Prime Minister Narendra Modi will pay state visits to Ghana and Namibia "
        "next week, the foreign ministry said."
    )
    rec = extract_article(text, published=date(2025, 6, 25), resources=resources)
    visits = _meetings(rec)
    assert sorted(v.where.country for v in visits if v.where) == ["GHA", "NAM"]
    assert all("IND" in _codes(rec, v) for v in visits)


def test_a_summit_named_only_as_the_setting_of_talks_is_not_reported(resources: Any) -> None:
    text = (
        "Mexican President Andres Manuel Lopez Obrador and Canadian Prime Minister Justin "
        "Trudeau last met in Osaka in June on the sidelines of the G20 summit."
    )
    rec = extract_article(text, published=date(2019, 9, 2), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"MEX", "CAN"} <= _codes(rec, meetings[0])


def test_sidelines_with_no_meeting_named_are_the_latest_summits(resources: Any) -> None:
    text = (
        "Leaders of the African Union opened a summit in Addis Ababa on Saturday.\n\n"
        "On the sidelines, Kenyan President William Ruto held talks with Somali President "
        "Hassan Sheikh Mohamud, whose government took office in May."
    )
    rec = extract_article(text, published=date(2024, 2, 19), resources=resources)
    talks = next(m for m in _meetings(rec) if {"KEN", "SOM"} <= _codes(rec, m))
    assert talks.where is not None and talks.where.country == "ETH"
    assert talks.when is not None and str(talks.when.start) == "2024-02-17"


def test_a_place_of_a_coordinated_clause_is_not_the_meetings(resources: Any) -> None:
    text = (
        "Finnish President Alexander Stubb held talks with Estonian Prime Minister Kristen "
        "Michal, and the Nordic states announced new military aid to Kyiv."
    )
    rec = extract_article(text, published=date(2024, 9, 3), resources=resources)
    talks = next(m for m in _meetings(rec) if {"FIN", "EST"} <= _codes(rec, m))
    assert talks.where is None or talks.where.country != "UKR"


def test_earlier_talks_on_the_sidelines_of_a_summit_keep_its_place_and_day(
    resources: Any,
) -> None:
    text = (
        "Austrian Chancellor Karl Nehammer held talks with Czech Prime Minister Petr Fiala in "
        "Vienna on Monday.\n\n"
        "Nehammer and Fiala had previously met briefly on the sidelines of the European "
        "Council summit in Brussels last June."
    )
    rec = extract_article(text, published=date(2023, 11, 14), resources=resources)
    places = sorted(m.where.name for m in _meetings(rec) if m.where and m.where.name)
    assert "Vienna" in places and "Brussels" in places


def test_an_inspection_is_a_visit_only_when_a_named_party_inspects(resources: Any) -> None:
    text = (
        "The army is racing to inspect thousands of U.S.-run buildings across Iraq.\n\n"
        "A Chinese government delegation inspected pork processing plants in Denmark on Tuesday."
    )
    rec = extract_article(text, published=date(2024, 5, 20), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert "CHN" in _codes(rec, meetings[0])
    assert meetings[0].where is not None and meetings[0].where.country == "DNK"


def test_sidelines_of_a_named_conference_take_its_city(resources: Any) -> None:
    text = (
        "NEW DELHI (PTI) — Indian External Affairs Minister S Jaishankar on Thursday held a "
        "bilateral meeting with his Maldivian counterpart on the sidelines of the Raisina "
        "Dialogue Conference in Mumbai."
    )
    rec = extract_article(text, published=date(2024, 5, 20), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].where is not None and meetings[0].where.name == "Mumbai"


def test_an_arrival_told_after_the_meeting_places_it_when_it_came_first(
    resources: Any,
) -> None:
    text = (
        "HANOI (VNA) -- Thai Prime Minister Paetongtarn Shinawatra met Vietnamese Prime "
        "Minister Pham Minh Chinh on Tuesday. Paetongtarn arrived in Ho Chi Minh City on Sunday."
    )
    meetings = _meetings(extract_article(text, published=date(2025, 5, 20), resources=resources))
    assert [m.where.name if m.where else None for m in meetings] == ["Ho Chi Minh City"]


def test_talks_scheduled_for_a_day_and_cancelled(resources: Any) -> None:
    text = "Talks between Chad and Sudan scheduled for Thursday in N'Djamena were cancelled."
    rec = extract_article(
        text + "\n\nNo new date was given.", published=date(2024, 5, 20), resources=resources
    )
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].status == "cancelled"
    assert meetings[0].when is not None and meetings[0].when.start == "2024-05-16"


def test_a_dateline_is_never_read_as_the_agenda(resources: Any) -> None:
    text = (
        "ABUJA, Nigeria, Feb 17 (Reuters) - ECOWAS leaders opened their annual summit in Abuja on "
        "Saturday, with conflicts in Mali and Niger topping the agenda."
    )
    rec = extract_article(text, published=date(2024, 3, 3), resources=resources)
    agendas = [a for m in _meetings(rec) if m.meeting for a in m.meeting.agenda]
    assert not any(a.isupper() or a in {"Feb", "February"} for a in agendas), agendas


def test_their_last_meeting_is_the_pairs(resources: Any) -> None:
    text = (
        "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping are expected to "
        "meet on the sidelines of the BRICS summit in Kazan next week.\n\n"
        "Their last meeting was in Johannesburg in August 2023."
    )
    rec = extract_article(text, published=date(2024, 10, 16), resources=resources)
    past = [m for m in _meetings(rec) if m.status == "occurred"]
    assert len(past) == 1
    assert {"IND", "CHN"} <= _codes(rec, past[0])
    assert past[0].when is not None and past[0].when.start == "2023-08"


def test_yearless_dates_in_different_months_are_two_meetings(resources: Any) -> None:
    # no publication date: neither date can be given a year, but their months still differ
    text = (
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni on Tuesday, May 16, "
        "to discuss the border.\n\n"
        "The two leaders had also met in March to discuss trade."
    )
    assert len(_meetings(extract_article(text, resources=resources))) == 2
    same = text.replace("in March", "on May 16")
    assert len(_meetings(extract_article(same, resources=resources))) == 1


def test_who_stayed_away_is_no_party_of_the_meeting(resources: Any) -> None:
    text = "Kenya did not attend the talks between Uganda and Rwanda in Kampala on Monday."
    rec = extract_article(text, resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert _codes(rec, meetings[0]) >= {"UGA", "RWA"}
    assert "KEN" not in _codes(rec, meetings[0])


def test_meeting_takes_the_day_its_participant_arrived_at_its_place(resources: Any) -> None:
    arrived = "The Chinese foreign minister, Qin Gang, arrived in Berlin on Tuesday.\n"
    talks = "He held talks with his German counterpart Annalena Baerbock."
    rec = extract_article(arrived + talks, published=date(2023, 5, 12), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.when is not None and meeting.when.start.startswith("2023-05-09")
    # the arrival is the visit's own telling, or dates the talks told after it
    assert {"meeting.arrival_date", "lexicon.triggers:arrive"} & set(meeting.rules)
    elsewhere = extract_article(
        arrived + talks.replace(".", " in Paris."), published=date(2023, 5, 12), resources=resources
    )
    (met,) = [m for m in _meetings(elsewhere) if m.where is None or m.where.name != "Berlin"]
    # arrived in Berlin, met in Paris: the day is not known (at most the report's month)
    assert met.when is None or (
        met.when.granularity == "month" and "meeting.arrival_date" not in met.rules
    )


def test_talks_during_a_visit_take_the_visit_place(resources: Any) -> None:
    visit = "Indian Prime Minister Narendra Modi is on a state visit to Washington this week.\n\n"
    talks = "Modi and US President Joe Biden held talks on Thursday, a day after Modi spoke."
    rec = extract_article(visit + talks, published=date(2023, 6, 19), resources=resources)
    held = [m for m in _meetings(rec) if m.mode != "visit"]
    assert held and held[0].where is not None and held[0].where.name == "Washington"
    assert "meeting.visit_place" in held[0].rules
    elsewhere = extract_article(
        visit + "Modi and Chinese President Xi Jinping held talks on Thursday.",
        published=date(2023, 6, 19),
        resources=resources,
    )
    other = [m for m in _meetings(elsewhere) if m.mode != "visit"]
    assert all(m.where is None or m.where.name != "Washington" for m in other)  # not the visit's


def test_city_naming_a_venue_is_the_meeting_place(resources: Any) -> None:
    text = (
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol "
        "at a Tokyo restaurant on Thursday."
    )
    rec = extract_article(text, published=date(2023, 6, 10), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.where is not None and meeting.where.name == "Tokyo"


def test_he_stands_for_an_unnamed_office_holder_only_as_nearest_subject(resources: Any) -> None:
    """ "The Kenyan president ... he met X": Kenya meets; "Biden met the Kenyan president. He
    said ...": the president is an object, so "he" is still Biden."""
    text = "The Kenyan president flew to Addis Ababa on Friday, where he met Abiy Ahmed."
    rec = extract_article(text, published=date(2023, 3, 20), resources=resources)
    codes = {e.id: e.code or e.country for e in rec.entities}
    (meeting,) = [e for e in rec.events if e.meeting is not None]
    assert {codes[i] for i in meeting.actors} == {"KEN", "ETH"}
    text = "Joe Biden met the Kenyan president on Monday. He said the talks were useful."
    rec = extract_article(text, published=date(2023, 3, 20), resources=resources)
    codes = {e.id: e.code or e.country for e in rec.entities}
    said = [e for e in rec.events if e.type == "STATEMENT"]
    assert said and all(codes[i] == "USA" for e in said for i in e.actors)


def test_object_pronoun_is_the_person_before_never_the_subject(resources: Any) -> None:
    """ "Abe thanked him": the person named before who is not the subject, so Trump."""
    text = "Japanese Prime Minister Shinzo Abe met Donald Trump on Monday. Abe thanked him warmly."
    rec = extract_article(text, published=date(2018, 4, 6), resources=resources)
    codes = {e.id: e.code or e.country for e in rec.entities}
    (thanks,) = [e for e in rec.events if e.type == "SUPPORT"]
    assert [codes[i] for i in thanks.recipients] == ["USA"]
    alone = extract_article("Shinzo Abe praised him on Monday in Tokyo.", resources=resources)
    assert not any(e.recipients for e in alone.events if e.type == "SUPPORT")


def test_an_undated_lead_meeting_is_of_the_publication_month(resources: Any) -> None:
    """The lead's meeting with no date is the month's news (month precision, with the rule's
    name); not a meeting further down, not in a report's first days, not with a date told."""
    text = (
        "Hungarian Prime Minister Viktor Orban held talks with Chinese President Xi Jinping in "
        "Beijing. The talks covered trade.\n\nOrban met Vietnamese leaders in Hanoi in 2019, "
        "officials said. Orban later met Lao leaders in Vientiane."
    )
    rec = extract_article(text, published=date(2024, 5, 9), resources=resources)
    first, *later = sorted(_meetings(rec), key=lambda e: e.evidence[0].start)
    assert first.when is not None and first.when.start == "2024-05"
    assert first.when.granularity == "month" and "meeting.publication_month" in first.rules
    assert all("meeting.publication_month" not in e.rules for e in later)
    early = extract_article(text, published=date(2024, 5, 2), resources=resources)
    assert all(e.when is None for e in _meetings(early)[:1])


def test_a_meeting_with_named_hosts_is_in_their_country(resources: Any) -> None:
    text = "The Syrian foreign minister held talks with his Cypriot hosts on Monday."
    rec = extract_article(text, published=date(2009, 3, 3), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.where is not None and meeting.where.country == "CYP"
    assert "meeting.hosts_country" in meeting.rules
    named = "The Syrian foreign minister held talks with his Cypriot hosts in Geneva on Monday."
    (there,) = _meetings(extract_article(named, published=date(2009, 3, 3), resources=resources))
    assert there.where is not None and there.where.country == "CHE"


def _countries(text: str, resources: Any) -> list[str | None]:
    rec = extract_article(text, published=date(2020, 10, 23), resources=resources)
    return [e.where.country if e.where else None for e in _meetings(rec)]


def test_on_an_occasion_or_a_person_is_no_topic_of_the_meeting(resources: Any) -> None:
    # "on" introduces a topic ("talks on Syria"), not the sidelines, an island or whom one
    # called on: a place under those is the meeting's
    assert _countries(
        "Iran's foreign minister met his French counterpart on the sidelines of the UN "
        "General Assembly in New York on Wednesday.",
        resources,
    ) == ["USA"]
    assert _countries(
        "The Chinese ambassador called on Prime Minister Imran Khan in Islamabad on Thursday.",
        resources,
    ) == ["PAK"]
    assert _countries(
        "Turkish and Russian ministers held talks on the situation in Syria on Monday.", resources
    ) == [None]


def test_a_visit_with_no_place_is_in_the_state_visited(resources: Any) -> None:
    assert _countries(
        "Turkey cancelled a planned visit by Swedish Defence Minister Pal Jonson.", resources
    ) == ["TUR"]


def _statuses(text: str, published: date, resources: Any) -> list[str]:
    rec = extract_article(text, published=published, resources=resources)
    return [e.status for e in _meetings(rec)]


def test_a_meeting_still_going_on_on_the_day_of_the_report_is_ongoing(resources: Any) -> None:
    visit = "Iran's foreign minister arrived in Beirut on Wednesday on a two-day visit."
    assert _statuses(visit, date(2023, 4, 26), resources) == ["ongoing"]
    assert _statuses(visit, date(2023, 4, 28), resources) == ["occurred"]  # over by then
    resumed = "EU and British negotiators resumed talks in London on Monday on a trade deal."
    assert _statuses(resumed, date(2020, 11, 9), resources) == ["ongoing"]
    assert _statuses(resumed, date(2020, 11, 12), resources) == ["occurred"]
    present = "Indonesia's president is in Kyiv on Wednesday for talks with Ukraine's president."
    assert _statuses(present, date(2022, 6, 29), resources) == ["ongoing"]
    past = "Indonesia's president was in Kyiv on Wednesday for talks with Ukraine's president."
    assert _statuses(past, date(2022, 6, 29), resources) == ["occurred"]


def test_a_hosted_meeting_with_no_place_is_in_the_hosts_state(resources: Any) -> None:
    assert _countries(
        "Vietnam will host Chinese President Xi Jinping for a state visit on Tuesday.", resources
    ) == ["VNM"]
    assert _countries(
        "Mozambique's president was received by Portugal's president on Thursday.", resources
    ) == ["PRT"]


def test_a_cancelled_meeting_keeps_the_date_it_was_set_for(resources: Any) -> None:
    rec = extract_article(
        "The SAARC summit due to be held in Islamabad in November was scrapped on Friday.",
        published=date(2016, 9, 30),
        resources=resources,
    )
    assert [(e.status, e.when.start if e.when else None) for e in _meetings(rec)] == [
        ("cancelled", "2016-11")
    ]


def test_a_summons_with_no_place_is_in_the_summoning_state(resources: Any) -> None:
    assert _countries(
        "Pakistan on Wednesday summoned India's charge d'affaires to protest against the firing.",
        resources,
    ) == ["PAK"]


def test_officials_from_both_countries_are_the_pair_named_before(resources: Any) -> None:
    text = (
        "Maldivian President Mohamed Muizzu has asked India to withdraw its troops by March.\n\n"
        "The demand was made as officials from both countries held talks on Sunday."
    )
    rec = extract_article(text, published=date(2024, 1, 15), resources=resources)
    assert [_codes(rec, m) for m in _meetings(rec)] == [{"IND", "MDV"}]


def test_a_participle_colouring_a_summit_does_not_date_it_past(resources: Any) -> None:
    text = (
        "Southeast Asian leaders will gather in Jakarta on Wednesday for a two-day ASEAN summit "
        "overshadowed by the civil war in Myanmar."
    )
    assert _statuses(text, date(2023, 5, 8), resources) == ["planned"]


def test_talks_held_within_a_visit_are_over_on_the_day_of_the_report(resources: Any) -> None:
    text = (
        "Kyrgyz President Sadyr Japarov arrived in Astana on Tuesday on a two-day state visit "
        "and held talks with Kazakh President Kassym-Jomart Tokayev."
    )
    assert _statuses(text, date(2023, 5, 24), resources) == ["occurred"]


def test_officials_from_states_hosted_by_a_minister_are_parties(resources: Any) -> None:
    text = (
        "Wang Yi hosted foreign ministers and officials from Fiji, Samoa, Tonga and Vanuatu "
        "at a Suva hotel on Monday."
    )
    rec = extract_article(text, published=date(2022, 5, 31), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert {"CHN", "FJI", "WSM", "TON", "VUT"} <= _codes(rec, meetings[0])


def test_a_second_day_of_talks_and_their_opening_day_are_one_meeting(resources: Any) -> None:
    text = (
        "CAIRO (AP) - Negotiators from Egypt, Ethiopia and Sudan were holding a second day of "
        "talks in Cairo on Monday on the dam.\n\nThe talks, which opened on Sunday behind "
        "closed doors, follow a pledge by the two leaders."
    )
    rec = extract_article(text, published=date(2023, 8, 28), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1
    assert meetings[0].when is not None and meetings[0].when.start.startswith("2023-08-27")


def test_the_next_round_is_between_the_sides_not_the_last_host(resources: Any) -> None:
    text = (
        "Egypt, Ethiopia and Sudan held talks in Cairo on Monday. Negotiations had stalled "
        "after the last round, hosted by the African Union in Kinshasa in April 2021. An "
        "Egyptian official said the next round was scheduled to take place in Addis Ababa "
        "in September."
    )
    rec = extract_article(text, published=date(2023, 8, 28), resources=resources)
    planned = [m for m in _meetings(rec) if m.status == "planned"]
    assert len(planned) == 1
    assert {"EGY", "ETH", "SDN"} <= _codes(rec, planned[0])


def test_next_years_summit_is_the_forums_and_in_next_year(resources: Any) -> None:
    text = (
        "Group of 20 leaders wrapped up a two-day summit in New Delhi on Sunday. Lula said "
        "next year's summit would be held in Rio de Janeiro in November."
    )
    rec = extract_article(text, published=date(2023, 9, 10), resources=resources)
    planned = [m for m in _meetings(rec) if m.status == "planned"]
    assert len(planned) == 1
    assert "G20" in _codes(rec, planned[0]) and "meeting.series" in planned[0].rules
    assert planned[0].when is not None and planned[0].when.start.startswith("2024-11")


def test_the_next_summit_takes_no_forum_when_none_was_told(resources: Any) -> None:
    text = (
        "Kenya held talks with Uganda in Nairobi on Tuesday. The next summit will be held in "
        "Kampala in October."
    )
    rec = extract_article(text, published=date(2023, 9, 10), resources=resources)
    assert not [m for m in _meetings(rec) if m.status == "planned"]


def test_a_session_of_a_joint_commission_is_the_two_states_meeting(resources: Any) -> None:
    text = (
        "Moroccan Foreign Minister Nasser Bourita held talks in Rabat on Thursday with his "
        "Guatemalan counterpart. The two ministers agreed to hold the first session of the "
        "bilateral joint commission in Guatemala City before the end of the year."
    )
    rec = extract_article(text, published=date(2023, 5, 19), resources=resources)
    planned = [m for m in _meetings(rec) if m.status == "planned"]
    assert len(planned) == 1 and {"MAR", "GTM"} <= _codes(rec, planned[0])
    assert planned[0].where is not None and planned[0].where.country == "GTM"


def test_talks_during_a_visit_are_where_the_visit_was(resources: Any) -> None:
    text = (
        "Chinese President Xi Jinping left Harare for Johannesburg on Wednesday after wrapping "
        "up a state visit to Zimbabwe, during which he held talks with his Zimbabwean "
        "counterpart Robert Mugabe."
    )
    rec = extract_article(text, published=date(2015, 12, 2), resources=resources)
    talks = [m for m in _meetings(rec) if "ZWE" in _codes(rec, m)]
    assert talks and all(m.where is not None and m.where.country == "ZWE" for m in talks)


def test_a_city_naming_the_meeting_is_its_venue(resources: Any) -> None:
    text = (
        "The Sydney meeting with the leaders of Australia, Japan and India, planned for May 24, "
        "has been called off, the White House said."
    )
    rec = extract_article(text, published=date(2023, 5, 17), resources=resources)
    meetings = _meetings(rec)
    assert len(meetings) == 1 and meetings[0].status == "cancelled"
    assert meetings[0].where is not None and meetings[0].where.name == "Sydney"
    # a state so placed is a party, not the venue
    rec = extract_article(
        "The US-China talks opened in Geneva on Monday.",
        published=date(2023, 5, 17),
        resources=resources,
    )
    (talks,) = _meetings(rec)
    assert talks.where is not None and talks.where.name == "Geneva"


def test_a_meeting_shifted_to_a_date_yet_to_be_fixed_is_called_off(resources: Any) -> None:
    text = (
        "Abuja - The Nigeria-Cameroon Joint Commission meeting, which ought to have held in "
        "Yaounde last month, was shifted to a date yet to be fixed, the foreign ministry said."
    )
    rec = extract_article(text, published=date(2024, 3, 10), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.status == "cancelled"
    # the dateline's city ("Abuja -") is where the report is filed, not the meeting's venue
    assert meeting.where is not None and meeting.where.country == "CMR"


def test_a_city_written_after_the_venue_places_the_meeting(resources: Any) -> None:
    text = (
        "President Bola Tinubu will on Tuesday receive his Ghanaian counterpart, Nana "
        "Akufo-Addo, at the State House, Abuja, for talks on regional security."
    )
    rec = extract_article(text, published=date(2024, 3, 10), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.where is not None and meeting.where.name == "Abuja"


def test_the_with_side_of_a_sideline_meeting_is_its_own(resources: Any) -> None:
    text = (
        "The CARICOM summit is taking place today in Bridgetown. Cuban President Miguel "
        "Diaz-Canel is expected to hold a bilateral meeting on the sidelines of the summit with "
        "Prime Minister of Saint Vincent and the Grenadines Ralph Gonsalves."
    )
    rec = extract_article(text, published=date(2022, 12, 6), resources=resources)
    side = [m for m in _meetings(rec) if m.status == "planned"]
    assert len(side) == 1 and {"CUB", "VCT"} <= _codes(rec, side[0])
    summit = [m for m in _meetings(rec) if m.mode == "summit"]
    assert summit and all("VCT" not in _codes(rec, m) for m in summit)


def test_attendance_told_joins_a_gathering_not_a_pair_of_talks(resources: Any) -> None:
    text = (
        "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in "
        "Nairobi on Monday. Ethiopian Prime Minister Abiy Ahmed was also present."
    )
    rec = extract_article(text, published=date(2023, 5, 2), resources=resources)
    (talks,) = _meetings(rec)
    assert "ETH" not in _codes(rec, talks)
    summit = (
        "ASEAN leaders opened their summit in Jakarta on Tuesday. Philippine President Ferdinand "
        "Marcos Jr and Vietnamese Prime Minister Pham Minh Chinh were also present. Myanmar's "
        "junta will not attend."
    )
    rec = extract_article(summit, published=date(2023, 9, 5), resources=resources)
    (meeting,) = _meetings(rec)
    assert {"ASEAN", "PHL", "VNM"} <= _codes(rec, meeting) and "MMR" not in _codes(rec, meeting)


def test_calls_with_an_unnumbered_set_of_counterparts_are_no_call(resources: Any) -> None:
    text = (
        "New Zealand Foreign Minister Winston Peters said he had spoken by video link with "
        "several Pacific counterparts in recent weeks."
    )
    rec = extract_article(text, published=date(2024, 2, 7), resources=resources)
    assert not [e for e in rec.events if e.mode == "call"]


def test_bringing_two_leaders_together_is_their_meeting(resources: Any) -> None:
    text = (
        "NATO Secretary-General Jens Stoltenberg will bring together Turkish President Tayyip "
        "Erdogan and Swedish Prime Minister Ulf Kristersson in Vilnius on Monday."
    )
    rec = extract_article(text, published=date(2023, 7, 7), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.status == "planned" and {"NATO", "TUR", "SWE"} <= _codes(rec, meeting)
    for other in (
        "The ministry will bring together food and medicine for the region on Monday.",
        "The United States suspended a military aid program aimed at bringing Bosnian Croats "
        "and Muslims together.",
    ):
        rec = extract_article(other, published=date(2023, 7, 7), resources=resources)
        assert not _meetings(rec), other


def test_talks_agreed_to_are_planned_and_not_dated_by_the_agreeing(resources: Any) -> None:
    text = (
        "India on Friday called off a planned meeting between its foreign minister and her "
        "Pakistani counterpart in New York next week. New Delhi had agreed only on Thursday to "
        "the talks between Sushma Swaraj and Shah Mehmood Qureshi."
    )
    rec = extract_article(text, published=date(2018, 9, 21), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.status == "cancelled" and {"IND", "PAK"} <= _codes(rec, meeting)


def test_a_clause_whose_pronoun_is_the_meeting_places_it(resources: Any) -> None:
    text = (
        "Talks between Sudan and South Sudan on the disputed Abyei area collapsed before they "
        "began on Monday in Addis Ababa, officials said."
    )
    rec = extract_article(text, published=date(2016, 6, 14), resources=resources)
    (meeting,) = _meetings(rec)
    assert meeting.where is not None and meeting.where.name == "Addis Ababa"


def test_meeting_the_head_of_a_delegation_is_not_heading_it(resources: Any) -> None:
    text = (
        "Doha - On Saturday, HE Minister of State at the Ministry of Foreign Affairs Dr. "
        "Mohammed bin Abdulaziz Al Khulaifi met with the head of the Afghan delegation upon its "
        "arrival in Doha."
    )
    rec = extract_article(text, published=date(2024, 6, 30), resources=resources)
    people = {e.name: e.country for e in rec.entities if e.kind == "person"}
    assert all(country != "AFG" for country in people.values()), people
    # the titled official the data do not list meets in Doha: Qatar is the other side
    (meeting,) = _meetings(rec)
    assert {"AFG", "QAT"} <= _codes(rec, meeting)


def test_playing_host_to_a_leader_is_receiving_him(resources: Any) -> None:
    text = "The Philippines played host to Japanese Prime Minister Fumio Kishida on Friday."
    rec = extract_article(text, published=date(2023, 11, 4), resources=resources)
    (meeting,) = _meetings(rec)
    assert {"PHL", "JPN"} <= _codes(rec, meeting)
    rec = extract_article(
        "The Philippines played a key role in the talks on Friday.",
        published=date(2023, 11, 4),
        resources=resources,
    )
    assert not _meetings(rec)


def test_a_tour_of_two_states_parsed_as_one_name_takes_one_day_each(resources: Any) -> None:
    text = (
        "Prime Minister Narendra Modi will visit the Maldives and Sri Lanka on June 8 and 9, "
        "his first overseas trip since being re-elected."
    )
    rec = extract_article(text, published=date(2019, 6, 4), resources=resources)
    days = {
        code: m.when.start[:10] if m.when else None
        for m in _meetings(rec)
        for code in _codes(rec, m) & {"MDV", "LKA"}
    }
    assert days == {"MDV": "2019-06-08", "LKA": "2019-06-09"}


def test_bilateral_talks_on_a_summit_day_are_held_where_the_summit_is(resources: Any) -> None:
    """A bilateral meeting told beside a summit is a meeting of its own; with no place of its
    own, held on one of the summit's days, it is held where the summit is."""
    text = (
        "SEOUL, June 4 (Yonhap) -- President Yoon Suk Yeol opened the first Korea-Africa summit "
        "in Seoul on Tuesday, co-chairing the two-day gathering with Mauritanian President "
        "Mohamed Ould Ghazouani.\n\n"
        "Ghanaian President Nana Akufo-Addo, who is also in Seoul for the summit, is scheduled "
        "to hold bilateral talks with Yoon on Wednesday morning."
    )
    rec = extract_article(text, published=date(2024, 6, 4), resources=resources)
    talks = [e for e in _meetings(rec) if "GHA" in _codes(rec, e) and e.status == "planned"]
    assert len(talks) == 1 and "MRT" not in _codes(rec, talks[0]), talks
    assert talks[0].where is not None and talks[0].where.name == "Seoul", talks[0].where
    assert talks[0].when is not None and talks[0].when.start.startswith("2024-06-05")


def test_talks_a_party_pulled_out_of_keep_the_day_they_were_set_for(resources: Any) -> None:
    """ "pulled out on Thursday of talks ... planned to host on November 20": the talks are
    called off, the one who planned to host them is a party, and their day is the one they
    were set for, not the day of the pulling out."""
    text = (
        "Azerbaijan pulled out on Thursday of talks with Armenia that Washington had planned "
        "to host on November 20, accusing the United States of taking a one-sided position."
    )
    rec = extract_article(text, published=date(2023, 11, 17), resources=resources)
    (talks,) = _meetings(rec)
    assert talks.status == "cancelled"
    assert {"ARM", "AZE", "USA"} <= _codes(rec, talks)
    assert talks.when is not None and talks.when.start.startswith("2023-11-20")


def test_the_previous_round_is_a_round_of_the_negotiation_told(resources: Any) -> None:
    """ "The previous round, held in Brussels ...": a round named by its place in a track is a
    meeting of that track's parties, with its own place and day."""
    text = (
        "Negotiators from the European Union and Mercosur resumed talks in Asuncion on "
        "Wednesday. The previous round, held in Brussels from Jan. 29 to Feb. 2, ended without "
        "a deal."
    )
    rec = extract_article(text, published=date(2018, 2, 19), resources=resources)
    places = sorted((e.where.name if e.where else "", e.status) for e in _meetings(rec))
    assert places == [("Asunción", "occurred"), ("Brussels", "occurred")], places
    assert all({"EU", "MERCOSUR"} <= _codes(rec, e) for e in _meetings(rec))


def test_talks_told_while_visiting_a_city_are_held_there(resources: Any) -> None:
    """ "Visiting Nairobi, X said ... after talks with Y": the stay the opening participle tells
    holds the talks, though the tagger reads "Visiting Nairobi" as one name."""
    text = (
        "Visiting Nairobi, Indian Prime Minister Narendra Modi said on Monday that India and "
        "Kenya would deepen defence cooperation, after talks with President Uhuru Kenyatta at "
        "State House."
    )
    rec = extract_article(text, published=date(2016, 7, 12), resources=resources)
    (talks,) = _meetings(rec)
    assert {"IND", "KEN"} <= _codes(rec, talks)
    assert talks.where is not None and talks.where.name == "Nairobi", talks.where


def test_a_tour_s_stops_told_with_their_days_place_and_date_each_visit(resources: Any) -> None:
    """ "will visit A, B and C ..., stopping in X on Monday, Y on Tuesday and Z on Wednesday":
    each country's visit is held in its city, on that city's day."""
    text = (
        "Turkish President Recep Tayyip Erdogan will visit Saudi Arabia, Qatar and the United "
        "Arab Emirates on a three-day tour, stopping in Jeddah on Monday, Doha on Tuesday and "
        "Abu Dhabi on Wednesday."
    )
    rec = extract_article(text, published=date(2023, 7, 14), resources=resources)
    legs = sorted(
        (e.where.name if e.where else "", e.when.start[:10] if e.when else "")
        for e in _meetings(rec)
    )
    assert legs == [
        ("Abu Dhabi", "2023-07-19"),
        ("Doha", "2023-07-18"),
        ("Jeddah", "2023-07-17"),
    ], legs


def test_a_meeting_whose_day_lies_after_the_report_is_planned(resources: Any) -> None:
    """ "the G7 summit, which opens in Hiroshima on Friday", told on a Wednesday: however its
    clause is worded ("opens", "hosted by"), a meeting not yet reached is planned."""
    text = (
        "US President Joe Biden will fly to Japan on Wednesday for the G7 summit, which opens "
        "in Hiroshima on Friday."
    )
    rec = extract_article(text, published=date(2023, 5, 17), resources=resources)
    summit = next(e for e in _meetings(rec) if e.where and e.where.name == "Hiroshima")
    assert summit.status == "planned" and "meeting.day_ahead" in summit.rules, summit
    said = extract_article(
        "Leaders of the G7 opened their summit in Hiroshima on Friday.",
        published=date(2023, 5, 19),
        resources=resources,
    )
    assert all(e.status != "planned" for e in _meetings(said)), _meetings(said)


def test_thanks_for_help_with_no_party_it_is_for_credit_no_act(resources: Any) -> None:
    """ "thanked China for its long-standing assistance": only the thanks are told; no AID or
    SUPPORT by China is made of them (position.credited_act needs the party it was for)."""
    rec = extract_article(
        "Tanzanian Foreign Minister January Makamba thanked China for its long-standing "
        "assistance in infrastructure.",
        published=date(2024, 3, 18),
        resources=resources,
    )
    assert not [e for e in rec.events if "position.credited_act" in e.rules], rec.events
    assert any(e.type == "SUPPORT" and e.mode == "praise" for e in rec.events), rec.events


def test_a_host_told_in_the_meeting_s_own_phrase_joins_it(resources: Any) -> None:
    """ "The round of talks between A and B that X was to have hosted in Washington ... was
    called off": the hosting verb is near the phrase's first meeting word, not its last; one
    meeting, with its host and its place."""
    text = (
        "The round of talks between Foreign Ministers Ararat Mirzoyan and Jeyhun Bayramov that "
        "Secretary of State Antony Blinken was to have hosted in Washington on the 20th was "
        "called off after Baku declined to send its minister."
    )
    rec = extract_article(text, published=date(2023, 11, 25), resources=resources)
    (talks,) = _meetings(rec)
    assert talks.status == "cancelled"
    assert {"ARM", "AZE", "USA"} <= _codes(rec, talks)
    assert talks.where is not None and talks.where.name == "Washington", talks.where


def test_sideline_talks_attend_the_gathering_they_are_held_at(resources: Any) -> None:
    text = (
        "Indian Prime Minister Narendra Modi and Chinese President Xi Jinping held talks on the "
        "sidelines of the BRICS summit in Kazan on Wednesday. Russian President Vladimir Putin "
        "is hosting the summit, which ends on Thursday."
    )
    rec = extract_article(text, published=date(2024, 10, 24), resources=resources)
    (summit,) = [m for m in _meetings(rec) if m.mode == "summit"]
    assert {"BRICS", "RUS", "IND", "CHN"} <= _codes(rec, summit)
    assert "meeting.sideline_attendance" in summit.rules
    # talks beside a pair's own meeting add nobody to it: only a gathering is attended
    pair = (
        "Kenyan President William Ruto held talks with Ugandan President Yoweri Museveni in "
        "Nairobi on Monday. On the sidelines of the talks, the Kenyan trade minister met "
        "Tanzanian President Samia Suluhu Hassan."
    )
    rec = extract_article(pair, published=date(2023, 5, 2), resources=resources)
    talks = [m for m in _meetings(rec) if {"KEN", "UGA"} <= _codes(rec, m)]
    assert talks and all("TZA" not in _codes(rec, m) for m in talks)


def test_a_party_absent_from_a_summit_does_not_attend_it(resources: Any) -> None:
    """meeting.acts_at: acting at a summit is attending it; being "not present" at it is not."""
    told = "The Arab League summit opened in Jeddah on Friday. "
    for sentence, attends in (
        ("Syrian President Bashar al-Assad spoke at the summit for the first time in years.", True),
        ("Syrian President Bashar al-Assad was not present at the summit, officials said.", False),
    ):
        rec = extract_article(told + sentence, published=date(2023, 5, 19), resources=resources)
        parties = {c for m in _meetings(rec) for c in _codes(rec, m)}
        assert ("SYR" in parties) is attends, parties
