"""Attribution of figures: source, cue, hedging, quotation and time (claimx/attribution.py).

Per /work/shared/gold/GUIDELINES.md, `source` is who the text says a figure comes from
("according to X", "X said/stated/reported/estimated/claimed", "X's report ... estimated",
"with X estimates of", a direct quote's speaker, "as cited by X"); None when the author
states it or only "reportedly"/"believed" hedges it. A sentence's source carries to the
figures in its reported clause, never to the next sentence. All sentences are written for
these tests.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

import claimx
from claimx.components.attribution.speakers import Speakers
from claimx.components.attribution.tree import verbal as _verbal

ARTICLE_DATE = "2025-03-01"


def _has(haystack: str | None, needle: str) -> bool:
    return haystack is not None and needle.lower() in haystack.lower()


def _assert_source(claim, source: str) -> None:
    """The claim has a source whose words hold `source`."""
    assert claim.source is not None and _has(claim.source.text, source), claim.source


def _src(sentence: str, find: str, source: str, kind: str | None, *, id: str) -> object:
    """`find` locates the figure; `source` must appear in source.text or source.name."""
    return pytest.param(sentence, find, source, kind, id=id)


SOURCES = [
    # "must have said" says it was said
    _src("The minister must have said 300 troops, because the paper printed it.", "300", "minister", None,
         id="must-have-said-war"),
    # a consequence after the report ("X said A, so B") leaves X's report to X
    _src("The mayor said 40 homes were lost, so the town will ask for aid.", "40", "mayor", None,
         id="said-before-so-storm"),
    # according to X
    _src("According to the health ministry, at least 45 people died in the floods.", "45",
         "health ministry", "organisation", id="according-to-org-front"),
    _src("At least 38 miners were trapped underground, according to the mining company.",
         "38", "mining company", "organisation", id="according-to-org-end"),
    _src("The storm destroyed 1,200 homes, according to Maria Delgado.", "1,200",
         "Maria Delgado", "person", id="according-to-person"),
    # X said / stated / told / reported / estimated / claimed / confirmed / announced
    _src("Governor Elena Park said that 230 families had been evacuated.", "230",
         "Elena Park", "person", id="said-that-person"),
    _src("The interior ministry stated 17 police officers were wounded in the clashes.", "17",
         "interior ministry", "organisation", id="stated-org"),
    _src("Peter Lang told reporters that 64 patients had been moved to other hospitals.",
         "64", "Peter Lang", "person", id="told-reporters"),
    _src("Reuters reported that 90 vessels were stuck in the canal.", "90", "Reuters",
         "media", id="reported-media-reuters"),
    _src("The Associated Press reported that 12 journalists were detained.", "12",
         "Associated Press", "media", id="reported-media-ap"),
    _src("The World Bank estimated that 4 million people had fallen into poverty.",
         "4 million", "World Bank", "organisation", id="estimated-org"),
    _src("The rebels claimed they had shot down 7 helicopters.", "7", "rebels", None,
         id="claimed-rebels"),
    _src("The navy confirmed that 3 sailors were missing after the collision.", "3",
         "navy", "organisation", id="confirmed-org"),
    _src("The airline announced it would cut 2,500 jobs.", "2,500", "airline",
         "organisation", id="announced-org"),
    # X's report ... estimated; with X estimates of; what X claims
    _src("The UN agency's report, released on Monday, estimated that 600,000 people "
         "had fled the region.", "600,000", "UN agency", "organisation", id="possessive-report-estimated"),
    _src("Aid groups have struggled to keep up, with United Nations estimates of "
         "250,000 displaced.", "250,000", "United Nations", None, id="with-x-estimates-of"),
    _src("The drone strike killed 40 fighters, which is what the militia claims.", "40",
         "militia", None, id="what-x-claims"),
    # a count whose own phrase names its keeper
    _src("The Reuters tally of 41 deaths is higher.", "41", "Reuters tally", None, id="named-tally-keeps-its-name"),
    _src("Sales fell 8 percent in March; the chief executive said the firm would cut 200 jobs.", "200", "chief executive",
         None, id="semicolon-after-said-keeps-its-clause"),
    _src("Some 40 homes were destroyed, the mayor said.", "40", "mayor", None, id="comma-before-said-is-reported"),
    # an outlet named by a common noun reports: state television, a local newspaper, local radio
    _src("Russian state television reported that 40 drones were shot down overnight.", "40", "state television", "media",
         id="media-noun-television-war"),
    _src("A local newspaper said 300 homes were flooded.", "300", "local newspaper", "media", id="media-noun-newspaper-flood"),
    _src("Local radio said 12 people were missing after the landslide.", "12", "Local radio", "media",
         id="media-noun-radio-landslide"),
    # X was quoted as saying
    _src("Colonel Ivan Petrov was quoted as saying that 300 soldiers had crossed the river.",
         "300", "Ivan Petrov", "person", id="quoted-as-saying"),
    # direct quotes: speaker after, before, between; straight and curly
    _src('"We lost 18 men in the ambush," said Captain Omar Haddad.', "18", "Omar Haddad",
         "person", id="quote-straight-speaker-after"),
    _src("\u201cWe lost 18 men in the ambush,\u201d said Captain Omar Haddad.", "18",
         "Omar Haddad", "person", id="quote-curly-speaker-after"),
    _src('Captain Omar Haddad said: "We lost 18 men in the ambush."', "18", "Omar Haddad",
         "person", id="quote-straight-speaker-before"),
    _src("Mayor Linda Brooks said: \u201cMore than 900 buildings are without power.\u201d",
         "900", "Linda Brooks", "person", id="quote-curly-speaker-before"),
    _src('"The fire is contained," said Chief Dana Ortiz. "But 26 homes are gone."', "26",
         "Dana Ortiz", "person", id="quote-straight-speaker-between"),
    _src("\u201cThe fire is contained,\u201d Chief Dana Ortiz said. \u201cBut 26 homes are "
         "gone.\u201d", "26", "Dana Ortiz", "person", id="quote-curly-speaker-between"),
    # apposition
    _src("Noor Mohammad Faiz, the head doctor in Kunar, said 14 children were among the "
         "injured.", "14", "Noor Mohammad Faiz", "person", id="apposition-person"),
    # sentence-final officials said
    _src("The blast killed 11 workers at the plant, officials said.", "11", "officials",
         "vague", id="final-officials-said"),
    _src("About 5,000 residents were still without water, Ukrainian officials said.",
         "5,000", "Ukrainian officials", "group", id="final-group-officials-said"),
    # pronoun resolved to the nearest preceding named speaker
    _src("Sarah Kim is the city's fire chief. She said 35 firefighters were injured.", "35",
         "Sarah Kim", "person", id="pronoun-she"),
    _src("Health minister Tom Reyes visited the ward on Tuesday. He said that 120 beds "
         "were occupied.", "120", "Tom Reyes", "person", id="pronoun-he"),
    # figure in the subject of a reporting verb: the source is someone else
    _src("Two officials said that 400 guards had been hired.", "400", "officials", "vague",
         id="subject-figure-other-figure"),
    # a rank written short before a name stays one token: the sentence does not end at its full stop
    _src("About 40 guests were at the wedding, Sheriff's Sgt. Nina Brandt told reporters at a briefing Monday.",
         "40", "Nina Brandt", "person", id="short-rank-crime-sgt"),
    _src("Nearly 30 students were in the gym when the fire started, Det. Carla Mendes told reporters Tuesday.",
         "30", "Carla Mendes", "person", id="short-rank-school-fire-det"),
    _src("Some 250 soldiers crossed the river on rafts, Maj. Pavel Ostrov told a news conference.", "250",
         "Pavel Ostrov", "person", id="short-rank-war-maj"),
    # offices and bodies that speak: ombudsman, auditor, trust, foundation
    _src("The ombudsman said 40 complaints against the water company had been upheld.", "40", "ombudsman", None,
         id="speaker-noun-ombudsman-consumer"),
    _src("The country's ombudsman, Mira Holst, says 25 detainees are still held abroad.", "25", "Mira Holst", "person",
         id="speaker-noun-ombudsman-war"),
    _src("The regional auditor said 12 contracts had been awarded without a tender.", "12", "auditor", None,
         id="speaker-noun-auditor-politics"),
    _src("The trust said 19 patients had been treated and sent home by Friday.", "19", "trust", None,
         id="speaker-noun-trust-health"),
    _src("The foundation said 300 scholarships would be offered next year.", "300", "foundation", None,
         id="speaker-noun-foundation-education"),
    # "WHO" in capitals is the World Health Organization, not a relative pronoun (a bulleted list's parse)
    _src("HEALTH\n• The WHO said 40 measles cases had been confirmed in the district by Friday, two of them fatal.\n"
         "• Schools are shut.", "40", "WHO", None, id="who-in-capitals-measles-list"),
    _src("NEEDS\n• The WHO reported 212 cases of dengue in the port by Sunday, five of them fatal.\n• More nets are needed.",
         "212", "WHO", None, id="who-in-capitals-dengue-list"),
    # a noun the lexicons do not know speaks when its apposition names the person
    _src("A geologist working with the survey, Dr. Ana Brook, said cracks up to 150 metres long had opened on the hill.",
         "150", "Ana Brook", "person", id="named-apposition-landslide"),
    _src("A welder at the yard, Tom Reyes, told the paper that 40 workers had walked out.", "40", "Tom Reyes", "person",
         id="named-apposition-labour"),
]


@pytest.mark.parametrize(("sentence", "find", "source", "kind"), SOURCES)
def test_attribution_source(figure_of, sentence, find, source, kind):
    claim = figure_of(sentence, find)
    assert claim.source is not None, f"no source for {find!r}"
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source
    if kind is not None:
        assert claim.source.kind == kind, claim.source


CHAINS = [
    pytest.param("According to John Kirby, as cited by Reuters, 3,000 troops have been sent.",
                 "3,000", "Kirby", "Reuters", id="as-cited-by"),
    pytest.param("Reuters, citing Defence Secretary Mark Hale, said 700 drones were ordered.",
                 "700", "Mark Hale", "Reuters", id="citing"),
    pytest.param("The BBC, citing the health ministry, reported that 52 people had died.",
                 "52", "health ministry", "BBC", id="citing-org"),
]


@pytest.mark.parametrize(("sentence", "find", "source", "via"), CHAINS)
def test_attribution_source_via_chain(figure_of, sentence, find, source, via):
    claim = figure_of(sentence, find)
    assert claim.source is not None
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source
    assert _has(claim.source.via, via), claim.source
    assert not _has(claim.source.name, via), claim.source


ROLES = [
    pytest.param("Noor Mohammad Faiz, the head doctor in Kunar, said 14 children were among "
                 "the injured.", "14", "Noor Mohammad Faiz", "head doctor", id="apposition-after"),
    pytest.param("The regional police chief, Amir Saleh, said 9 suspects were arrested.",
                 "9", "Amir Saleh", "police chief", id="apposition-before"),
]


@pytest.mark.parametrize(("sentence", "find", "name", "role"), ROLES)
def test_attribution_source_role(figure_of, sentence, find, name, role):
    claim = figure_of(sentence, find)
    assert claim.source is not None
    assert _has(claim.source.name, name), claim.source
    assert not _has(claim.source.name, role), claim.source
    assert _has(claim.source.role, role), claim.source


NAMES = [
    pytest.param("John Kirby spoke in Washington on Monday. Kirby said 1,500 soldiers had "
                 "arrived.", "1,500", "John Kirby", id="surname-after-full-name"),
    pytest.param("Defence analyst Maria Lopez has tracked the war. Lopez estimated that 60 "
                 "jets had been lost.", "60", "Maria Lopez", id="surname-estimated"),
    pytest.param("Dr. Hannah Weiss leads the clinic. \"We treated 75 patients,\" Weiss said.",
                 "75", "Hannah Weiss", id="surname-quote"),
]


@pytest.mark.parametrize(("text", "find", "name"), NAMES)
def test_attribution_source_fullest_name(figure_of, text, find, name):
    claim = figure_of(text, find)
    assert claim.source is not None
    assert claim.source.name.lower() == name.lower(), claim.source
    assert claim.source.kind == "person", claim.source


CUES = [
    pytest.param("The ministry said 45 people died.", "45", "say", "states", id="said"),
    pytest.param("The agency stated that 19 aircraft were grounded.", "19", "state", "states",
                 id="stated"),
    pytest.param("Analysts estimated that 2,000 vehicles had been lost.", "2,000", "estimate",
                 "estimates", id="estimated"),
    pytest.param("The militants claimed that 25 soldiers had surrendered.", "25", "claim",
                 "claims", id="claimed"),
    pytest.param("The hospital confirmed that 8 patients had died.", "8", "confirm",
                 "confirms", id="confirmed"),
    pytest.param("The army denied that 300 recruits had deserted.", "300", "deny", "denies",
                 id="denied"),
    pytest.param("The company reported that 150 workers were laid off.", "150", "report",
                 "states", id="reported"),
    pytest.param("According to the police, 31 people were arrested.", "31", "according to",
                 "states", id="according-to"),
]


@pytest.mark.parametrize(("sentence", "find", "lemma", "stance"), CUES)
def test_attribution_cue_stance(figure_of, sentence, find, lemma, stance):
    claim = figure_of(sentence, find)
    assert claim.cue is not None
    assert claim.cue.lemma.lower() == lemma, claim.cue
    assert claim.cue.stance == stance, claim.cue


HEDGES = [
    pytest.param("The attack reportedly killed 27 civilians.", "27", True, id="reportedly"),
    pytest.param("About 40 sailors are believed to have drowned.", "40", True,
                 id="believed-to"),
    pytest.param("Some 200 fighters are thought to be hiding in the hills.", "200", True,
                 id="thought-to"),
    pytest.param("The gang allegedly stole 3 million dollars.", "3 million", True,
                 id="allegedly"),
    pytest.param("The fire appears to have destroyed 60 homes.", "60", True, id="appears"),
    pytest.param("An estimated 10,000 people attended the rally.", "10,000", True,
                 id="an-estimated"),
    pytest.param("The storm destroyed 60 homes in the village.", "60", False, id="plain"),
    pytest.param("The ministry said 45 people died.", "45", False, id="plain-said"),
]


@pytest.mark.parametrize(("sentence", "find", "hedged"), HEDGES)
def test_attribution_hedged(figure_of, sentence, find, hedged):
    assert figure_of(sentence, find).hedged is hedged


QUOTES = [
    pytest.param('"We lost 18 men in the ambush," said Captain Omar Haddad.', "18", True,
                 id="straight-quote"),
    pytest.param("\u201cWe lost 18 men in the ambush,\u201d said Captain Omar Haddad.", "18",
                 True, id="curly-quote"),
    pytest.param('"The fire is contained," said Chief Dana Ortiz. "But 26 homes are gone."',
                 "26", True, id="second-quote-part"),
    pytest.param("Captain Omar Haddad said the unit lost 18 men in the ambush.", "18", False,
                 id="indirect-speech"),
    pytest.param('Captain Omar Haddad, who called it "a disaster", said 18 men were lost.',
                 "18", False, id="figure-outside-quote"),
]


@pytest.mark.parametrize(("sentence", "find", "quote"), QUOTES)
def test_attribution_quote(figure_of, sentence, find, quote):
    assert figure_of(sentence, find).quote is quote


TIMES = [
    pytest.param("On April 30, 2025, the ministry said 45 people had died.", "45",
                 "April 30, 2025", "2025-04-30", id="full-date"),
    pytest.param("In January, 320 people were evacuated from the coast.", "320", "January",
                 "2025-01", id="month-resolved"),
]


@pytest.mark.parametrize(("sentence", "find", "time_text", "date"), TIMES)
def test_attribution_time_date(nlp, sentence, find, time_text, date):
    claims = claimx.extract_text(nlp, sentence, "doc.txt", date=ARTICLE_DATE)
    claim = next(c for c in claims if find in c.figure.text)
    assert claim.time is not None
    assert _has(claim.time.text, time_text), claim.time
    assert claim.time.date == date, claim.time


PERIODS = [
    pytest.param("Last week, 75 houses were damaged by the storm.", "75", "last week",
                 id="last-week"),
]


@pytest.mark.parametrize(("sentence", "find", "time_text"), PERIODS)
def test_attribution_time_period(nlp, sentence, find, time_text):
    claims = claimx.extract_text(nlp, sentence, "doc.txt", date=ARTICLE_DATE)
    claim = next(c for c in claims if find in c.figure.text)
    assert claim.time is not None
    assert _has(claim.time.text, time_text), claim.time
    # the week before 2025-03-01: a period (ISO week "2025-W08" or a range "a/b"), not a day
    date = claim.time.date
    assert date is not None, claim.time
    assert date.startswith("2025"), claim.time
    assert "/" in date or "-W" in date, claim.time


UNATTRIBUTED = [
    # a denied speaker says nothing
    pytest.param("No official has confirmed that 30 people died in the fire.", "30", id="no-official-fire"),
    pytest.param("No agency puts the toll anywhere near 400.", "400", id="no-agency-war"),
    pytest.param("Nobody at the club has said that 12 players tested positive.", "12", id="nobody-sport"),
    # "A; X said B": the clause before the semicolon is not X's report
    pytest.param("At least 51 bodies have been recovered and 90 passengers rescued; the regional police chief put the "
                 "number still missing at \"about 30\".", "51", id="semicolon-before-put-ferry"),
    pytest.param("Some 40 homes were destroyed; the mayor said 300 people were in shelters.", "40",
                 id="semicolon-before-said-storm"),
    pytest.param("Sales fell 8 percent in March; the chief executive said the firm would cut 200 jobs.", "8",
                 id="semicolon-before-said-business"),
    # "could have said": a report a modal perfect says was never made
    pytest.param("Put fairly, the senator could have said that burglaries rose by about 40 per cent in three years.",
                 "40 per cent", id="could-have-said-fact-check"),
    pytest.param("To be accurate, the coach should have said that the team lost 12 of its last 20 games.", "12",
                 id="should-have-said-sport"),
    pytest.param("The ministry would have reported 40 deaths if the hospitals had sent their lists.", "40",
                 id="would-have-reported-health"),
    # "A, so X warn B": the clause before a comma and "so" is not X's report either
    pytest.param("The 2019 floods are thought to have destroyed some 4,000 homes in the valley, so engineers warn the "
                 "new dams may not be enough.", "4,000", id="so-before-warn-floods"),
    pytest.param("Last season's outbreak is believed to have infected about 900 cattle, so vets say farmers should "
                 "vaccinate early.", "900", id="so-before-say-farming"),
    pytest.param("A drought in 2015 cut the harvest by 30 percent, so analysts say prices could climb again.", "30",
                 id="so-before-say-markets"),
    # a bare count with no owner and no name of its own names no one
    pytest.param("The claim is misleading, and the figure of 1,500 mixes two different measures.", "1,500",
                 id="bare-figure-fact-check"),
    pytest.param("The tally of 41 goals is a club record.", "41", id="bare-tally-sport"),
    pytest.param("Estimates of 600 dead circulated on social media.", "600", id="bare-estimates-war"),
    # a figure that counts the speakers themselves is the author's count
    pytest.param("Nine of the survivors said they had been held in a warehouse.", "Nine", id="counts-speakers-of-migration"),
    pytest.param("Three of the nurses told the paper that the ward was full.", "Three", id="counts-speakers-of-health"),
    pytest.param("The fee was settled, according to two parents who spoke to the school board.", "two",
                 id="counts-speakers-according-to-school"),
    pytest.param("The team had a strong season. It recorded 14 wins at home.", "14", id="it-recorded-no-body-before"),
    pytest.param("The minister said the talks went well. About 80 people attended the "
                 "dinner.", "80", id="no-leak-to-next-sentence"),
    pytest.param("According to the army, the road is open. The bridge carries 9,000 cars a "
                 "day.", "9,000", id="no-leak-according-to"),
    pytest.param("The bridge was built to carry 9,000 cars a day.", "9,000",
                 id="author-statement"),
    pytest.param("About 40 sailors are believed to have drowned.", "40",
                 id="believed-is-hedge-not-source"),
    pytest.param("Two officials said the talks had stalled.", "Two",
                 id="figure-in-subject-of-said"),
    pytest.param("Three witnesses told police the car was red.", "Three",
                 id="figure-in-subject-of-told"),
    pytest.param("The attack reportedly killed 27 civilians.", "27",
                 id="reportedly-no-source"),
]


@pytest.mark.parametrize(("text", "find"), UNATTRIBUTED)
def test_attribution_no_source(figure_of, text, find):
    claim = figure_of(text, find)
    assert claim.source is None, claim.source


# Patterns met while reading articles outside the seeds.
@pytest.mark.parametrize(("sentence", "find", "source", "kind", "lemma"), [
    pytest.param("According to the Institute for the Study of War (ISW), Russia lost 1,500 troops.", "1,500",
                 "Institute for the Study of War", "organisation", "according to", id="name-with-prepositions"),
    pytest.param("The ministry's figures show 320 deaths.", "320", "ministry", "organisation", "show", id="owner-of-figures"),
    pytest.param("Russia has lost more than 3,000 tanks, the Oryx open-source project estimates.", "3,000",
                 "Oryx open-source project", "organisation", "estimate", id="final-cue-read-as-noun"),
    pytest.param("Russia has lost 500 tanks this year, says the Kremlin", "500", "Kremlin", "organisation", "say", id="inverted-speaker"),
    pytest.param("Russian strikes killed 11 people, regional governor Oleh Syniehubov said.", "11", "Oleh Syniehubov",
                 "person", "say", id="final-speaker-misattached"),
    pytest.param("Police put the figure at 800.", "800", "Police", "organisation", "put", id="put-the-figure-at"),
    pytest.param("A Ukrainian official put North Korean losses at 300 dead.", "300", "official", "person", "put",
                 id="unnamed-official-is-a-person"),
])
def test_attribution_more_patterns(figure_of, sentence, find, source, kind, lemma):
    claim = figure_of(sentence, find)
    assert claim.source is not None, claim
    assert source.lower() in claim.source.text.lower()
    assert claim.source.kind == kind
    assert claim.cue.lemma == lemma


@pytest.mark.parametrize(("sentence", "find"), [
    pytest.param("Police put 800 officers on alert.", "800", id="put-without-a-figure-word"),
    pytest.param("Damage estimated at $30 billion hit the region.", "$30", id="damage-is-no-speaker"),
])
def test_attribution_more_patterns_no_source(figure_of, sentence, find):
    assert figure_of(sentence, find).source is None


# Sources that are not speakers: a dateline, a place or a time in the subject's phrases.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("LIMA, Peru \u2014 Rescue workers said 40 homes were buried by the mudslide.", "40",
                 "Rescue workers", id="dateline-disaster"),
    pytest.param("OSLO, Norway \u2014 Club officials said 12 players had signed new contracts.", "12",
                 "Club officials", id="dateline-sport"),
    pytest.param("A family in the suburbs of Chicago said five of the passengers were relatives.", "five",
                 "family", id="place-in-subject-phrase-crash"),
    pytest.param("A shop owner on the high street in Leeds said 30 windows were smashed.", "30",
                 "shop owner", id="place-in-subject-phrase-riot"),
])
def test_attribution_source_not_a_place(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("A trial run of the rocket's 33 engines at the pad in March showed that the company can "
                 "fire them all \u2014 eleven in each stage \u2014 together.", "eleven", id="month-is-no-speaker-space"),
    pytest.param("A rehearsal of the band's 20 songs at the arena in June showed that the crew can "
                 "change the stage \u2014 four times a night \u2014 quickly.", "four", id="month-is-no-speaker-music"),
    pytest.param("- Up to 300 mm of snow expected on the passes by Sunday", "300 mm", id="weather-by-a-weekday"),
    pytest.param("- Some 2,000 extra seats expected at the stadium by Friday", "2,000", id="sport-by-a-weekday"),
])
def test_attribution_no_source_from_a_time(figure_of, text, find):
    assert figure_of(text, find).source is None


# A quotation of two sentences closed by '," said X' before a second quotation: the parser takes a word inside the first
# quotation for the verb's subject; the speaker after the verb says every sentence of both.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('"A tent costs less than 90 dollars. A month of water costs $300 per family - and we are short," said '
                 'Okoro. "If nothing changes, 200 more families could leave."', "90 dollars", "okoro", id="aid-first"),
    pytest.param('"A tent costs less than 90 dollars. A month of water costs $300 per family - and we are short," said '
                 'Okoro. "If nothing changes, 200 more families could leave."', "200", "okoro", id="aid-after"),
    pytest.param('"The stadium holds 40,000 people. A ticket costs 25 euros - and we sell out," said manager Ivo Rask.',
                 "40,000", "ivo rask", id="sport"),
])
def test_attribution_speaker_after_a_quotation_of_sentences(figure_of, text, find, source):
    assert source in figure_of(text, find).source.text.lower()


# Documents and data speak for their authors.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Initial findings of the Marine Accident Investigation Branch show that the ferry was "
                 "sailing at 18 knots.", "18", "Marine Accident Investigation Branch", id="findings-of-branch"),
    pytest.param("Provisional figures of the Office for National Statistics show that 40,000 jobs were lost.",
                 "40,000", "Office for National Statistics", id="figures-of-office"),
    pytest.param("The orbit is 510 km high, said a statement issued by the National Space Agency.", "510",
                 "National Space Agency", id="statement-issued-by"),
    pytest.param("The club lost 30 million euros, according to accounts published by the league.", "30 million",
                 "league", id="accounts-published-by"),
    pytest.param("Donors gave 45 million dollars, according to an analysis of filings by the Center for Example.",
                 "45 million", "Center for Example", id="analysis-of-filings-by"),
    pytest.param("Court records show that 14 people were charged after the riot.", "14", "Court records",
                 id="court-records-show"),
    # "..., the data shows.": set off at the end with its article, which the parser made a compound of the verb
    pytest.param("Across the county, 212 burglaries were reported last year, the data shows.", "212", "data",
                 id="set-off-data-shows-crime"),
    pytest.param("Exports fell to 1,900 tonnes in May, the data shows.", "1,900", "data", id="set-off-data-shows-trade"),
    pytest.param("Some 64 flights were cancelled at the airport on Friday, the data shows.", "64", "data",
                 id="set-off-data-shows-travel"),
    # "..., the office's analysis shows.": the owner the parser hung on the verb beside its document speaks
    pytest.param("Around 62% of the new jobs went to women, the bureau's analysis shows.", "62", "bureau",
                 id="set-off-owner-analysis-jobs"),
    pytest.param("About 85% of the excess deaths were among people over 80, the institute's analysis shows.", "85",
                 "institute", id="set-off-owner-analysis-health"),
    # "according to figures [that] X shared": who hands the document out speaks through it
    pytest.param("Clinic visits rose by 28% in the cold snap, according to figures the nurses' union shared with me.", "28",
                 "union", id="giver-figures-shared-health"),
    pytest.param("Ticket sales fell 12 percent, according to data the league released on Monday.", "12", "league",
                 id="giver-data-released-sport"),
    pytest.param("Some 4,000 people were evacuated, according to numbers that the regional government published late on "
                 "Friday.", "4,000", "regional government", id="giver-numbers-published-flood"),
    pytest.param("A Gallup poll released in early May found that 64 percent of voters back the plan.", "64",
                 "Gallup poll", id="poll-released-found"),
    pytest.param("The latest Harris poll shows that 38 percent of fans want a new coach.", "38", "Harris poll",
                 id="poll-shows-sport"),
    pytest.param("A 2019 study by Leeds University professor Ann Holt found 31 cases of fraud.", "31", "Ann Holt",
                 id="study-by-found"),
])
def test_attribution_source_document(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


# A pronoun speaker is the previous speaker that fits, not the last name in the text.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("A police spokesman said officers arrived at 6.10am. A fire service spokesman said they "
                 "were called soon after. \"There are 8 engines at the scene,\" they added.", "8",
                 "fire service spokesman", id="they-added-fire"),
    pytest.param("The league said the match was postponed. A club spokeswoman said they regretted the delay. "
                 "\"We have refunded 4,000 tickets,\" they added.", "4,000", "club spokeswoman",
                 id="they-added-sport"),
    pytest.param("\"It was chaos,\" a local councillor, Anna Berg, told Radio Nord. He said the crowd "
                 "numbered 300.", "300", "Anna Berg", id="he-is-not-the-addressee-radio"),
    pytest.param("\"We are shocked,\" the team captain, Paul Okafor, told Sky Sports. He said 12 players "
                 "were ill.", "12", "Paul Okafor", id="he-is-not-the-addressee-sport"),
    # "It recorded ...": a body that reported before keeps the count
    pytest.param("The National Police publish a yearly count of thefts. It recorded 2,310 cases in 2024, up from 1,900 "
                 "a year earlier.", "2,310", "National Police", id="it-recorded-crime"),
    pytest.param("The road safety agency published its annual review on Monday. It recorded 310 deaths on rural roads.",
                 "310", "road safety agency", id="it-recorded-transport"),
    # a name with an age beside it is a person, whatever the entity recogniser took it for
    pytest.param("Amira, 16, was among those pulled from the water. She had paid a broker $2,000 for the crossing. "
                 "\"There were maybe eighty of us in the back,\" she told me at a shelter near the port.", "eighty",
                 "Amira", id="aged-name-she-told-me-migration"),
    pytest.param("Herders describe the drought in plain terms. Dorj Batbayar, 47, who keeps goats near Ulaan Tolgoi, "
                 "said the wells had failed in June. \"Sixty of my animals died. The rest are too weak to sell,\" he "
                 "said.", "Sixty", "Dorj Batbayar", id="aged-name-he-said-drought"),
    pytest.param("Tavi, 19, was one of the few who got out. \"About forty of us were still inside the hall,\" he "
                 "told reporters outside the hospital.", "forty", "Tavi", id="aged-name-he-told-fire"),
])
def test_attribution_pronoun_previous_speaker(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


# Reporting clauses the parser hangs on the wrong word, read off the words.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The court ordered 23 of the defendants to pay 5,000 dollars each, the state-run "
                 "Daily Herald newspaper reported.", "23", "Daily Herald", id="final-newspaper-reported-court"),
    pytest.param("The club agreed to pay 40 million euros for the striker, the Madrid-based Marca "
                 "newspaper reported.", "40 million", "Marca", id="final-newspaper-reported-sport"),
    pytest.param("The 19 hostages were freed before dawn in the town of Kara, near the border with Chad, "
                 "a source close to the talks said on condition of anonymity.", "19", "source",
                 id="final-source-close-to"),
    pytest.param("Last year, the index said, Boko Haram caused 5,000 deaths, compared with a rival group, "
                 "which caused 3,000.", "3,000", "index", id="parenthetical-cue-terror"),
    pytest.param("Last season, the league said, the club was fined for 12 breaches, compared with its rival, "
                 "which was fined for 7.", "7", "league", id="parenthetical-cue-sport"),
    pytest.param("One of the men, Tom Hale, 34, from Leeds, said he and the other seven protesters would "
                 "plead not guilty.", "seven", "Tom Hale", id="one-of-named-protest"),
    pytest.param("One of the players, Ana Ruiz, 22, from Vigo, said she and the other 10 members of the "
                 "squad would strike.", "10", "Ana Ruiz", id="one-of-named-sport"),
])
def test_attribution_source_read_off_the_words(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


# A report inside a report is the outer speaker's; a reporting noun reports its "that" clause.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The Herald wrote on Saturday that the senator had claimed a loss of 900 million dollars.",
                 "900 million", "Herald", id="outer-media-politics"),
    pytest.param("The coach said the club doctor had confirmed that 3 players were injured.", "3", "coach",
                 id="outer-person-sport"),
    pytest.param("Fact-checkers looked at the mayor's claim that there were thousands of burglaries last year.",
                 "thousands", "mayor", id="claim-that-crime"),
    pytest.param("Analysts doubted the airline's announcement that 40 new routes would open.", "40", "airline",
                 id="announcement-that-business"),
    pytest.param("The institute estimates that the plan would raise 2 billion dollars; a rival think tank "
                 "puts the figure at 900 million dollars.", "2 billion", "institute", id="semicolon-parts-reports"),
])
def test_attribution_source_outer_report(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


# A quotation running over paragraphs: each opens with a mark, only the last closes.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('Maria Keane, who lives by the station, told the Gazette: "The road was still open.\n'
                 "\u201cBy then more crews were arriving.\n"
                 "\u201cAt first there were between six and 10 fire engines, then more came.\u201d",
                 "10", "Maria Keane", id="running-quote-curly-disaster"),
    pytest.param('Coach Dan Irwin told reporters: "We worked hard all week.\n'
                 '"We knew the pitch was heavy.\n'
                 '"We still had 14 chances and scored only one."\n'
                 'A club spokesman said: "The match report is online."',
                 "14", "Dan Irwin", id="running-quote-straight-sport"),
    pytest.param("Local MP Gavin Barnes said his friend was on the tram.\n"
                 '"He has been injured, he is in hospital.\n'
                 '"Thousands of people use these trams every day."', "Thousands", "Gavin Barnes",
                 id="quote-after-indirect-speech-paragraph"),
    pytest.param("The chief executive, Ruth Ames, said profits had fallen.\n"
                 '"It has been a hard year for the whole trade.\n'
                 '"We closed 40 shops and we are sorry for it."', "40", "Ruth Ames",
                 id="quote-after-indirect-speech-business"),
])
def test_attribution_source_running_quote(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert claim.quote is True, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


@pytest.mark.parametrize(("text", "quoted", "outside"), [
    pytest.param('He said: "We were called at 6.13.\n"We sent 8 crews."\nA spokesman said 4 were hurt.',
                 "8 crews", "4 were", id="straight-marks-pair-per-paragraph"),
    pytest.param("She said: \u201cWe lost 3 games.\nThe club said 9 players were fit.", "3 games", "9 players",
                 id="open-curly-mark-closes-at-paragraph-end"),
])
def test_quote_regions_per_paragraph(text, quoted, outside):
    from claimx.read.quotes import quote_regions, region_of

    regions = quote_regions(text)
    q = text.index(quoted)
    o = text.index(outside)
    assert region_of(regions, q, q + len(quoted)) is not None, regions
    assert region_of(regions, o, o + len(outside)) is None, regions


# A speaker's label before a colon frames what follows it.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('"HOST: Do you really see those two plans as equal?', "two", "HOST", id="transcript-label"),
    pytest.param("Jane Roe, The Daily Planet: The council spent 4 million pounds on the bridge. It will carry "
                 "9,000 cars a day.", "9,000", "Jane Roe", id="roundup-label-covers-next-sentence"),
    pytest.param("The gap is shown by this finding: ''27 firms reported 16,389 subsidiaries to one agency.''",
                 "16,389", "finding", id="document-before-colon-quote-business"),
    pytest.param("The risk is clear from the study: \"1 in 12 patients caught the infection in hospital.\"",
                 "12", "study", id="document-before-colon-quote-health"),
])
def test_attribution_source_label(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("Two questions: why were 40 buses late, and who pays?", "40", id="number-label-is-no-speaker"),
    pytest.param("Partial results as follows: 12 seats for the left.", "12", id="phrase-label-is-no-speaker"),
])
def test_attribution_no_source_from_label(figure_of, text, find):
    assert figure_of(text, find).source is None


# A series of clauses after a report is the reporter's; a quotation's own "according to" speaks for it alone.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The researchers reported that Acme holds 20 billion dollars offshore; Bolt holds 10.7 billion "
                 "dollars offshore; Crane holds 3 billion dollars, and the report says the firm ''has 98 units, "
                 "according to its own website.''", "10.7 billion", "researchers", id="series-business"),
    pytest.param("The scouts said that Lopez has scored 20 goals this season; Diaz has 14; the rest of the "
                 "squad managed 9.", "14", "scouts", id="series-sport"),
])
def test_attribution_source_semicolon_series(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source
    assert not _has(claim.source.text, "website"), claim.source


@pytest.mark.parametrize(("text", "quoted"), [
    pytest.param("The report says the firm ''has 98 units abroad.'' It said so twice.", "98 units",
                 id="typewriter-double-quote"),
])
def test_quote_regions_typewriter_marks(text, quoted):
    from claimx.read.quotes import quote_regions, region_of

    q = text.index(quoted)
    assert region_of(quote_regions(text), q, q + len(quoted)) is not None


# An embedded post is its author's: "... — Name (@handle) Month D, YYYY" closes the paragraph.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Thousands of fans singing in a ballpark 300 miles from home. \u2014 Jay Stark (@jaystark) "
                 "November 3, 2016", "300", "Jay Stark", id="tweet-sport"),
    pytest.param("Flood water reached 2 metres in the square this morning \u2014 Ana Silva (@anasilva_news) "
                 "March 4, 2024", "2 metres", "Ana Silva", id="tweet-disaster"),
])
def test_attribution_source_post_signature(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# Inside a quotation, a reporting verb of the quoted words yields to the quotation's speaker.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("\"People say, 'She will get 90 percent of the vote,'\" said Charlie Kane, a prominent Democrat.",
                 "90", "Charlie Kane", id="quoted-people-say-politics"),
    pytest.param("\"Fans tell me we sold 30,000 shirts,\" the club chairman said.", "30,000", "club chairman",
                 id="quoted-fans-tell-sport"),
])
def test_attribution_source_quote_speaker_over_quoted_cue(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source
    assert claim.source.kind == "person", claim.source


# A reporting noun before the 'that' of the clause that holds the figure reports it, even when the parser hangs
# the clause on the verb ("seized on a report that ...").
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The senator seized on a Washington Post report that the firm had lost more than $900 million.",
                 "$900", "Washington Post", id="report-that-business"),
    pytest.param("The coach dismissed the club's claim that 30 players were injured in training.", "30", "club",
                 id="claim-that-sport"),
])
def test_attribution_cue_noun_before_that(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


# A named body publishes with "show" as a document does; a government or campaign speaks like an organisation.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Polls show the mayor ahead, with Gallup showing her up 3 points.", "3", "Gallup", id="poll-org-shows"),
    pytest.param("Debt rose, with the Premier League showing 12 clubs in the red.", "12", "Premier League",
                 id="sport-org-shows"),
    pytest.param("Turnout rose, with the Electoral Commission showing 12 percent more voters.", "12",
                 "Electoral Commission", id="election-org-shows"),
    pytest.param("The city wrongly stated that about 12,000 residents were ineligible.", "12,000", "city",
                 id="city-states"),
    pytest.param("The campaign says the senator will announce a plan for people under 30.", "30", "campaign",
                 id="campaign-over-inner-subject"),
])
def test_attribution_named_bodies_speak(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("The index rose by 3.7 points, using an average of the five latest polls in 11 states.", "3.7",
                 id="states-is-a-noun-polls"),
    pytest.param("Rain fell for 4 days, flooding roads in the capital and in 11 states.", "4", id="states-is-a-noun-weather"),
])
def test_attribution_final_noun_in_a_phrase_is_no_cue(figure_of, text, find):
    assert figure_of(text, find).source is None


# A speaker the parser hung on the phrase before it is read off the words: the first person named back to a verb,
# a quotation mark or the sentence start.
def _subjectless(words: list[str], ents: list[str]) -> Doc:
    """A parse with no subject for 'said' (every other word hangs on the first), as the small model gives."""
    said = words.index("said")
    pos = ["VERB" if i == said else "PUNCT" if w in ",." else "PROPN" for i, w in enumerate(words)]
    heads = [said if i == 0 else 0 for i in range(len(words))]
    deps = ["prep" if i == 0 else "ROOT" if i == said else "dep" for i in range(len(words))]
    heads[said] = said
    heads[0] = said
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, heads=heads, deps=deps, ents=ents)


@pytest.mark.parametrize(("words", "ents", "name"), [
    pytest.param(["In", "Leeds", ",", "Rabbi", "Anna", "Stern", "of", "Temple", "Beth", "said", "."],
                 ["O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O"], "Stern",
                 id="person-before-organisation-religion"),
    pytest.param(["At", "Anfield", ",", "the", "Youth", "Academy", "said", "."],
                 ["O", "B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"], "Academy", id="organisation-sport"),
    pytest.param(["Asked", "about", "Leeds", ",", "said", "."], ["O", "O", "B-GPE", "O", "O", "O"], None,
                 id="no-name-no-speaker"),
])
def test_attribution_name_before_a_subjectless_verb(words, ents, name):
    doc = _subjectless(words, ents)
    got = Speakers.name_before(doc[words.index("said")])
    assert (got.text if got is not None else None) == name


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("\u201cWe mourn the loss of two members of our staff - Drs. Omar and Lina Haddad,\u201d Kate Moss, "
                 "director of the City Hospital, said in the statement.", "two", "Kate Moss", id="quote-names-people-hospital"),
    pytest.param("\u201cWe sold 3,000 seats to fans of both clubs - Mr. Alan and Mrs. Jean Price among them,\u201d "
                 "Tom Reed, chairman of the league, said on Friday.", "3,000", "Tom Reed", id="quote-names-people-sport"),
])
def test_attribution_speaker_named_after_a_quote_that_names_people(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# "put the chances/odds at": a forecast of a number, like "put the toll at".
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The engineer put the chances of a clean landing at one in three.", "one in three", "engineer",
                 id="space"),
    pytest.param("Bookmakers put the odds of a home win at 40 percent.", "40", "Bookmakers", id="sport"),
])
def test_attribution_put_chances_at(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# "The man also said": a bare definite description points back to the person who spoke before.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The boy's grandfather told reporters the well was dry. The man also said that the well was "
                 "about 40 metres deep.", "40", "grandfather", id="rescue"),
    pytest.param("The shop's owner told police the door was forced. The woman said that 300 pounds were taken.",
                 "300", "owner", id="crime"),
])
def test_attribution_the_man_is_the_person_before(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


def test_attribution_a_described_man_is_himself(figure_of):
    claim = figure_of("The boy's grandfather told reporters the well was dry. A man in the crowd said that 40 people "
                      "had gathered.", "40")
    assert claim.source is not None and _has(claim.source.text, "man"), claim.source
    assert not _has(claim.source.text, "grandfather")


# A document's owner speaks for it only when the owner can speak: "figures from the ministry" are the ministry's,
# "pages from his tax return" are the pages'.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Leaked pages from his tax return show he took a $900 million loss.", "$900", "pages", id="politics"),
    pytest.param("Slides from a presentation to investors show the plant would cost $2 billion.", "$2", "Slides",
                 id="business"),
    pytest.param("Figures from the health ministry show 300 people died.", "300", "health ministry", id="owner-speaks"),
])
def test_attribution_document_owner_must_speak(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


def _tagged(words: list[str], pos: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, heads=heads, deps=deps)


@pytest.mark.parametrize(("pos", "deps", "verbal"), [
    pytest.param(["NOUN", "NOUN", "PRON", "VERB"], ["nsubj", "ROOT", "nsubj", "ccomp"], True, id="noun-with-subject-and-clause"),
    pytest.param(["NOUN", "VERB", "PRON", "VERB"], ["nsubj", "ROOT", "nsubj", "ccomp"], True, id="a-verb"),
    pytest.param(["NOUN", "NOUN", "PRON", "VERB"], ["compound", "ROOT", "nsubj", "ccomp"], False, id="noun-without-subject"),
])
def test_attribution_verbal_reads_a_mistagged_verb(pos, deps, verbal):
    """'documents show he took': a 'show' the tagger took for a noun is a verb when it has a subject and a clause."""
    doc = _tagged(["documents", "show", "he", "took"], pos, [1, 1, 3, 1], deps)
    assert _verbal(doc[1]) is verbal


# A quotation that runs over paragraphs separated by blank lines: its speaker is named where it began, or is the
# person the paragraph before it introduces, or the last reporting verb of the paragraph that leads into it.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('Mary Cole ran the food bank for 20 years. She remembers the winter it opened.\n\n'
                 '"There were about 300 of us in the hall that night. Nobody spoke.\n\n'
                 '"Within a year, half the street had someone out of work. My husband did three courses."',
                 "three", "Mary Cole", id="introduced-person-feature"),
    pytest.param('Coach Dan Reyes, who played for the club for a decade, is blunter.\n\n'
                 '"They will tell you we sold 2,000 season tickets. I have counted maybe 150 at the gate."',
                 "150", "Dan Reyes", id="introduced-person-sport"),
    pytest.param('The mayor disputes the figures. Ana Ruiz of the Tribune reports:\n\n'
                 '"The first time the council met, 40 residents came. By June it was 400."',
                 "400", "Ruiz", id="last-cue-of-the-lead-in-politics"),
    pytest.param('The club denies it. Tom Hale of the Gazette writes:\n\n'
                 '"At least 12 players were paid late. Three of them left in January."',
                 "12", "Hale", id="last-cue-of-the-lead-in-sport"),
])
def test_attribution_quotation_over_blank_line_paragraphs(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# Words and patterns met on fresh articles of other kinds (earnings, courts, polls, health, migration, sport).
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("LONDON, July 24 - Halvorsen Foods reported a 12% rise in sales on Thursday.", "12%", "Halvorsen",
                 id="dateline-with-a-date-business"),
    pytest.param("MADRID, March 3 - Rescue services said 40 people were trapped.", "40", "Rescue services",
                 id="dateline-with-a-date-disaster"),
    pytest.param("The mission said around 35,000 people had fled the fighting.", "35,000", "mission", id="mission-speaks"),
    pytest.param("A government review found that the towns had 20% fewer jobs.", "20%", "review", id="review-found"),
    pytest.param("An independent inquiry found that 14 patients had been harmed.", "14", "inquiry", id="inquiry-found"),
    pytest.param("Pollsters caution that the margin of error is around 2.5 percentage points.", "2.5", "Pollsters",
                 id="caution-polls"),
    pytest.param("Analysts polled by the company had expected profit of £590m.", "£590m", "Analysts",
                 id="expected-earnings"),
    pytest.param("A government review found that the towns had fewer jobs. Some 5.5 million people live in such "
                 "areas, it estimated.", "5.5 million", "review", id="it-estimated-review"),
    pytest.param("The league's audit found that 12 clubs were in debt. They owe 40 million euros in all, it found.", "40 million",
                 "league", id="it-found-audit-of-the-league"),
    pytest.param("Minister Kaya said 300 people died. Health Minister Ayla Demir gave a different picture. Around 180 "
                 "of the injured were in intensive care, she said.", "180", "Demir", id="she-is-the-subject-before-health"),
    pytest.param("The coach said the squad was tired. Captain Jo Lane took a different view. We can still win "
                 "12 games, she said.", "12", "Lane", id="she-is-the-subject-before-sport"),
])
def test_attribution_fresh_articles(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


@pytest.mark.parametrize(("text", "find"), [
    pytest.param("They have conceded just 18 goals this season.", "18", id="conceded-goals-sport"),
    pytest.param("The banker admitted 12 charges of fraud at the hearing.", "12", id="admitted-charges-court"),
])
def test_attribution_clause_cue_with_an_object_reports_nothing(figure_of, text, find):
    assert figure_of(text, find).source is None


@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("A 2021 study by the consultancy Northstar estimated that the plant would need about 40 tonnes of kit.",
                 "40", "Northstar", id="study-by-a-consultancy-space"),
    pytest.param("A 2019 report by the water agency found that 300 wells were dry.", "300", "water agency",
                 id="report-by-an-agency-water"),
])
def test_attribution_author_of_a_document_by(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source) or _has(claim.source.name, source), claim.source


@pytest.mark.parametrize(("text", "find", "name"), [
    pytest.param('"We estimate there could be up to 600 million tonnes of water here," lead scientist Dr Hannah Osei '
                 'told reporters.', "600", "Hannah Osei", id="science"),
    pytest.param('"We sold more than 40,000 tickets in a day," club chairman Peter Hale told reporters.', "40,000",
                 "Peter Hale", id="sport"),
])
def test_attribution_source_mention_stops_at_the_quotation(figure_of, text, find, name):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert name in claim.source.text and '"' not in claim.source.text and "," not in claim.source.text, claim.source


# A clause coordinated after a report, with a speaker of its own, is that speaker's, not the first one's; a body that
# raises, revises or cuts a count or forecast gives it.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("In May the agency said 300 soldiers had died, and the army raised the estimated casualties to 4,000 "
                 "last week.", "4,000", "army", id="war-raised-estimate"),
    pytest.param("The ministry said 12 people were missing, and the coast guard raised the toll to 31 on Friday.", "31",
                 "coast guard", id="shipwreck-raised-toll"),
    pytest.param("The fund said growth would slow, and the central bank cut its forecast to 1.2 percent.", "1.2 percent",
                 "central bank", id="economy-cut-forecast"),
    pytest.param("The governor said that 300 homes were destroyed and 2,000 people had to leave.", "2,000", "governor",
                 id="coordinated-content-stays-reported"),
])
def test_attribution_coordinated_clause_with_its_own_speaker(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# "X quoted / cited Y as saying ...": Y speaks, X relays.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The lawmaker quoted the intelligence service as saying that some 300 soldiers had died.", "300",
                 "intelligence service", id="war-quoted-as-saying"),
    pytest.param("The paper cited a senior police officer as saying 40 people had been arrested.", "40", "officer",
                 id="crime-cited-as-saying"),
])
def test_attribution_quoted_as_saying(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# People named by their trade speak when they tell or say something ("the veterinarian told police").
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The veterinarian told police the dog had been hit by two pellets.", "two", "veterinarian", id="crime-vet"),
    pytest.param("The dentist told reporters 40 patients had been affected by the leak.", "40", "dentist", id="health"),
    pytest.param("A bystander said about 30 shots were fired.", "30", "bystander", id="crime-bystander"),
])
def test_attribution_trades_speak(figure_of, text, find, source):
    claim = figure_of(text, find)
    assert claim.source is not None, claim
    assert _has(claim.source.text, source), claim.source


# An organisation's acronym names only the words on its own line: a headline and a byline are not part of the name.
def test_attribution_acronym_name_stays_on_its_line(extract):
    text = ("Spy agency raises estimate of losses among new deployments\nDaniel Kim Views\n"
            "The National Intelligence Service (NIS) said 300 soldiers had been killed.\n"
            "The NIS said 2,000 more were wounded.")
    names = {c.source.name for c in extract(text) if c.source is not None}
    assert "National Intelligence Service" in names, names
    assert not any("\n" in n or "Daniel" in n for n in names), names


# "NOUN, who said ...": the speaker is the noun right before the relative pronoun (a place set after a name gives way
# to the name, a name's 'of' or place part to its head), even when the parser hangs the clause on a noun far back;
# a time before the pronoun names no speaker.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("Counts similar to the ministry's were published earlier by doctors at the University of Lagos, Nigeria, "
                 "who said that the death toll was near 900.", "900", "University of Lagos", id="war-university-place"),
    pytest.param("Similar tallies were compiled by volunteers at the Red Crescent office in Aleppo, Syria, who said that "
                 "310 people had died.", "310", "Red Crescent", id="quake-office-in-a-city"),
    pytest.param("The result contrasts with the agency's earlier report in March, which estimated that about 200 people "
                 "had drowned.", "200", "agency", id="flood-report-in-a-month"),
])
def test_relative_pronoun_speaker_read_off_the_words(figure_of, text, find, source):
    assert _has(figure_of(text, find).source.text, source)



# A name that owns a place after a title's noun ("a reporter at Anna's clinic") is the place's owner, not the title's
# holder: the speaker is the reporter.
@pytest.mark.parametrize(("text", "find", "speaker", "owner"), [
    pytest.param("A Reuters reporter at Anna's central clinic counted 27 bodies in the yard after the strike.", "27",
                 "reporter", "Anna", id="owner-of-a-clinic-war"),
    pytest.param("A reporter at Olga's main square counted 400 protesters before the police arrived.", "400",
                 "reporter", "Olga", id="owner-of-a-square-protest"),
])
def test_attribution_title_holder_is_not_an_owner(figure_of, text, find, speaker, owner):
    claim = figure_of(text, find)
    assert claim.source is not None and _has(claim.source.text, speaker), claim.source
    assert not _has(claim.source.text, owner) and not _has(claim.source.name, owner), claim.source


# Relative clauses the parser builds wrong.
# "put the number of X who ... at N": the parser hangs the value on the object's relative clause; it is still the
# number the count cue gives (and so is a figure joined to it: "at 6,200, or about a fifth").
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The flood agency put the number of families who have left the river towns at 6,200, or about a fifth "
                 "of their people.", "6,200", "flood agency", id="flood"),
    pytest.param("The flood agency put the number of families who have left the river towns at 6,200, or about a fifth "
                 "of their people.", "a fifth", "flood agency", id="flood-joined-figure"),
    pytest.param("The army put the number of soldiers who crossed the bridge before dawn at 1,400.", "1,400", "army",
                 id="war"),
    pytest.param("The club put the number of fans who travelled to the final at 9,000.", "9,000", "club", id="sport"),
    # "a channel that on Friday reported N": the parser reads the relative pronoun as the mark of a complement clause
    # of the main verb, with no subject; the speaking noun right before "that" reports.
    pytest.param("The story began with a Facebook channel that on Monday morning reported 300 arrests in the capital.",
                 "300", "Facebook channel", id="relative-read-as-that-protest"),
    pytest.param("The rumour started with a sports newspaper that on Saturday night reported 12 injuries in the stands.",
                 "12", "sports newspaper", id="relative-read-as-that-sport"),
])
def test_attribution_source_of_a_misparsed_relative_clause(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# Guard: "said on Friday that": the word before "that" is no noun, and the clause has its own subject.
def test_attribution_that_after_a_time_is_no_relative(figure_of):
    claim = figure_of("The regional police said on Friday that 14 fans were hurt.", "14")
    assert claim.source is not None and _has(claim.source.text, "police"), claim.source


# "X has confirmed N deaths, figures Y says reflect only ...": the parser makes X's clause the complement of "says",
# which it gives two subjects ("figures", "Y"); such a verb does not report the clause before it, so X keeps the figure.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The district health office has confirmed 52 deaths and 900 cases, figures MSF says cover only patients "
                 "seen in the main hospital.", "900", "district health office", id="health"),
    pytest.param("The army has reported 41 soldiers killed, figures HRW says leave out the reservists.", "41", "army",
                 id="war"),
    pytest.param("The coast guard has confirmed 23 rescues this month, figures RNLI says count only its own crews.", "23",
                 "coast guard", id="sea-rescue"),
    # the outer speaker of a report inside a report still wins when its verb has one subject
    pytest.param("The union says the company has confirmed 400 job cuts.", "400", "union", id="outer-report-business"),
])
def test_attribution_two_subjects_report_no_clause_before(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# A quotation opened right after a colon that ends a clause about a named person, with no reporting verb ("X is not
# convinced: '...'"), is that person's, not the speaker of a quotation in the sentence before.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param('The club has said it "fully expects" the striker to stay. Coach Marta Vidal is less sure: "Three clubs '
                 'have already offered us 40 million for him."', "40 million", "Marta Vidal", id="sport"),
    pytest.param('The airline has said it has "no plans" to cut routes. Union leader Tomas Hegyi is not convinced: "They '
                 'have grounded 12 planes since June."', "12", "Tomas Hegyi", id="labour"),
    pytest.param('The ministry said the dam was "perfectly safe". Engineer Ruth Amsel disagrees: "We found 30 cracks in '
                 'the wall last spring."', "30", "Ruth Amsel", id="engineering"),
])
def test_attribution_quotation_after_a_colon_is_its_introducers(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# "X said that A had been warned in two reports that N ...": the passive verb's subject is who was told; the report is
# inside what X says, so X speaks. With no speaker above it, the report itself is the source.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The teachers' union rejected the ministry's plan. Its leader, Ines Marko, said that schools had been "
                 "warned in three separate reports that hundreds of classrooms were too cold to use.", "hundreds",
                 "Ines Marko", id="education"),
    pytest.param("The residents' group disputed the council's figures. Its chair, Tom Reyes, said that the council had "
                 "been told in two earlier studies that 80 homes stood on unstable ground.", "80", "Tom Reyes",
                 id="housing"),
    pytest.param("The ministry was warned in a report that 40 bridges needed repair.", "40", "report",
                 id="no-speaker-above-transport"),
])
def test_attribution_report_told_to_a_passive_subject(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# "X said ... N things, of which M were ...": a relative clause that breaks down the reported figure is still X's
# report (a relative clause about another matter is not).
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("The army said the attack, which began before dawn, involved at least 20 missiles, of which 16 were "
                 "intercepted by air defences.", "16", "army", id="war"),
    pytest.param("The coast guard said the rescue, which began shortly after dawn, involved at least 40 boats, of which "
                 "12 were sent by fishermen.", "12", "coast guard", id="sea-rescue"),
])
def test_attribution_partitive_relative_clause_is_reported(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)


# "predecessor", "successor": an office's earlier or later holder speaks as the holder would.
@pytest.mark.parametrize(("text", "find", "source"), [
    pytest.param("MS OKAFOR: The chief executive's successor told staff last week that 400 jobs would go.", "400",
                 "successor", id="business-turn"),
    pytest.param("The coach's predecessor said in March that the club had spent 20 million on players.", "20 million",
                 "predecessor", id="sport"),
])
def test_attribution_holder_of_an_office_before_or_after(figure_of, text, find, source):
    _assert_source(figure_of(text, find), source)
