"""Sources read off the clause around a figure (claimx/attribution/clauses.py), and finds that report.

Each pattern is tested with sentences from at least two kinds of article; every sentence is written for
these tests.
"""

from __future__ import annotations

import pytest


def _source(claim) -> str:
    src = claim.source
    return "" if src is None else f"{src.text} | {src.name}".lower()


# "X said ..., according to Y.": Y frames the whole sentence, the speaker of the verb inside included.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Police said they had arrested 12 men, according to the victims' lawyer.", "12", "lawyer",
                 id="crime"),
    pytest.param("The carmaker told staff it would cut 400 jobs, according to the union's leader.", "400", "leader",
                 id="business"),
    pytest.param("Officials have said they will not release two videos of the raid, according to lawyers for the family.",
                 "two", "lawyers", id="courts"),
])
def test_closing_according_to_frames_the_sentence(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("According to the club, it sold 4,000 tickets, the chairman said.", "4,000", "chairman",
                 id="according-to-first-sport"),
    pytest.param("The striker scored 30 goals, according to league data, and the club later said so.", "30",
                 "league data", id="not-closing-sport"),
    pytest.param('"We lost 12 tanks, according to our own count," the colonel said.', "12", "colonel",
                 id="inside-a-quotation-war"),
])
def test_closing_according_to_only_when_it_closes_the_sentence(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_closing_according_to_never_gives_a_figure_its_own_phrase(figure_of):
    claim = figure_of("The club said it had sold 4,000 tickets, according to two people close to the board.", "two")
    assert "people" not in _source(claim)


# "the 5,000 troops officials say are needed": a reporting clause on the figure's noun.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("It is far below the 5,000 troops officials say are needed to hold the city.", "5,000", "officials",
                 id="war"),
    pytest.param("The campaign raised a fraction of the minimum $20 million experts say it costs to run.", "$20",
                 "experts", id="politics-money"),
    pytest.param("Among the 300 people the health ministry says were killed were 40 children.", "300", "ministry",
                 id="casualties-with-determiner"),
    pytest.param("The 12 players the coach says are fit will travel on Friday.", "12", "coach", id="sport"),
])
def test_relative_cue_gives_the_speaker(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert source in _source(claim)
    assert find.strip("$") not in claim.source.text  # the counted noun is not part of the speaker


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Eight of 10 voters say they will watch the debate.", "10", id="the-figure-noun-speaks-politics"),
    pytest.param("Though the plan costs more, one study found that taxes would rise.", "one", id="no-definite-noun"),
])
def test_relative_cue_needs_a_definite_noun(figure_of, text, find):
    assert figure_of(text, find).source is None


# "The health ministry's toll rose to 41": a count a body keeps, subject or object of the figure's verb.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The health ministry's toll rose to 41 on Monday.", "41", "ministry", id="disaster"),
    pytest.param("That kept the World Bank's estimate of regional growth at 2.4 percent this year.", "2.4",
                 "world bank", id="economy"),
    pytest.param("The league's count of spectators stood at 58,000 for the final.", "58,000", "league", id="sport"),
    pytest.param("The Reuters tally of votes reached 1,200 by noon.", "1,200", "reuters", id="named-in-the-phrase"),
])
def test_owned_count_gives_its_keeper(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The death toll rose to 41 on Monday.", "41", id="nobody-keeps-the-toll"),
    pytest.param("The ministry's statement came after 41 people died.", "41", id="figure-is-the-subject"),
])
def test_owned_count_needs_a_keeper_and_a_new_value(figure_of, text, find):
    assert figure_of(text, find).source is None


# "find", "show", "reveal": a person reports with a clause ("found that ..."), not with a thing found.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The authors of the study found that 73 percent of the firms paid no tax.", "73", "authors",
                 id="finance"),
    pytest.param("Investigators found that 40 percent of the pipes were cracked.", "40", "investigators",
                 id="engineering"),
    pytest.param("Police found that 12 people had died in the fire.", "12", "police", id="disaster"),
])
def test_finding_with_a_clause_reports(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Rescuers found 12 survivors in the rubble.", "12", id="disaster"),
    pytest.param("Divers found 30 coins near the wreck.", "30", id="archaeology"),
])
def test_finding_a_thing_is_no_report(figure_of, text, find):
    assert figure_of(text, find).source is None


# A headline's label names who counts; the owner of the toll in it is whose dead ("N. Korea's death toll").
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("N. Korea's death toll in Russia war tops 2,000, casualties at some 6,000: NIS", "2,000", "nis",
                 id="war-toll-owner-and-label"),
    pytest.param("Britain's flood toll rises to 14 - Environment Agency", "14", "environment agency",
                 id="weather-toll-owner-and-label"),
])
def test_headline_label_over_the_tolls_owner(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# A clause set against another with 'while' has its own speaker, not the first clause's.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The union says 300 jobs will go, while the company said 120 in a statement.", "120", "company",
                 id="business-while"),
    pytest.param("Hamas says 40 were killed, whereas the army said 12 in its own count.", "12", "army", id="war-whereas"),
])
def test_contrasted_clause_keeps_its_speaker(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# The parser may join a reported number to the next clause's speaker ("Kyiv says 6,000 and a US official told ...");
# that clause is the official's, not a report of Kyiv's.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Seoul puts the toll at 4,700, while Kyiv says 6,000 and a US official told reporters that more than "
                 "1,000 had been killed in a week.", "1,000", "official", id="war-joined-subject"),
    pytest.param("The club says 20,000 and a league spokesman told reporters that 18,500 tickets had been sold.",
                 "18,500", "spokesman", id="sport-joined-subject"),
])
def test_number_joined_to_the_next_speaker(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# A title inside a body's name ("a commander in Ukraine's 8th Special Operations Regiment") is held by the person, not
# the body: the speaker is the commander.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("A commander in Ukraine's 8th Special Operations Regiment told reporters that 30 men attacked.", "30",
                 "commander", id="war-commander-in-regiment"),
    pytest.param("A spokeswoman at the Royal Free Hospital Trust said 12 patients were moved.", "12", "spokeswoman",
                 id="health-spokeswoman-at-trust"),
])
def test_a_title_in_a_body_is_the_persons(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# "as reported by X" on the figure's own phrase, not set off by a comma: X gave this figure, inside another's claim.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The rebels insist the dead were all fighters, and not 3,000 civilian lives lost as reported by the UN.",
                 "3,000", "un", id="war-disputed-toll"),
    pytest.param("Villagers say the storm destroyed far more than the 200 homes damaged as reported by the agency.",
                 "200", "agency", id="storm-disputed-count"),
    pytest.param("Kirby said 1,000 soldiers were killed, as reported by Reuters.", "1,000", "kirby",
                 id="set-off-relay-keeps-the-speaker"),
])
def test_restrictive_relay_gives_the_figure_its_source(figure_of, text, find, source):
    assert source in _source(figure_of(text, find)).split(" | ")[0].split()


# A count a speaker keeps, named before a colon that opens the figure's part of the sentence: the keeper is the source.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The monitor's latest estimate is higher again: at least 17,500 killed, including 4,100 fighters.",
                 "17,500", "monitor", id="war-estimate-colon"),
    pytest.param("The union's own count is far lower: 120 jobs lost at the plant.", "120", "union",
                 id="business-count-colon"),
    pytest.param("Syria's death toll is grim: at least 500 people died.", "500", "", id="sufferer-owns-no-count"),
])
def test_colon_count_gives_its_keeper(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert (source in _source(claim)) if source else claim.source is None


# A count a body keeps, joined to the figure after it by "is", "stands at" or a colon: the keeper (the count's owner, or
# the body that updates or publishes it) is the source; a place whose dead a toll counts keeps nothing.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The relief agency's latest figure is 95 dead and more than 400 injured.", "400", "relief agency",
                 id="quake-owner-copula"),
    pytest.param("The health board's tally now stands at 212 cases.", "212", "health board", id="epidemic-owner-stands"),
    pytest.param("The fire service's breakdown by town: Alden (12 homes), Brill (8) and Cove (5).", "12",
                 "fire service", id="wildfire-owner-colon"),
    pytest.param("The interior ministry released new figures on Friday: 31 people were arrested at the protests.", "31",
                 "interior ministry", id="protest-publisher-colon"),
    pytest.param("Kerala's death toll is now 57.", "57", "", id="flood-sufferer-keeps-no-count"),
    pytest.param("The district's tally now stands at 212 cases.", "212", "", id="epidemic-place-word-keeps-no-count"),
])
def test_linked_count_gives_its_keeper(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert (source in _source(claim)) if source else claim.source is None


# A body that lists people as missing or dead keeps that count ("list" reports with a body or a document as subject).
@pytest.mark.parametrize(("text", "find", "source", "reports"), [
    pytest.param("The coast guard listed 23 crew members as missing.", "23", "coast guard", True, id="shipwreck-body"),
    pytest.param("The county's report lists 48 homes as destroyed.", "48", "county", True, id="wildfire-document"),
    pytest.param("The coach listed three reasons for the defeat.", "three", "coach", False, id="sport-person-no-count"),
])
def test_a_body_lists_a_count(figure_of, text, find, source, reports):
    assert (source in _source(figure_of(text, find))) is reports



# "by the agency's count": a count a speaker keeps frames its sentence as "according to" does.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The others - as many as 450 passengers, by the coast guard's count - are still missing.", "450",
                 "coast guard", id="shipwreck-dashes"),
    pytest.param("By the league's tally, 14 clubs broke the spending rules last season.", "14", "league", id="sport-front"),
    pytest.param("By the union's count, roughly 70 per cent of the workers walked out.", "70", "union", id="labour-front"),
])
def test_by_count_gives_its_keeper(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Nearly 2,000 families have left the valley, by most counts.", "2,000", id="disaster-no-keeper"),
    pytest.param("The fare was cut by the board's vote to 40 dollars.", "40", id="transport-no-count"),
])
def test_by_count_needs_a_count_with_a_keeper(figure_of, text, find):
    assert figure_of(text, find).source is None


# "X did ... N ... and says ...": a reporting verb joined by "and" after the figure's verb, with no subject of its own,
# shares that subject, who tells what it did as well.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The charity has handed out blankets to 3,400 families in the camps, and says more are needed before "
                 "winter.", "3,400", "charity", id="aid"),
    pytest.param("The club has sold 12,000 season tickets this summer and says the stadium will be full for the opening "
                 "game.", "12,000", "club", id="sport"),
    pytest.param("The agency has tested 900 wells in the valley and has said that most are safe to drink from.", "900",
                 "agency", id="water-auxiliary-between"),
])
def test_shared_subject_cue_speaks_for_the_first_verb(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# Not when the joined verb is a document's ("and shows"), or has a subject of its own ("and the governor said").
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The survey covered 2,000 households and shows that rents have doubled.", "2,000", id="document-cue"),
    pytest.param("The army shelled 14 villages overnight and the governor said the roads were closed.", "14",
                 id="own-subject-war"),
])
def test_shared_subject_cue_needs_a_shared_speaker(figure_of, text, find):
    assert figure_of(text, find).source is None


# "X cautions that A: B": a clause after a colon that goes on from a reported clause is the same speaker's, though the
# parser hangs the report on it; a colon after a clause that reports nothing gives no one.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Rescue officials caution that the toll is likely to climb: roads to at least 30 hamlets are still "
                 "blocked.", "30", "rescue officials", id="disaster"),
    pytest.param("Club doctors warn that the squad is stretched thin: at least 9 players are carrying injuries.", "9",
                 "club doctors", id="sport"),
    pytest.param("Health officials warn that the outbreak is far from over: at least 14 schools remain closed.", "14",
                 "health officials", id="health"),
])
def test_colon_elaboration_goes_on_with_the_report(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_colon_after_no_report_gives_no_one(figure_of):
    assert figure_of("The storm hit at dawn: at least 30 homes lost their roofs.", "30").source is None
