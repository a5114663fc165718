"""Attribution (claimx/components/attribution): cue verbs and phrasings that name a source, and speakers who only
frame a sentence, a dateline, a bare 'reports' or a relative clause said in passing, which name none.

Per GUIDELINES.md the source is who the text says the figure comes from; None when the author states it or only
'reports indicate'. All sentences are written for these tests.
"""

from __future__ import annotations

import pytest


def _has(source, words: str) -> bool:
    return source is not None and (words.lower() in source.text.lower() or words.lower() in (source.name or "").lower())


def _assert_source(claim, words: str) -> None:
    assert claim.source is not None, claim
    assert _has(claim.source, words), claim.source


# Cue verbs that report a count: a body documents, mentions, recalls, reveals (set off after the figure), gives or
# provides the number it keeps.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The monitoring mission has documented almost 9,000 civilian casualties since spring.", "9,000",
                 "monitoring mission", id="war-documented"),
    pytest.param("The charity has documented 420 evictions in the district this year.", "420", "charity",
                 id="housing-documented"),
    pytest.param("The figures echo remarks by Governor Ana Ruiz, who mentioned 3,000 displaced families.", "3,000",
                 "Ana Ruiz", id="flood-who-mentioned"),
    pytest.param("The union's numbers match a speech by Jo Keller, who mentioned 800 lost jobs.", "800", "Jo Keller",
                 id="labour-who-mentioned"),
    pytest.param("The last great fire was in 2011, when 26 homes burned, the local paper Nordbladet recalled.", "26",
                 "Nordbladet", id="fire-recalled"),
    pytest.param("In the north the toll has risen to 64, the region's Health Commissioner, Ola Bakare, revealed on "
                 "Friday.", "64", "Health Commissioner", id="epidemic-revealed-set-off"),
    pytest.param("The final bill came to 2 million euros, club treasurer Ines Moll revealed.", "2 million",
                 "Ines Moll", id="sport-revealed-set-off"),
    pytest.param("Mei Lin, an official with the relief agency, gave the number of dead at 1,874.", "1,874", "Mei Lin",
                 id="quake-gave-the-number-at"),
    pytest.param("A human rights group has identified 1,240 civilians killed in the region since March.", "1,240",
                 "human rights group", id="war-identified"),
    pytest.param("The county medical examiner has identified 52 of the flood victims so far.", "52",
                 "medical examiner", id="flood-identified"),
    pytest.param("The coast guard gave a provisional figure of 61 missing.", "61", "coast guard",
                 id="shipwreck-gave-a-figure-of"),
    pytest.param("Sheriff Tom Ridley provided an update that four suspects have been arrested.", "four", "Tom Ridley",
                 id="crime-provided-an-update"),
    pytest.param("The prefecture said at least 14 hikers were rescued overnight.", "14", "prefecture",
                 id="rescue-prefecture"),
    pytest.param("The ministry's bulletin indicated that 35 of the new cases were in the capital.", "35", "ministry",
                 id="health-bulletin-indicated"),
    pytest.param("The city's news release said 210 residents remained unaccounted for.", "210", "city",
                 id="fire-news-release"),
    pytest.param("The toll reached 88 as per figures shared by the fire brigade.", "88", "fire brigade",
                 id="fire-as-per-shared-by"),
])
def test_cue_verbs_that_report_a_count(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# A count of the cue's own object, a life a disaster "claims", a count from things counted: no report.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The ministry gave two figures for the raid: the army and the police.", "two", id="gave-two-figures"),
    pytest.param("The landslide has claimed at least 52 lives in the valley.", "52", id="disaster-claimed-lives"),
    pytest.param("A decade of civil war claimed tens of thousands of lives.", "tens of thousands", id="war-claimed-lives"),
    pytest.param("Storm death toll surpasses 300 as rains go on", "300", id="headline-country-toll"),
])
def test_no_report_in_a_count_or_a_loss(figure_of, text, find):
    assert figure_of(text, find).source is None


# A report noun with no owner, inside what a speaker says or handed out by one, is that speaker's.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The agency said it was appalled by reports that more than 200 patients had been killed.", "200",
                 "agency", id="war-appalled-by-reports"),
    pytest.param("The league said it was troubled by reports that 30 players had gone unpaid.", "30", "league",
                 id="sport-troubled-by-reports"),
    pytest.param("The committee said in a statement that the blast took the lives of three children.", "three",
                 "committee", id="attack-said-in-a-statement"),
    pytest.param("The airline said in a statement that 140 flights were cancelled.", "140", "airline",
                 id="travel-said-in-a-statement"),
    pytest.param("The relief office on Sunday night gave a preliminary figure of 145 dead.", "145", "relief office",
                 id="quake-gave-a-preliminary-figure"),
])
def test_a_report_inside_a_speakers_words(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# "reports that" set against by a denial stays the report's, not the denier's.
def test_a_denied_report_is_not_the_deniers(figure_of):
    claim = figure_of("The ministry denied reports that 300 soldiers had died.", "300")
    assert not _has(claim.source, "ministry"), claim.source


# Bare reports ("initial reports", "reports said") hedge: no source; a kind or an owner makes them one.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Initial reports suggested that over 15,000 pilgrims had gathered.", "15,000", id="crowd-initial-reports"),
    pytest.param("Some 80 tanks were destroyed, reports said.", "80", id="war-reports-said"),
    pytest.param("Updated reports said the girl was nine years old and 3 others were hurt.", "3", id="rescue-updated-reports"),
])
def test_bare_reports_are_no_source(figure_of, text, find):
    assert figure_of(text, find).source is None


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Intelligence reports suggest that 2,600 soldiers died.", "2,600", "Intelligence reports", id="war-kind"),
    pytest.param("Media reports claimed 40 fans were hurt.", "40", "Media reports", id="sport-kind"),
])
def test_reports_of_a_kind_are_a_source(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# A speaker who only frames the sentence is no source of a figure in its object or in narration around a quotation.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The president declared three days of mourning after floods that killed more than 2,100 people.",
                 "2,100", id="disaster-declared-mourning"),
    pytest.param("The governor declared a state of emergency after fires that destroyed 600 homes.", "600",
                 id="fire-declared-emergency"),
    pytest.param('"We need the crossings open now," he told the 15-member council.', "15", id="politics-told-the-council"),
    pytest.param('"We expect this number to go up," she told reporters from the port, which is home to about 90,000 '
                 'people. "There are still bodies in the streets."', "90,000", id="war-narration-after-a-quote"),
])
def test_a_framing_speaker_is_no_source(figure_of, text, find):
    assert figure_of(text, find).source is None


# A dateline ("TOWN, Region (AP) —") is never a source: the speaker after it is.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("EL-FASHER, Sudan (AP) — Aid workers in the city say the toll has topped 1,200.", "1,200",
                 "workers", id="war-agency-tag"),
    pytest.param("PORT-DE-PAIX, Haiti (Reuters) - Police said 17 people drowned when the boat capsized.", "17",
                 "Police", id="disaster-hyphened-place"),
])
def test_a_dateline_is_never_a_source(figure_of, text, find, source):
    claim = figure_of(text, find)
    _assert_source(claim, source)
    assert "(" not in claim.source.text and "," not in claim.source.text, claim.source


# "The organisation said" is the body the text names with that word, in either spelling, not another body named between.
@pytest.mark.parametrize(("text", "find", "name"), [
    pytest.param("The World Health Organization warned of cholera. UNICEF said 300 children were sick. The "
                 "organisation said 40 had died.", "40", "World Health Organization", id="health-organisation"),
    pytest.param("The Pacific Trade Organisation met on Monday. Customs officials said 12 ships were held. The "
                 "organization said 5 of them carried grain.", "5", "Pacific Trade Organisation", id="trade-organization"),
])
def test_the_organisation_is_the_body_named(figure_of, text, find, name):
    claim = figure_of(text, find)
    assert claim.source is not None and name.lower() in claim.source.name.lower(), claim.source


# ... and when no name has the word, a body whose name is of no other kind, not the ministry named between.
@pytest.mark.parametrize(("text", "find", "name"), [
    pytest.param("Amnesty International said 300 families had fled. The Interior Ministry reported 42 deaths. The "
                 "organisation said 12 of its staff were hurt.", "12", "Amnesty International", id="war-organisation"),
    pytest.param("Oxfam said 80 wells had run dry. The Water Ministry reported 40 closures. The charity said 9 of its "
                 "engineers were missing.", "9", "Oxfam", id="drought-charity"),
])
def test_the_organisation_is_no_body_of_another_kind(figure_of, text, find, name):
    claim = figure_of(text, find)
    assert claim.source is not None and name.lower() in claim.source.name.lower(), claim.source


# ... and with only bodies of another kind named before, it keeps its own words rather than take one of them.
@pytest.mark.parametrize(("text", "find", "other"), [
    pytest.param("Tan Wei, an official with the National Disaster Agency, gave the number of dead at 2,954. The "
                 "organisation said 15 of its clinics had been shelled.", "15", "Disaster Agency", id="quake-agency"),
    pytest.param("The Water Ministry reported 40 closures. The charity said 9 of its engineers were missing.", "9",
                 "Water Ministry", id="drought-ministry"),
])
def test_the_organisation_is_never_a_body_of_another_kind(figure_of, text, find, other):
    claim = figure_of(text, find)
    assert claim.source is not None and other.lower() not in claim.source.name.lower(), claim.source


# Direct speech with no quotation marks, in the first person, closed by a spaced hyphen and a reporting clause:
# every sentence of the paragraph is the speaker's, the first ones included.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("We see 9 thousand of their soldiers on this front. 2 thousand were killed. The enemy has suffered "
                 "great losses - the general said.", "9 thousand", "general", id="war-first-sentence"),
    pytest.param("We see 9 thousand of their soldiers on this front. 2 thousand were killed. The enemy has suffered "
                 "great losses - the general said.", "2 thousand", "general", id="war-middle-sentence"),
    pytest.param("We sold 40 thousand tickets in a week. The stadium will be full - the club's director said.",
                 "40 thousand", "director", id="sport-first-person"),
    pytest.param("We see 9 thousand of their soldiers here. The enemy has suffered great losses \u2014 the general said.",
                 "9 thousand", "general", id="war-em-dash"),
    pytest.param("We have destroyed 40 tanks this week. Our losses are small - the commander of the brigade, Oleh "
                 "Petrenko, told journalists.", "40", "Petrenko", id="war-long-closing-clause"),
])
def test_unquoted_speech_closed_by_a_hyphen(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


def test_a_hyphen_after_third_person_narration_is_no_speech(figure_of):
    claim = figure_of("Prices rose 12 percent in May. The city lost 300 jobs - officials said.", "12 percent")
    assert claim.source is None, claim.source


# Who speaks for "one of the sources"; things counted are no author ("information from 78 visits").
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('"We have nearly 40 bodies here," one of the sources said.', "40", "sources", id="stampede-sources"),
    pytest.param("One of the doctors said 12 patients had died overnight.", "12", "doctors", id="hospital-doctors"),
])
def test_one_of_the_speakers(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


def test_a_counted_thing_is_no_author(figure_of):
    claim = figure_of("The report holds information from 78 field visits and 20 prison visits.", "20")
    assert not _has(claim.source, "visits"), claim.source


# A speaker named in a relative clause is said in passing: a later "he said" is the person who spoke before.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Lawmaker Kim Dae-sung spoke after the briefing. The gap with a US official, who put casualties at "
                 "several hundred, comes from caution, Kim said.\n\"At least 100 died,\" he said.", "100", "Kim",
                 id="war-he-is-the-lawmaker"),
    pytest.param("Coach Rita Alvarez met the press. Her figures differ from those of a league officer, who mentioned "
                 "nine injuries.\n\"We have 14 players fit,\" she said.", "14", "Alvarez", id="sport-she-is-the-coach"),
])
def test_a_speaker_in_passing_is_no_antecedent(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# Who an "according to" names is a speaker a later "it" points back to.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("According to the regional government, 210 people were unaccounted for. Separately, it has reported one "
                 "missing hiker.", "one", "regional government", id="quake-it-has-reported"),
    pytest.param("According to the club, 300 fans were hurt. It added that 40 had been arrested.", "40", "club",
                 id="sport-it-added"),
])
def test_according_to_names_a_speaker_for_it(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# "per X" names a source before a name, a determiner or a plural; never in a rate.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Festival crush: 2 dead, 14 hurt per Lagos State police", "14", "police", id="headline-per-police"),
    pytest.param("The fire destroyed 300 acres per the county fire department.", "300", "fire department",
                 id="fire-per-the-department"),
])
def test_per_names_a_source(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Each guard carries 20 rounds per shift.", "20", id="rate-per-shift"),
    pytest.param("The plant makes 30 tonnes per year.", "30 tonnes", id="rate-per-year"),
])
def test_per_in_a_rate_is_no_source(figure_of, text, find):
    assert figure_of(text, find).source is None


# "X quoted Y as saying" closing the sentence: Y said it; a government reveals like a person; "provided Tuesday by X".
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Two thirds of the rebel units had been routed, the paper quoted the defence minister as saying.",
                 "Two thirds", "defence minister", id="war-quoted-as-saying-set-off"),
    pytest.param("Rain had ruined 40 percent of the crop, the radio station quoted a farmer as saying.", "40 percent",
                 "farmer", id="farming-quoted-as-saying-set-off"),
    pytest.param("Parliament sat on Friday, as Moldova revealed more details about three smugglers it has detained.",
                 "three", "Moldova", id="war-government-revealed"),
    pytest.param("At least 75 hikers died, up from an official count of 52 provided Friday by Nairobi.", "52", "Nairobi",
                 id="hajj-count-provided-by"),
    pytest.param("The toll rose from a figure of 230 released Monday by the health ministry.", "230", "health ministry",
                 id="flood-figure-released-by"),
])
def test_quoted_revealed_provided_by(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


def test_cited_things_are_no_speaker(figure_of):
    claim = figure_of("The governor cited her own endorsements from 64 mayors on Friday.", "64")
    assert not _has(claim.source, "endorsements"), claim.source


# A figure in a relative clause on a cue verb's object or adjunct describes in passing: the verb does not report it;
# a relative clause inside a reported clause, or one of time ('since May, when 1,500 arrived'), stays reported.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The mayor announced a curfew after riots that killed 12 people.", "12", id="unrest-announced-curfew"),
    pytest.param("The president said nothing about the quake that killed 1,200 people.", "1,200", id="quake-said-nothing"),
])
def test_a_relative_clause_is_not_reported(figure_of, text, find):
    assert figure_of(text, find).source is None


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Witnesses said the mayor announced a curfew after riots that killed 12 people.", "12", "Witnesses",
                 id="unrest-inside-a-reported-clause"),
    pytest.param("Officials said the floods, which killed 300 people, had receded.", "300", "Officials",
                 id="flood-relative-in-reported-clause"),
    pytest.param("The spy agency has been reporting on them since May, when about 1,500 troops were seen arriving.",
                 "1,500", "spy agency", id="war-relative-of-time"),
])
def test_a_relative_clause_inside_a_report_stays_reported(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# 'offered an estimate of', 'spoke of', 'referred to': cues with an object or preposition of their own.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The agency's spokesman offered an estimate of 1,300 displaced.", "1,300", "spokesman", id="flood-offered"),
    pytest.param("The figures match remarks by Minister Ivan Petrov, who spoke of 4,000 builders.", "4,000", "Petrov",
                 id="labour-spoke-of"),
    pytest.param("The coach referred to 14 injured players in her briefing.", "14", "coach", id="sport-referred-to"),
])
def test_cues_with_an_object_or_preposition(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


def test_speaking_to_an_audience_is_no_report(figure_of):
    assert figure_of("She spoke to 40 students on Monday.", "40").source is None


# A word or two set in quotation marks inside a sentence is no speech: the paragraph's speaker does not say it.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param('Since spring there have been "hundreds" of casualties. A lawmaker reported that 100 soldiers died.',
                 "hundreds", id="war-scare-quote"),
    pytest.param('The club calls it "dozens" of injuries. Its doctor said 12 players were out.', "dozens",
                 id="sport-scare-quote"),
])
def test_a_scare_quote_is_no_speech(figure_of, text, find):
    assert figure_of(text, find).source is None


# Who posts or publishes pictures shows what they show; it is not their count. A posted toll is.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("On Sunday the senator posted what appeared to be drone video showing over 70 fighters in a yard.",
                 "70", id="war-posted-video"),
    pytest.param("The agency published photos showing 12 destroyed bridges.", "12", id="flood-published-photos"),
])
def test_posted_pictures_are_no_report(figure_of, text, find):
    assert figure_of(text, find).source is None


def test_a_posted_toll_is_a_report(figure_of):
    _assert_source(figure_of("The ministry posted a toll of 300 on its channel.", "300"), "ministry")


# 'put the magnitude / the dead / the contingent at N' reports a number; an operator speaks for its firm.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The national seismology institute measured it at 6.6, but the survey put the magnitude at 6.9.", "6.9",
                 "survey", id="quake-magnitude"),
    pytest.param("The provincial health directorate has reported a higher toll. It put the dead at 31 on Monday.", "31",
                 "directorate", id="bombing-put-the-dead"),
    pytest.param("The defence ministry puts the contingent at about 4,500 soldiers.", "4,500", "ministry",
                 id="war-put-the-contingent"),
    pytest.param("Its operator, Northsound Lines, said 162 tickets had been sold for the crossing.", "162", "northsound",
                 id="ferry-operator-said"),
    # "put those / them / deaths at N": the count named before, or the deaths themselves
    pytest.param("Military losses are harder to pin down; the ministry puts those at 312 since spring.", "312", "ministry",
                 id="war-put-those-at"),
    pytest.param("As for the injured, the hospital put them at 85 on Sunday.", "85", "hospital", id="blast-put-them-at"),
    pytest.param("The health office put deaths at 1,250 for the summer.", "1,250", "health office", id="heat-put-deaths-at"),
])
def test_count_cues_and_operators_give_the_source(figure_of, text, find, source):
    src = figure_of(text, find).source
    assert src is not None and source in src.text.lower()


# "as X put it" is how X phrased it, and "put them at risk" no count: neither reports a figure.
@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The board's defence, as its chair put it, is thin. 1,470 is more than 23 times 63.", "1,470",
                 id="opinion-as-x-put-it"),
    pytest.param("The storm put them at risk of losing 300 homes.", "300", id="storm-put-them-at-risk"),
])
def test_put_without_a_count_reports_nothing(figure_of, text, find):
    assert figure_of(text, find).source is None
