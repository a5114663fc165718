"""Sources read past the figure's own sentence (claimx/attribution/context.py), and the speaker rules issue 23 added:
datelines that are no speakers, reports inside quotations, bodies that keep counts, names that stop at a bracket or
a line break.

Each pattern is tested with texts from at least two kinds of article; every text is written for these tests.
"""

from __future__ import annotations

import pytest


def _source(claim) -> str:
    src = claim.source
    return "" if src is None else f"{src.text} | {src.name}".lower()


# Direct speech written without quotation marks, closed by a dash and a reporting clause: every sentence is the speaker's.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("We see 6,000 of their troops on this front. About 900 of them have been killed, - the brigade "
                 "commander said.", "6,000", "commander", id="war-first-sentence"),
    pytest.param("We see 6,000 of their troops on this front. About 900 of them have been killed, - the brigade "
                 "commander said.", "About 900", "commander", id="war-last-sentence"),
    pytest.param("The harvest is down by a third. We lost 40 tonnes to the frost. - the farm's owner told the paper.",
                 "40 tonnes", "owner", id="farming"),
])
def test_speech_closed_by_a_dash_covers_its_paragraph(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Prices rose 12 percent in May. The city lost 300 jobs — officials said.", "12 percent", id="no-comma-no-speech"),
    pytest.param("At least 30 people died in the storm.\nTwenty homes were destroyed, - the mayor said.", "30",
                 id="another-paragraph"),
])
def test_a_dash_without_speech_does_not_reach_back(figure_of, text, find):
    assert figure_of(text, find).source is None


# A quotation opening its paragraph and signed after a dash with a name and no verb: the name says every sentence of it.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('Our verdict: misleading.\n"Burglaries have doubled since spring. More than 3,000 homes were broken into '
                 'last year." - Councillor Rita Moss, in a radio debate on 2 May.', "3,000", "rita moss", id="politics"),
    pytest.param('"The river rose four metres in a night. We lost 60 cattle." - Farmer Joe Banda, speaking to reporters.',
                 "60", "joe banda", id="flood"),
])
def test_quotation_signed_after_a_dash(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_dash_clause_after_a_quotation_signs_nothing(figure_of):
    text = '"The river rose four metres in a night. We lost 60 cattle." - and the rain has not stopped.'
    assert figure_of(text, "60").source is None



# A sentence that points back to the one before as what a source said.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("At least 80 soldiers have died in the offensive. This was stated by the defence minister in an "
                 "interview on Sunday.", "At least 80", "minister", id="war-passive"),
    pytest.param("Some 45 homes were destroyed by the wildfire. This was reported by the county fire marshal.",
                 "Some 45", "marshal", id="wildfire-passive"),
    pytest.param("Turnout reached 64 percent in the capital. The electoral commission confirmed these figures on "
                 "Monday.", "64 percent", "commission", id="election-object"),
])
def test_a_sentence_that_points_back(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_next_sentence_about_something_else_is_no_source(figure_of):
    claim = figure_of("Some 45 homes were destroyed by the wildfire. The fire marshal said crews were still at work.",
                      "Some 45")
    assert claim.source is None


# A headline names its source in a label after its last colon.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Over 2,000 soldiers killed, wounded: defence minister\nThe war has taken a heavy toll.", "Over 2,000",
                 "minister", id="war-headline"),
    pytest.param("Rents up 9 percent in a year: housing charity\nTenants in the capital face the steepest rises.",
                 "9 percent", "charity", id="housing-headline"),
])
def test_headline_label(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The ministry gave two figures for the raid: the army and the police.", "two", id="body-sentence"),
    pytest.param("Town finish 3 points behind: what went wrong\nThe team lost again.", "3", id="no-speaker"),
])
def test_a_colon_that_is_no_headline_label(figure_of, text, find):
    assert figure_of(text, find).source is None


# A dateline's place before a colon is no speaker; a transcript's capitals labels still are.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("SEOUL: An estimated 4,700 soldiers have been killed or wounded, the spy agency told lawmakers.",
                 "4,700", "agency", id="wire-dateline-with-source"),
    pytest.param("ROME: More than 300 migrants were rescued on Monday, the coast guard said.", "300", "coast guard",
                 id="migration-dateline-with-source"),
    pytest.param("HOST: How many did you sell?\nMORALES: We sold 4,000 tickets in an hour.", "4,000", "morales",
                 id="transcript-label"),
])
def test_dateline_is_no_speaker_label(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# A transcript turn that reports another's words gives the figure that speaker; the turn's own words stay the label's.
TURNS = "ANCHOR: Welcome back.\nNAVARRO: Thank you.\n"


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param(TURNS + "ANCHOR: The health ministry said on Monday that 212 people had died of heatstroke.", "212",
                 "ministry", id="heatwave-turn-reports-a-ministry"),
    pytest.param(TURNS + "NAVARRO: Nearly 40,000 homes are still without power, the grid operator said this morning.",
                 "40,000", "grid operator", id="storm-turn-set-off-speaker"),
    pytest.param(TURNS + "ANCHOR: Some local councillors are saying the real toll is already above 60.", "60",
                 "councillors", id="flood-turn-reports-councillors"),
    pytest.param(TURNS + "NAVARRO: We counted 3,000 fighters at the front, and we said so at the time.", "3,000",
                 "navarro", id="war-turn-own-words"),
])
def test_transcript_turn_reporting_another_gives_that_speaker(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# A turn that gives a count a body keeps ("The agency's figure is ...") gives that body; a name just after the label's
# colon is the one the speaker addresses, never the label's holder.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param(TURNS + "NAVARRO: Maria, the valley is flattened. The relief agency's latest figure is 95 dead and 400 "
                 "hurt.", "400", "relief agency", id="quake-turn-kept-count"),
    pytest.param(TURNS + "NAVARRO: The coast guard lists 14 sailors as missing.", "14", "coast guard",
                 id="shipwreck-turn-list"),
    pytest.param(TURNS + "NAVARRO: Maria, I counted nine tanks on the road this morning.", "nine", "navarro",
                 id="war-turn-vocative"),
    pytest.param(TURNS + "ANCHOR: Pedro, how many of the 30 patients were children?", "30", "anchor",
                 id="health-turn-vocative"),
])
def test_transcript_turn_count_keeper_and_vocative(figure_of, text, find, source):
    found = _source(figure_of(text, find))
    assert source in found and "maria" not in found and "pedro" not in found


def test_dateline_alone_gives_no_source(figure_of):
    assert figure_of("KYIV: More than 300 civilians were evacuated on Monday.", "300").source is None


# Inside a quotation, an unowned report is what the quoted speaker says.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('"There was a report that 80 soldiers had been captured near the village," the commander told reporters.',
                 "80", "commander", id="war"),
    pytest.param('"I read a report that 300 homes were flooded," the mayor said on Tuesday.', "300", "mayor", id="floods"),
    # a quoted statement running over paragraphs, its reader named where it began: the finding inside it is theirs
    pytest.param("The ministry released its account of the collapse on Friday. The statement, read out by spokesman Karim "
                 "Adler at a briefing, is quoted here in full:\n\n\"Search teams have worked through the night at the "
                 "site. Families have been moved to a school nearby.\n\n\"Preliminary findings indicate that four "
                 "storeys were added without approval. The builder has been questioned.\"", "four", "karim adler",
                 id="running-quote-collapse"),
    pytest.param("The club answered its fans on Friday. The statement, read out by chairman Paul Brenner at the members' "
                 "meeting, is quoted here in full:\n\n\"We have heard your complaints about the pitch and the ticket "
                 "prices.\n\n\"Early results show that 60 per cent of season ticket holders want the old stand back.\"",
                 "60 per cent", "paul brenner", id="running-quote-sport"),
])
def test_report_inside_a_quotation_is_the_speakers(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# A body that keeps a count reports it ("police recorded"); a find is still no report.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Last year, city police recorded 14 assaults at the festival.", "14", "police", id="crime"),
    pytest.param("The health ministry registered 230 new cases of measles in March.", "230", "ministry", id="health"),
])
def test_a_body_that_keeps_a_count(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_person_recording_is_no_report(figure_of):
    assert figure_of("The singer recorded 12 songs in a week.", "12").source is None


# A name stops at a bracket glued to it and at a line break.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("According to the Defence Intelligence Agency(DIA), about 11,000 troops have been sent.", "11,000",
                 "defence intelligence agency |", id="war-acronym"),
    pytest.param("The Office for Budget Responsibility(OBR) estimated that growth would be 1.5 percent.", "1.5 percent",
                 "office for budget responsibility |", id="economy-acronym"),
])
def test_a_name_stops_at_its_bracket(figure_of, text, find, source):
    found = _source(figure_of(text, find))
    assert found.startswith(source)
    assert "(" not in found


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Army chief warns of heavy losses\nBy Anna Kowalska\nGeneral Petro Smith said 400 soldiers were killed.",
                 "400", id="war-byline"),
    pytest.param("Club results\nHarbour City\nManager Ann Lee said 4,000 tickets had been sold.", "4,000", id="sport-headline"),
])
def test_a_source_never_runs_over_a_line_break(figure_of, text, find):
    claim = figure_of(text, find)
    assert claim.source is not None
    assert "\n" not in claim.source.text


# A quotation left open at its paragraph's end runs on to the paragraph where it closes; the speaker named there says it.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('"We count 9,000 of their soldiers on this front.\n"About 2,000 fell in a month," the minister said.',
                 "9,000", "minister", id="war-reopened"),
    pytest.param('"The pantry fed 1,200 families in March.\nWe ran out of milk twice," said Ruth Ames, who runs it.',
                 "1,200", "ruth ames", id="charity-not-reopened"),
])
def test_quotation_closed_in_a_later_paragraph(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_closed_quotation_does_not_reach_forward(figure_of):
    text = '"The pantry fed 1,200 families in March."\nThe town hall said 300 more were on a waiting list.'
    assert figure_of(text, "1,200").source is None


# A headline's label after a spaced dash; a label that names a body the text names too; a place is never a label.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("North Korea could send up to 30,000 more troops to Russia - Budanov\nThe general spoke on television.",
                 "30,000", "budanov", id="war-dash-label"),
    pytest.param("Rail fares to rise 4 percent in March – watchdog\nThe increase is the smallest in years.", "4 percent",
                 "watchdog", id="transport-dash-label"),
    pytest.param("NIS: About 100 soldiers killed in Kursk\nThe NIS briefed lawmakers on Tuesday.", "100", "nis",
                 id="acronym-label-named-again"),
    pytest.param("NIS: About 100 N. Korean Soldiers Killed in Kursk Fighting\nThe NIS told lawmakers about it.", "100",
                 "nis", id="acronym-label-title-case-headline"),
    pytest.param("Budanov: 11,000 North Korean soldiers in Kursk\nThe general spoke on television.", "11,000", "budanov",
                 id="name-label-tagged-as-noun"),
])
def test_headline_labels_of_other_shapes(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Weekend violence in Chicago: 4 killed, at least 19 wounded\nPolice gave no details.", "4", id="crime-place"),
    pytest.param("Houston: 3 shot outside a club\nNo arrests have been made.", "3", id="crime-city-label"),
    # a paper's rubric or an event's name before the colon labels no speaker
    pytest.param("Correction, 3 May: an earlier version of this story said 18 tenants had died.", "18",
                 id="collapse-correction-rubric"),
    pytest.param("FACT CHECK: Did burglaries in Dunmore really double in three years?", "three", id="crime-fact-check-rubric"),
    pytest.param("Cedar Fire: three dead, 9 missing as flames reach Oak Hollow\nThe Cedar Fire was 5 percent contained.",
                 "9", id="wildfire-event-label"),
    pytest.param("Harbour Quake: 40 dead as buildings fall in port town\nRescuers worked through the night.", "40",
                 id="quake-event-label"),
    # a member's constituency and party in brackets, or a place in brackets, is no office's holder
    pytest.param("1. Mr Ivo Brandt (Lakeside) (Green Party): How many of the 300 new homes have been finished?", "300",
                 id="parliament-member-question"),
    pytest.param("Weekend violence (Chicago): 4 killed, at least 19 wounded", "4", id="crime-place-in-brackets"),
])
def test_a_place_rubric_or_event_is_no_label(figure_of, text, find):
    assert figure_of(text, find).source is None


# In a headline a capital stands for its government ('Seoul: ...'); a label word that the text names elsewhere as a
# person or body speaks though the tagger missed the name in the headline; a capital opening a sentence is no label.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Seoul: 1,100 North Korean casualties\nThe Joint Chiefs of Staff gave the figure on Monday.", "1,100",
                 "seoul", id="war-capital-label"),
    pytest.param("Kyiv: 30 soldiers captured near Sudzha\nPresident Volodymyr Zelenskyy said the men were held in Kyiv.",
                 "30", "kyiv", id="war-capital-tagged-adjective"),
    pytest.param("Brussels: 2 percent of GDP for defence by 2026\nThe European Commission set out the plan.", "2 percent",
                 "brussels", id="politics-capital-label"),
    pytest.param("Zelenskyy: North Korean losses above 3,000\nUkrainian President Volodymyr Zelenskyy said the toll had risen.",
                 "3,000", "zelenskyy", id="war-name-named-elsewhere"),
    pytest.param("Marsden: 40 jobs to go at the plant\nChief executive Alan Marsden told staff on Friday.", "40",
                 "marsden", id="business-name-named-elsewhere"),
])
def test_headline_labels_capitals_and_names_named_elsewhere(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_capital_opening_a_sentence_is_no_label(figure_of):
    assert "seoul" not in _source(figure_of("Seoul: South Korea said 300 soldiers had been killed.", "300"))


# A title whose holder is named after its phrase without a comma, or past a bracket.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The head of Ukraine's military intelligence Kyrylo Budanov said 500 officers were sent.", "500",
                 "budanov", id="war-no-comma"),
    pytest.param("The head of the Defence Intelligence of Ukraine (GUR), Kyrylo Budanov, said 500 officers were sent.",
                 "500", "budanov", id="war-past-bracket"),
    pytest.param("The chief executive of the carmaker Elena Marsh said it sold 400,000 cars.", "400,000", "marsh",
                 id="business-no-comma"),
])
def test_title_holder_named_after_the_title(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The spokesman for Prime Minister Boris Johnson said 500 officers were sent.", "500", "spokesman",
                 id="another-titles-holder"),
    pytest.param("The mayor of New York said 300 officers were deployed.", "300", "mayor", id="a-place"),
    pytest.param("According to the lawmakers, North Korea has sent approximately 15,000 soldiers.", "15,000", "lawmakers",
                 id="a-new-clause"),
])
def test_title_holder_not_another_name(figure_of, text, find, source):
    assert _source(figure_of(text, find)).startswith(source)


# "According to him": the pronoun is the speaker named before it.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Budanov spoke on Monday. According to him, some 2,000 soldiers were killed.", "2,000", "budanov", id="war"),
    pytest.param("Manager Sarah Collins met reporters. According to her, 300 fans had travelled to the final.", "300", "collins",
                 id="sport"),
])
def test_according_to_a_pronoun(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# "The agency said": a body named before, in that sentence or the two before; the words stay the source's text (the
# span a reader sees), the name and actor are the body's. A news outlet is never the body meant.
@pytest.mark.parametrize(("text", "find", "words", "name"), [
    pytest.param("Lawmakers were briefed by the National Intelligence Service on Thursday. The agency put the toll at "
                 "about 100 dead.", "100", "agency", "National Intelligence Service", id="war-agency"),
    pytest.param("Russia's Defence Ministry released its daily report. The ministry said 320 soldiers were killed.", "320",
                 "ministry", "Defence Ministry", id="war-ministry-by-its-word"),
    pytest.param("The Food Standards Agency issued a recall on Friday, Reuters reported. The agency said it had tested "
                 "40 batches.", "40", "agency", "Food Standards Agency", id="health-agency-past-an-outlet"),
])
def test_a_body_named_before_names_the_source(figure_of, text, find, words, name):
    src = figure_of(text, find).source
    assert words in src.text.lower() and name.lower() in src.name.lower()


# "South Korea's military estimates about 1,100 ...": the tagger read the cue as a noun and the body as an adjective.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("South Korea's military estimates about 1,100 North Korean soldiers have been killed or wounded.",
                 "1,100", "military", id="war-military-estimates"),
    pytest.param("The state's police estimates 300 officers will be needed for the march.", "300", "police",
                 id="protest-police-estimates"),
])
def test_a_body_tagged_as_an_adjective_estimates(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# Hyphened given names ("Park Sun-won", "Lee Seong-kweun") are split by the tokenizer; the last part ("won", a
# currency) still belongs to the name; a hyphened compound ("Commander-in-Chief") does not.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Rep. Park Sun-won of the Democratic Party told reporters that 4,000 had been killed.", "4,000",
                 "park sun-won", id="war-lawmaker"),
    pytest.param("Coach Kim Min-jae said 12 players were injured.", "12", "kim min-jae", id="sport-coach"),
])
def test_hyphened_given_names_speak(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_hyphened_compound_is_no_name(figure_of):
    text = "The Commander-in-Chief of the Armed Forces, Oleksandr Syrskyi, said 300 soldiers were lost."
    assert "-in" not in figure_of(text, "300").source.text


# Sources read off the words where the tagger misread: "the data show" last in the sentence; a relative clause on a
# body's apposition ("X, a think tank, which has verified"); a cause after "from" is no author.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("That is down from 112 homicides at the same point last year, the data show.", "112", "data",
                 id="crime-data-show"),
    pytest.param("Sales rose to 4,000 units in May, the figures suggest.", "4,000", "figures", id="business-figures-suggest"),
    pytest.param("That is down from 112 homicides last year, the data show, and shootings have fallen.", "112", "data",
                 id="crime-data-show-mid-sentence"),
    pytest.param("According to the General Staff of the Armed Forces of Ukraine, total Russian combat losses since 24.02.2022 "
                 "amount to approximately 817,580 personnel.", "817,580", "general staff", id="war-according-to-first-object"),
    pytest.param("A 2023 survey by a consortium of universities found that one in four families had lost a member.",
                 "one in four", "consortium", id="health-survey-by-consortium"),
    pytest.param("The Horn Security Observatory, a Nairobi-based think tank, which has verified 81,300 deaths, disputes "
                 "the figure.", "81,300", "horn security observatory", id="war-think-tank-which"),
])
def test_sources_read_where_the_tagger_misread(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_a_cause_after_from_is_no_author(figure_of):
    claim = figure_of("Published estimates of deaths from fighting and hunger range from 80,000 to 600,000.", "80,000")
    assert "fighting" not in _source(claim)



# ", per X" closes a sentence as "according to X" does (US web news); "per cent" and "per barrel" are no source.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("North Korean units have suffered up to 4,000 casualties since December, per Ukraine's military "
                 "intelligence agency.", "4,000", "military intelligence agency", id="war-per-agency"),
    pytest.param("The tax is $3 per barrel, per the ministry.", "$3", "ministry", id="business-per-ministry"),
    pytest.param("The defector said a private's family received 300,000 won as a payment.", "300,000", "defector",
                 id="people-defector-said"),
])
def test_comma_per_names_the_source(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


def test_per_cent_is_no_source(figure_of):
    assert figure_of("Shares rose 5 per cent on Friday.", "5").source is None


# A quotation paragraph left open and closed by a dash and a reporting clause: that speaker says all of it, not the
# source of the paragraph before.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Cases rose to 14,300, according to data released by the health ministry.\n\n"
                 '"Our clinics are seeing up to 300 new patients a day. All 450 beds are full — Dr Ana Ruiz, the charity\'s '
                 'coordinator, said.', "up to 300", "ruiz", id="cholera-coordinator"),
    pytest.param("The army put its losses at 40, according to figures released by the defence ministry.\n\n"
                 '"We buried 25 of our men this week alone. The rest are still missing — Colonel Ivan Sorel told reporters.',
                 "25", "sorel", id="war-colonel"),
])
def test_open_quotation_closed_by_a_dash_speaker(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))


# A record's label gives an office and then its holder's name in brackets ('The Minister for Defence (Mr Jo Roe):'):
# the name speaks.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The Secretary for Health (Ms Dana Pruitt): Some 1,200 nurses were recruited last year.", "1,200",
                 "dana pruitt", id="parliament-office-name"),
    pytest.param("The Chair of the Inquiry (Sir Robert Vance): We heard from 46 witnesses over the summer.", "46",
                 "robert vance", id="inquiry-office-name"),
])
def test_bracketed_name_after_an_office_speaks(figure_of, text, find, source):
    assert source in _source(figure_of(text, find))

