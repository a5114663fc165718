"""The measure's precedence table (claimx/counted.py, `_precedence` in lexicons/measures.json).

Each row of the table is tested with sentences from at least two kinds of article
(disasters and attacks, and sport, business, science or local news). All sentences are
written for these tests.
"""

from __future__ import annotations

import pytest


def _case(text: str, find: str, measure: str | None, *, id: str) -> object:
    return pytest.param(text, find, measure, id=id)


CASES = [
    # measure words with other structures: a light verb's object
    _case("Paramedics said six people have serious injuries after the crash.", "six", "injured",
          id="light-verb-have-injuries"),
    _case("Two players suffered minor injuries in the pre-season friendly.", "Two", "injured",
          id="light-verb-suffered-injuries-sport"),
    # transport to a place of care
    _case("After the gas explosion a total of 51 had been taken to two hospitals.", "51", "injured",
          id="care-transport-taken-to-hospitals"),
    _case("After the stadium roof collapsed, 14 fans were rushed to a nearby hospital.", "14", "injured",
          id="care-transport-rushed-sport"),
    # the toll rule needs a tally noun: a hospital is not a toll
    _case("Two bodies and 30 wounded people were brought to two city hospitals.", "two", None,
          id="to-place-is-not-a-toll"),
    _case("The landslide brought the death toll to 112 on Sunday.", "112", "killed",
          id="to-toll-still-a-toll"),
    # care cues need an injury context
    _case("Dozens were injured when the bus overturned. The hospital said 31 patients were brought in "
          "by ambulance, while seven others arrived on foot.", "seven", "injured",
          id="care-cue-others-arrived-on-foot"),
    _case("Nine spectators were hurt when a stand gave way. Three were having surgery on Sunday night.",
          "Three", "injured", id="care-cue-surgery-sport"),
    _case("The new wing of the hospital will treat 300 patients a week from June.", "300", None,
          id="care-cue-without-injury-context"),
    _case("Four of the wounded were seriously injured and 16 who were walking wounded went home.", "16",
          "injured", id="walking-wounded-after-relative"),
    # event beats status
    _case("She said that a dozen captives died in an air strike last year.", "dozen", "killed",
          id="event-over-status-captives-died"),
    _case("Officials said 15 hostages were killed during the rescue attempt.", "15", "killed",
          id="event-over-status-hostages-killed"),
    _case("Rebels captured 35 government soldiers near the airport.", "35", "captured",
          id="status-alone-stays-captured"),
    # reversal undoes a status
    _case("The group welcomed the negotiated release of 21 of the abducted pupils.", "21", None,
          id="release-of-abducted"),
    _case("Police announced the release of 12 of the kidnapped fishermen on Friday.", "12", None,
          id="release-of-kidnapped"),
    # presence deploys only forces
    _case("The fire brigade, which has 70 officers in attendance, said the blaze was under control.", "70",
          "deployed", id="presence-in-attendance"),
    _case("Germany has about 850 soldiers at a base near the city.", "850", "deployed",
          id="presence-at-a-base"),
    _case("There are eight fire engines and four rescue crews in attendance at the warehouse.", "eight",
          "deployed", id="presence-coordinated-forces"),
    _case("About 40,000 fans were in attendance at the final on Saturday.", "40,000", None,
          id="presence-fans-not-deployed"),
    _case("The general said 1,000 more troops were coming from partner countries.", "1,000", "deployed",
          id="presence-coming-troops"),
    # joining says where the subject went, not the object
    _case("Three others were stopped by security as they tried to join the five in the chamber.", "five",
          None, id="join-object-not-deployed"),
    _case("About 3,000 volunteers joined the rescue effort after the quake.", "3,000", "deployed",
          id="join-subject-deployed"),
    # responders with no verb
    _case("From where I stood I saw about two fire engines and several police cars.", "two", "deployed",
          id="responders-default"),
    # measure words in other senses need people
    _case("England, who have lost three Six Nations games in a row, face Wales next.", "three", None,
          id="lost-games-not-casualties"),
    _case("The retailer has lost 40 stores to the downturn this year.", "40", None,
          id="lost-stores-not-casualties"),
    # coordinated verbs with their own figures keep their own measures
    _case("The bomber struck the gate, killing at least four civilians and wounding scores of others.",
          "four", "killed", id="own-figure-in-conjunct"),
    _case("The storm flooded the valley, killing 12 villagers and injuring dozens more.", "12", "killed",
          id="own-vague-figure-in-conjunct"),
    # coordinated figures share a predicate
    _case("The ambush left two American soldiers and three Afghan policemen dead.", "two", "killed",
          id="coordination-shares-resultative"),
    _case("The attack left 312 dead and the town in ruins.", "312", "killed", id="resultative-oprd"),
    # a list continues the measure of the whole
    _case("More than 100 wounded people, including at least 10 children, were brought to the clinic.", "10",
          "injured", id="including-continues-measure"),
    # mowing down is a casualty figure
    _case("The driver was stopped after mowing down several hundred people on the promenade.",
          "several hundred", "casualties", id="mowing-down"),
    # a bare figure in a parallel clause takes the measure of the figure before
    _case("The group was responsible for 6,644 deaths, compared with its rival, which was responsible "
          "for 6,073.", "6,073", "killed", id="parallel-ellipsis-attack"),
    _case("The east saw 40 people injured, the west 12.", "12", None, id="no-parallel-no-inherit"),
    # removal with a kidnapping in the sentence
    _case("Gunmen seized 80 students from their dormitory in a kidnapping that shocked the region.", "80",
          "captured", id="removal-in-kidnapping"),
    _case("Volunteers took 80 students from the school on a trip to the coast.", "80", None,
          id="removal-without-kidnapping"),
]


@pytest.mark.parametrize(("text", "find", "measure"), CASES)
def test_measure_precedence(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A figure's noun coordinated with a plain noun phrase shares the predicate after it, read off the words when the
# parser misses the coordination ("On that night three miners and ..." often hangs the noun on "On").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("On that night three young miners and the foreman died in the blast.", "three", "killed", id="mine"),
    pytest.param("In that raid four police officers and a dog were injured.", "four", "injured", id="raid"),
    pytest.param("On that occasion two women passengers and the conductor died after the train left the rails.", "two",
                 "killed", id="rail"),
])
def test_measure_shared_by_a_coordinated_noun_phrase(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


def test_measure_coordinated_noun_phrase_keeps_its_own_verb(figure_of):
    assert figure_of("Rebels freed 12 soldiers and the driver escaped.", "12").measure is None


# The subject of an active verb with an object of its own acts: the verb's measure is not what happened to it.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Five gunmen killed 12 villagers on Sunday.", "Five", None, id="attackers-conflict"),
    pytest.param("Five gunmen killed 12 villagers on Sunday.", "12", "killed", id="victims-conflict"),
    pytest.param("When the plant shut, 1,150 men and women lost their jobs.", "1,150", None, id="jobs-economy"),
    pytest.param("About 2,000 families lost their homes in the floods.", "2,000", None, id="homes-disaster"),
    pytest.param("At least 30 soldiers lost their lives in the assault.", "30", "killed", id="lost-their-lives-phrase"),
    pytest.param("Six people suffered serious injuries in the crash.", "Six", "injured", id="light-verb-keeps-its-object"),
])
def test_measure_agent_subject(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The number of people killed in the quake rose to 412 on Sunday.", "412", "killed", id="number-killed-quake"),
    pytest.param("The number of fans injured in the crush stood at 85.", "85", "injured", id="number-injured-stadium"),
    pytest.param("As many as 20 children were among the dead.", "20", "killed", id="among-the-dead-conflict"),
    pytest.param("At least 14 climbers were among the injured.", "14", "injured", id="among-the-injured-mountain"),
    pytest.param("More than 1,400 migrants have died or gone missing this year.", "1,400", "casualties",
                 id="died-or-gone-missing-sea"),
    pytest.param("Eight hikers remain missing after the storm.", "Eight", "missing", id="remain-missing-mountain"),
])
def test_measure_from_tallies_lists_and_linking_verbs(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Rights groups documented the summary executions of at least a dozen men.", "dozen", "killed",
                 id="executions-conflict"),
    pytest.param("As governor he did not halt 11 executions.", "11", "killed", id="executions-politics"),
    pytest.param("Twelve children are missing after the flood.", "Twelve", "missing", id="missing-people-disaster"),
])
def test_measure_executions_and_missing_people(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# People "shot" are casualties unless the sentence says more (GUIDELINES): a killing word or an injury word in the
# figure's stretch of the sentence (up to the next figure) refines it; a word that has a figure of its own does not.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Nineteen people were shot across the city over the holiday weekend, police said.", "Nineteen", "casualties",
                 id="shot-crime-weekend"),
    pytest.param("Insurgents shot 14 border guards at a checkpoint before dawn.", "14", "casualties", id="shot-war-checkpoint"),
    pytest.param("Since Friday, 31 people have been shot in the county, five of them fatally.", "31", "casualties",
                 id="shot-total-keeps-casualties"),
    pytest.param("Since Friday, 31 people have been shot in the county, five of them fatally.", "five", "killed",
                 id="shot-fatally-is-killed"),
    pytest.param("Two brothers were shot dead outside a grocery store on Elm Street.", "Two", "killed", id="shot-dead-crime"),
    pytest.param("Sniper fire shot dead three medics near the front line.", "three", "killed", id="shot-dead-war"),
    pytest.param("Drone crews shot 21 soldiers near the village and wounded at least 12 others.", "21", "casualties",
                 id="shot-other-figures-verb-war"),
    pytest.param("The gunman shot four men and stabbed two more with a knife.", "four", "casualties",
                 id="shot-other-figures-verb-crime"),
    pytest.param("Four soldiers were shot and killed at the crossing.", "Four", "killed", id="shot-and-killed"),
    pytest.param("Three fans were shot and rushed to a hospital near the arena.", "Three", "injured", id="shot-hospital-sport"),
    pytest.param("Guards shot 9 protesters, each with a bullet wound to the legs.", "9", "injured", id="shot-bullet-wound"),
    pytest.param("Five villagers were shot on Monday, killing two of them.", "Five", "casualties", id="other-figures-killing-word"),
    pytest.param("The striker shot 65 times at goal this season.", "65", None, id="shots-in-sport-are-no-casualties"),
    pytest.param("The army said the raid involved 40 drones, of which 31 were shot down over the hills.", "31", None,
                 id="shot-down-drones-war"),
    pytest.param("Of the 12 balloons the rival state launched, 9 were shot down by fighter jets.", "9", None,
                 id="shot-down-balloons-airspace"),
    pytest.param("Eight protesters were shot by troops, one of them fatally, near the square.", "Eight", "casualties",
                 id="share-one-fatally-keeps-casualties-unrest"),
    pytest.param("Four tourists were shot, one fatally, when a gunman opened fire at the lodge.", "Four", "casualties",
                 id="share-one-fatally-keeps-casualties-accident"),
    pytest.param("Two guards were shot dead at the gate, one of them a cadet.", "Two", "killed",
                 id="killing-word-before-the-share-crime"),
    pytest.param("Six miners were shot on 3 May, fatally, during the strike.", "Six", "killed", id="date-is-no-share-labour"),
])
def test_measure_of_people_shot(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# The main predicate, not a participle or a relative clause on the counted noun, says what happened to it; a
# deployment word in such a modifier yields to an event verb or adjective (not to a light verb's noun: "suffered losses"),
# an injury word to a death.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Nine marines stationed at the base have died since the spring.", "Nine", "killed", id="stationed-died-war"),
    pytest.param("About 60 troops who were sent to the border were wounded in the shelling.", "About 60", "injured",
                 id="relative-sent-wounded"),
    pytest.param("Some 200 of the 5,000 firefighters deployed to the blaze were injured.", "Some 200", "injured",
                 id="partitive-deployed-injured-wildfire"),
    pytest.param("Some 200 of the 5,000 firefighters deployed to the blaze were injured.", "5,000", "deployed",
                 id="the-whole-stays-deployed"),
    pytest.param("The 12,000 troops sent to the region have suffered heavy losses.", "12,000", "deployed",
                 id="light-verb-noun-keeps-deployed"),
    pytest.param("Officials said 3,000 officers were deployed to the stadium on Saturday.", "3,000", "deployed",
                 id="plain-deployment-sport"),
    # an injury word in the modifier yields to a death in the main predicate, and to nothing else
    pytest.param("Three soldiers wounded in the ambush later died of their injuries.", "Three", "killed",
                 id="wounded-later-died-war"),
    pytest.param("The toll rose after four climbers hurt in the rockfall on Friday died in hospital.", "four", "killed",
                 id="hurt-died-in-hospital-accident"),
    pytest.param("Some 40 wounded soldiers were flown home on Sunday.", "40", "injured", id="wounded-flown-home-war"),
])
def test_measure_main_predicate_beats_a_modifier(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A count that reaches a figure ("exceeded", "surpassed", "approaching") gives it the count's measure.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The number of troops killed or wounded has passed 7,000, the general staff said.", "7,000", "casualties",
                 id="number-killed-or-wounded-war"),
    pytest.param("Casualties have topped 900 since the offensive began.", "900", "casualties", id="casualties-topped"),
    pytest.param("The injured are nearing 250 after the tower collapse.", "250", "injured", id="injured-nearing-disaster"),
    pytest.param("The death toll from the floods has surpassed 1,200.", "1,200", "killed", id="death-toll-surpassed-floods"),
    pytest.param("Army losses exceeding 4,500 were reported by the ministry.", "4,500", "casualties", id="losses-exceeding"),
    pytest.param("Ticket sales exceeded 40,000 for the final.", "40,000", None, id="sales-exceeded-no-measure"),
    pytest.param("The death toll from the floods has climbed past 300, officials said.", "300", "killed",
                 id="death-toll-climbed-past-floods"),
    pytest.param("The number of dead in the shelled city has risen past 120.", "120", "killed",
                 id="number-of-dead-risen-past-war"),
    pytest.param("The price of bread has climbed past 3 dollars.", "3", None, id="price-climbed-past-markets"),
    pytest.param("The general admitted heavy fighting, with losses exceeding 1,500, half of them fatal, by his count.",
                 "1,500", "casualties", id="losses-exceeding-misparsed-war"),
    pytest.param("The flood left damage in 12 towns, with claims exceeding 3,000 by Friday.", "3,000", None,
                 id="claims-exceeding-insurance"),
])
def test_measure_of_a_threshold_count(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("At least 9 more were wounded in shootings overnight.", "9", "injured", id="more-crime"),
    pytest.param("Another 40 others were killed when the ferry sank.", "40", "killed", id="others-disaster"),
    pytest.param("Commanders said a quarter of the brigade had sustained casualties.", "quarter", "casualties",
                 id="light-verb-object-read-off-the-words"),
    pytest.param("A third of the battalion was put out of action within a week.", "third", "casualties", id="out-of-action"),
    pytest.param("The drone unit said it had eliminated 35 enemy soldiers.", "35", "killed", id="eliminated-soldiers"),
    pytest.param("The bank eliminated 35 branches last year.", "35", None, id="eliminated-branches-business"),
    pytest.param("Shares of the carmaker have lost 28 percent this year.", "28 percent", None, id="lost-percent-markets"),
])
def test_measure_words_after_the_figure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Where a verb puts forces ("on the streets", "on patrol", "on the front line") deploys them; people or things it
# puts there are not deployed.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The city is putting an extra 900 officers on the streets for New Year's Eve.", "900", "deployed",
                 id="officers-on-the-streets-crime"),
    pytest.param("The league will keep 300 police officers on patrol during the derby.", "300", "deployed",
                 id="on-patrol-sport"),
    pytest.param("Moscow now keeps 50,000 troops on the front line near the town.", "50,000", "deployed", id="front-line-war"),
    pytest.param("The club put 300 tickets on sale on Monday.", "300", None, id="things-on-sale"),
    pytest.param("Some 2,000 people were on the streets to protest.", "Some 2,000", None, id="protesters-not-deployed"),
])
def test_measure_where_a_verb_puts_forces(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The number of troops killed and injured in the region has surpassed 3,000, the army said.", "3,000",
                 "casualties", id="threshold-subject-lost-by-the-parser-war"),
    pytest.param("Police said five people were shot near the park, two of whom were in critical condition.", "two",
                 "injured", id="of-whom-crime"),
    pytest.param("Nine climbers were caught in the avalanche, three of them were in a serious condition.", "three",
                 "injured", id="of-them-mountain"),
])
def test_measure_read_off_the_words_past_a_partitive_or_a_misparse(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "Fell" is killed only as the figure's own predicate, and not in an idiom ("fell ill").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("We count 9,000 of their soldiers. About 2,000 fell in the autumn fighting.", "2,000", "killed",
                 id="fell-war"),
    pytest.param("Around 300 soldiers who fell near the river were buried in the village.", "300", "killed",
                 id="fell-relative-war"),
    pytest.param("Of the 40 climbers, 12 fell to their deaths.", "12", "killed", id="fell-to-their-deaths-mountain"),
    pytest.param("Shares in the airline fell 5 percent on Monday.", "5 percent", None, id="fell-percent-markets"),
    pytest.param("Three pupils fell ill after the school lunch.", "Three", None, id="fell-ill-school"),
    pytest.param("About 20 fans fell from the stand when it gave way, and 8 were injured.", "About 20", None,
                 id="fell-from-sport"),
])
def test_measure_fell(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Fresh-page rules (issue 27), each a class of wordings:
FRESH_PAGE_CASES = [
    # a headline's event verb just before a bare figure says what happened to it, though the parser loses the verb; a
    # verb said only of its subject ("fell") or only of people ("lost") does not
    _case("Drone strike on fuel depot kills at least 11, governor says; army denies it", "11", "killed", id="headline-war"),
    _case("Ferry fire off the coast injures 40, coast guard says", "40", "injured", id="headline-disaster"),
    _case("Gunmen kidnap 23 on a highway in the north, police say", "23", "captured", id="headline-crime"),
    _case("Oil prices fell 3 percent on Monday, traders say", "3 percent", None, id="markets-fell"),
    _case("The champions lost 2 of their last five games", "2", None, id="sport-lost"),
    # care words give injured; being held by someone gives captured
    _case("After the blast, 14 workers were admitted to intensive care.", "14", "injured", id="care-industrial"),
    _case("Of the 50 pupils rescued from the school, 12 have been discharged from hospital.", "12", "injured",
          id="care-discharged-earthquake"),
    _case("Some 80 villagers are still held by the rebel militia in the hills.", "80", "captured", id="held-by-war"),
    _case("The gang kept 6 bank staff held hostage for a night.", "6", "captured", id="held-hostage-crime"),
    _case("The party held 12 rallies across the region last month.", "12", None, id="held-rallies-politics"),
    # a count as the subject of a linking verb whose complement is the figure with its bound word ("the toll is already
    # above 60": the bound word parsed as the verb's preposition) takes the count's measure
    _case("Aid workers say the real toll is already above 60.", "60", "killed", id="cyclone-toll-above"),
    _case("The number of wounded is now over 300, medics say.", "300", "injured", id="war-wounded-over"),
    _case("The crowd is now above 5,000, organisers say.", "5,000", None, id="protest-no-count-noun"),
]


@pytest.mark.parametrize(("text", "find", "measure"), FRESH_PAGE_CASES)
def test_measure_fresh_page_rules(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Words of the beat: servicemen and defenders are forces; homicides and murders are deaths; kidnappings, abductions
# and captivity are capture; admission to medical care is injury; the state a clause leaves what is counted in
# ("remain in captivity", "listed in fair condition") gives the measure.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The brigade lost 90 servicemen near the village, the command said.", "90", "casualties", id="servicemen-lost"),
    pytest.param("The city has recorded more than 90 homicides this year.", "90", "killed", id="homicides-crime"),
    pytest.param("Police are investigating 41 murders since January.", "41", "killed", id="murders-crime"),
    pytest.param("Detectives logged 14 kidnappings in the district last year.", "14", "captured", id="kidnappings-crime"),
    pytest.param("The monitor documented 230 abductions by militias since March.", "230", "captured", id="abductions-war"),
    pytest.param("More than 1,000 of our defenders remain in enemy captivity.", "1,000", "captured", id="captivity-war"),
    pytest.param("Six climbers were taken into custody after the protest on the summit.", "Six", "captured",
                 id="into-custody-protest"),
    pytest.param("Two men were listed in fair condition on Sunday.", "Two", "injured", id="fair-condition-crime"),
    pytest.param("Officials said 62 people were admitted to medical care after the blast.", "62", "injured",
                 id="admitted-to-medical-care-attack"),
    pytest.param("Some 300 runners were admitted to medical care during the hot marathon.", "300", "injured",
                 id="admitted-to-medical-care-sport"),
    pytest.param("Three riders were in stable condition after the crash, organisers said.", "Three", "injured",
                 id="stable-condition-sport"),
])
def test_measure_words_of_the_beat(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A clause with a figure of its own ("of whom 1,000 were killed") says nothing about the total it hangs on.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The brigade lost 4,000 people, of whom more than 1,000 were killed.", "4,000", "casualties", id="war"),
    pytest.param("The storm injured 300 people, of whom 12 later died in hospital.", "300", "injured", id="storm"),
    pytest.param("The storm injured 300 people, of whom 12 later died in hospital.", "12", "killed", id="storm-part"),
])
def test_measure_a_relative_clause_with_its_own_figure(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Where forces are ("in the Kursk region", "in Europe", "along the border") deploys them when nothing else is said;
# people, workers and figures without a noun are not deployed by a place.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("About 12,000 North Korean soldiers are in the Kursk region, the agency said.", "12,000", "deployed",
                 id="soldiers-in-region-war"),
    pytest.param("Some 3,000 North Korean troops remain in Kursk.", "3,000", "deployed", id="troops-remain-in"),
    pytest.param("The United States has about 100,000 troops in Europe.", "100,000", "deployed", id="has-troops-in"),
    pytest.param("The league keeps 400 stewards and 300 police officers at the stadium.", "300", "deployed",
                 id="officers-at-stadium-sport"),
    pytest.param("Twelve soldiers were killed in Kursk on Monday.", "Twelve", "killed", id="event-beats-place"),
    pytest.param("About 3,000 people are in Kursk for the festival.", "3,000", None, id="people-not-deployed"),
    pytest.param("The company employs 3,000 workers in Texas.", "3,000", None, id="workers-not-deployed"),
    pytest.param("Massa has 11 career wins, including two in Brazil.", "two", None, id="no-noun-not-deployed-sport"),
])
def test_measure_where_forces_are(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A place where a verb acts on forces it takes as object is where that happened ("destroyed two tanks near the
# village"); verbs that put forces somewhere still deploy them. A people coordinated with forces is forces.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Drone crews destroyed two tanks near the village of Plekhovo.", "two", None,
                 id="destroyed-tanks-near-village-war"),
    pytest.param("Police stopped 14 cars at the border crossing overnight.", "14", None, id="stopped-cars-at-border-police"),
    pytest.param("The garrison town now hosts 3,000 soldiers near the front.", "3,000", "deployed",
                 id="hosts-soldiers-placing"),
    pytest.param("Seoul estimated 15,000 Russian troops and 8,000 North Koreans in the area.", "8,000", "deployed",
                 id="people-coordinated-with-troops-war"),
    pytest.param("The UN has 600 peacekeepers and 90 Fijians at the base.", "90", "deployed",
                 id="people-coordinated-with-peacekeepers"),
    pytest.param("About 200 tourists and 40 Germans were in the city.", "40", None, id="people-with-people-not-deployed"),
])
def test_measure_place_of_an_action_and_coordinated_peoples(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A figure that gives a count its value takes the count's measure: after 'at' ('put the number of ... at'), right after
# a count noun ('losses above 3,000'), or after a verb a count reaches ('averaged', 'totalled').
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Seoul puts the number of North Koreans killed or wounded at about 4,700.", "4,700", "casualties",
                 id="put-number-at-war"),
    pytest.param("The county put the number of injured at 70 after the pile-up on the motorway.", "70", "injured",
                 id="put-injured-at-traffic"),
    pytest.param("Zelenskyy: North Korean losses above 3,000", "3,000", "casualties", id="losses-above-headline"),
    pytest.param("Deaths over 200 were recorded in the heatwave, the agency said.", "200", "killed",
                 id="deaths-over-heatwave"),
    pytest.param("Russian casualties averaged 1,523 a day in November, the ministry said.", "1,523", "casualties",
                 id="casualties-averaged"),
    pytest.param("Road deaths totalled 1,700 last year.", "1,700", "killed", id="deaths-totalled-transport"),
    pytest.param("He said only that the number of dead ran into the hundreds.", "hundreds", "killed",
                 id="ran-into-the-hundreds-war"),
    pytest.param("Flood damage claims ran into the thousands, the insurer said.", "thousands", None,
                 id="ran-into-claims-no-measure"),
    pytest.param("The firm put its quarterly profit at $3 million.", "3 million", None, id="profit-at-no-measure"),
    pytest.param("Tickets sold at 40 outlets across the city.", "40", None, id="sold-at-no-count"),
])
def test_measure_of_a_count_given_its_value(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Equipment destroyed somewhere was not deployed there (the passive, as the active above).
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Three tanks and 14 motor vehicles were destroyed in the area, the ministry said.", "14", None,
                 id="destroyed-passive-war"),
    pytest.param("Two police cars were damaged on the high street during the riot.", "Two", None,
                 id="damaged-passive-riot"),
    pytest.param("Some 3,000 troops were stationed in the region.", "3,000", "deployed", id="stationed-passive"),
])
def test_measure_passive_action_at_a_place(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A share in apposition to the figure before it is a share of that whole, and has its measure.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("North Korea has lost up to 4,000 troops in Kursk, about 30% of its force - US officials", "30%",
                 "casualties", id="share-of-losses-headline"),
    pytest.param("Pyongyang has suffered 4,000 casualties among the troops it sent, roughly 30% of its deployed force.",
                 "30%", "casualties", id="share-over-own-modifier-war"),
    pytest.param("The flu killed 300 residents last winter, about 2% of the town.", "2%", "killed", id="share-health"),
    # issue 27: a part of a pronoun is a part of the figure before ("6,777 people, more than half of them civilians")
    pytest.param("The clinic treated 4,000 casualties, 1,000 of them children.", "1,000", "casualties",
                 id="part-of-them-takes-the-whole"),
])
def test_measure_of_an_apposed_share(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Deployment words of the war beat: rotating troops through a front, throwing in reserves, deminers arriving; moving,
# shipping and supplying deploy forces and munitions only (presence lemmas), and coffins carry the dead.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Pyongyang has rotated some 15,000 troops through the Kursk front.", "15,000", "deployed", id="rotated"),
    pytest.param("Moscow is ready to throw in thousands more, he said.", "thousands", "deployed", id="throw-in"),
    pytest.param("About 1,000 of the deminers are believed to have already arrived.", "1,000", "deployed",
                 id="deminers-arrived"),
    pytest.param("Thousands of people on the beach had to be moved to safety.", "Thousands", None, id="moved-to-safety"),
    pytest.param("Some 1,500 special forces had been moved to Russia's Far East.", "1,500", "deployed",
                 id="forces-moved"),
    pytest.param("The North has shipped more than 12 million artillery shells to Russia.", "12 million", "deployed",
                 id="shells-shipped-war"),
    pytest.param("Apple shipped 50 million phones last quarter.", "50 million", None, id="phones-shipped-business"),
    pytest.param("The charity supplied 4,000 meals to families.", "4,000", None, id="meals-supplied-charity"),
    pytest.param("Hundreds of North Koreans have already gone home in coffins.", "Hundreds", "killed", id="in-coffins-war"),
    pytest.param("Two of the climbers came down the mountain in body bags.", "Two", "killed", id="in-body-bags-accident"),
])
def test_measure_deployment_words_of_the_war_beat(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A named hospital is a place of care ("taken to Regional One Health").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Two men were taken to Regional One Health in critical condition.", "Two", "injured", id="crime"),
    pytest.param("All three skiers were flown to Valley View Medical Center.", "three", "injured", id="ski"),
    pytest.param("Three delegates were taken to City Hall for the signing.", "Three", None, id="not-a-hospital"),
])
def test_measure_named_hospital(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A later verb with an auxiliary and no subject of its own shares the figure's subject, wherever the parser hung it.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Two pyrotechnicians jumped off the boat to get ashore and were later treated by paramedics for burns.",
                 "Two", "injured", id="fireworks"),
    pytest.param("Two hikers set off before dawn to reach the summit and were later found dead.", "Two", "killed",
                 id="mountain"),
    pytest.param("Five men robbed the bank to pay a debt and were arrested on Friday.", "Five", None, id="crime-no-measure"),
    pytest.param("Three officers went to the house to check on the family and were shot at.", "Three", None,
                 id="shot-at-is-no-hit"),
])
def test_measure_shared_predicate(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A bare figure a speaker says after another's count is the same count ("..., while Kyiv says 6,000"); a total brought
# to a figure is the total of what the main clause tells.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Seoul puts the number of North Koreans killed or wounded at about 4,700, while Kyiv says 6,000.",
                 "6,000", "casualties", id="says-same-count-war"),
    pytest.param("The ministry puts the number of dead at 40, but rescuers say 65.", "65", "killed",
                 id="say-same-count-disaster"),
    pytest.param("Two more people died overnight, bringing the total to 14, officials said.", "14", "killed",
                 id="bringing-total-to-disaster"),
    pytest.param("The staff said 1,580 soldiers had been killed or wounded over the past day, taking the total to "
                 "about 777,000.", "777,000", "casualties", id="taking-total-to-war"),
    pytest.param("Eight people have serious injuries, while a total of 51 had been taken to two hospitals.", "two", None,
                 id="to-a-place-not-a-total"),
])
def test_measure_of_a_count_said_again_or_brought_to(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A share of "losses" counts people when the sentence is about fighting; elsewhere losses may be money.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Ukrainian commanders say two-thirds of those losses came in the first two months of combat.",
                 "two-thirds", "casualties", id="losses-in-combat-war"),
    pytest.param("About half of the losses were suffered by infantry units advancing across open ground.", "half",
                 "casualties", id="losses-of-infantry-war"),
    pytest.param("The bank said two-thirds of its losses came from bond trading.", "two-thirds", None,
                 id="losses-of-a-bank-business"),
])
def test_measure_a_share_of_losses(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# The war beat's words for killing ("liquidated") and putting out of action ("neutralised"), and "N more" as the object.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Special forces liquidated another 8 KPA soldiers near Korenevo and wounded at least 5 more.", "8",
                 "killed", id="liquidated-war"),
    pytest.param("Special forces liquidated another 8 KPA soldiers near Korenevo and wounded at least 5 more.", "5",
                 "injured", id="wounded-n-more-war"),
    pytest.param("Drone operators neutralised 21 North Korean soldiers in one day.", "21", "casualties", id="neutralised-war"),
    pytest.param("The company liquidated 3 subsidiaries last year.", "3", None, id="liquidated-business"),
    pytest.param("The storm killed four people and injured 20 more.", "20", "injured", id="injured-n-more-weather"),
])
def test_measure_war_words_and_n_more(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A bare figure after "up from" is the same count earlier; a bare figure a count is brought "to" takes the count's measure
# when the parse linked none (not a place: "the wounded were taken to two hospitals").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("North Korean casualties had climbed to about 4,000, up from 1,100 in January.", "1,100", "casualties",
                 id="up-from-war"),
    pytest.param("Road deaths fell to 1,600 last year, down from 1,750.", "1,750", "killed", id="down-from-transport"),
    pytest.param("The reinforcements bring the number of North Korean soldiers dispatched to Russia to around 13,000.",
                 "13,000", "deployed", id="number-dispatched-to-war"),
    pytest.param("Paramedics said the injured were taken to 2 hospitals in the city.", "2", None,
                 id="to-hospitals-not-a-count"),
    pytest.param("A further 3,000 troops arrived to replace those lost, bringing the total deployed to roughly 14,000.",
                 "14,000", "deployed", id="total-deployed-to-nearest-count"),
    pytest.param("Forty staff left in May to replace those laid off, bringing the total hired to 300.", "300", None,
                 id="total-hired-to-business"),
])
def test_measure_earlier_value_and_count_brought_to(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A coordinated verb with a subject of its own is another clause, not the figure's predicate.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("HUR estimates that the total number of troops is about 11,000 and that the contingent has lost more "
                 "than 3,000 men killed and wounded.", "11,000", None, id="is-and-contingent-lost-war"),
    pytest.param("The crowd was about 20,000 and police arrested 40 people.", "20,000", None, id="crowd-and-police-arrested"),
    pytest.param("About 300 soldiers were killed and injured in the raid.", "300", "casualties", id="shared-subject-kept"),
])
def test_measure_a_conjunct_with_its_own_subject(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Weapons are deployed like forces but are no people: shooting them down counts no casualties.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Air defences shot down four guided bombs and six HIMARS rockets overnight.", "six", None,
                 id="rockets-shot-down-war"),
    pytest.param("Russia has 200 tanks in the region.", "200", "deployed", id="tanks-in-region"),
    pytest.param("Police said the gunman shot six people outside the club.", "six", "casualties", id="people-shot-crime"),
])
def test_measure_materiel_is_no_people(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A toll without "casualty" or "injury" is a death toll, as news writes it.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The ministry first reported 19 deaths, but the toll rose to 31 by evening.", "31", "killed",
                 id="toll-rose-disaster"),
    pytest.param("Demographers put the toll at as many as 385,000 by the end of 2022.", "385,000", "killed",
                 id="toll-put-at-war"),
    pytest.param("The casualty toll climbed to 4,000, officials said.", "4,000", "casualties", id="casualty-toll"),
])
def test_measure_a_toll_is_of_the_dead(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Shooting victims are people shot; shootings are incidents; "N of the most seriously injured" read off the words.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The department has recorded 41 shooting victims so far this year.", "41", "casualties",
                 id="shooting-victims-crime"),
    pytest.param("Two shooting victims were taken to hospital in critical condition.", "Two", "injured",
                 id="shooting-victims-hospital"),
    pytest.param("Chicago recorded 40 shootings over the weekend.", "40", None, id="shootings-are-incidents"),
    pytest.param("Army helicopters had flown 340 of the most seriously injured to hospitals, it said.", "340", "injured",
                 id="of-the-most-seriously-injured-quake"),
    pytest.param("Estimates of deaths from fighting and hunger range from 80,000 to 600,000.", "80,000", "killed",
                 id="estimates-range-from-war"),
    pytest.param("Russian combat losses amounted to approximately 1,500 personnel over the past day.", "1,500",
                 "casualties", id="losses-amounted-to-war"),
    pytest.param("According to the General Staff, total Russian combat losses since 24.02.2022 amount to approximately "
                 "817,580 personnel.", "817,580", "casualties", id="losses-to-as-a-noun-phrase-war"),
])
def test_measure_shooting_victims_and_partitive_words(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A group set beside another ("alongside") shares its verb's measure, as a part does ("including").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The army said it had deployed some 2,000 soldiers to the districts, alongside 1,200 police officers.",
                 "1,200", "deployed", id="deployed-alongside-quake"),
    pytest.param("Two firefighters died alongside 3 colleagues in the blaze.", "3", "killed", id="died-alongside-fire"),
    pytest.param("The league fined the club alongside 4 players.", "4", None, id="fined-alongside-sport"),
])
def test_measure_a_group_alongside(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure



def test_measure_a_come_back_is_no_deployment(figure_of):
    claim = figure_of('"Of a platoon of 30, maybe five come back," the sergeant said.', "five")
    assert claim.measure is None


# What a force numbers where the sentence places or sends it is deployed; an army's size is not; vehicles lost are no
# casualties (materiel), though police cars sent to a scene are deployed.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Pentagon says North Korean troops in Russia's Kursk region number about 11,000", "11,000", "deployed",
                 id="troops-in-region-number-war"),
    pytest.param("The new contingent is believed to number about 31-hundred soldiers, Lee said.", "31-hundred",
                 "deployed", id="contingent-numbers-war"),
    pytest.param("The North Korean armed forces, numbering 1.2 million, are among the largest armies.", "1.2 million",
                 None, id="army-size-not-deployed"),
    pytest.param("Russia has also lost 9,930 tanks and 20,620 armored fighting vehicles, the report said.", "20,620",
                 None, id="vehicles-lost-war"),
    pytest.param("Two ambulances and four police cars were sent to the scene.", "four", "deployed",
                 id="police-cars-sent-local"),
])
def test_measure_force_size_and_materiel_lost(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure



# A count given its value by a linking verb, a 'from', a verb that raises it, or a threshold verb after a date; a share
# of a count noun with an 'of' phrase ("45% of the number of dead").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The toll reached 40 and the number of injured people is 260, the agency said.", "260", "injured",
                 id="number-of-injured-is-quake"),
    pytest.param("By Friday the list of missing hikers was 17, the rangers said.", "17", "missing",
                 id="list-of-missing-was-mountain"),
    pytest.param("The number of tickets sold was 40,000.", "40,000", None, id="number-of-tickets-was-sport"),
    pytest.param("The death toll has climbed from 212 to 260 since Monday.", "212", "killed", id="toll-rose-from-flood"),
    pytest.param("The number of fans injured in the crush rose from 45 to 80 overnight.", "45", "injured",
                 id="number-injured-from-to-stadium"),
    pytest.param("Two more deaths overnight brought the total recorded by the hospitals to 61.", "61", "killed",
                 id="deaths-bring-the-total-heat"),
    pytest.param("New wins brought the total for the season to 21.", "21", None, id="wins-bring-the-total-sport"),
    pytest.param("The number of casualties in the province since the rains began on March 3 has reached 95 people.",
                 "95", "casualties", id="threshold-after-a-date-flood"),
    pytest.param("Twelve deaths were confirmed, and the number of injured nears 300, the mayor said.", "300", "injured",
                 id="threshold-nearest-tally-blast"),
    pytest.param("Analysts think the survey covers between 40% and 60% of the real number of dead.", "40%", "killed",
                 id="share-of-number-of-dead-war"),
    pytest.param("Scientists said the death toll was between 2,000 and 3,500 after the earthquake.", "2,000", "killed",
                 id="toll-was-between-quake"),
    pytest.param("Monitors believe the death toll of the siege was between 9,000 and 12,000.", "9,000", "killed",
                 id="toll-was-between-war"),
    pytest.param("The ticket office said the number of seats sold was between 400 and 500.", "400", None,
                 id="seats-sold-was-between-sport"),
    pytest.param("Officials say the death toll is closer to 800.", "800", "killed", id="toll-is-closer-to-quake"),
    pytest.param('A spokesman said the true toll "likely lies between 12,000 and 16,000".', "12,000", "killed",
                 id="toll-lies-between-war"),
    pytest.param("Medics said the true number of injured probably lies between 80 and 90.", "80", "injured",
                 id="wounded-lies-between-bombing"),
    pytest.param("Medics said the number of wounded was close to 90 by nightfall.", "90", "injured",
                 id="wounded-was-close-to-war"),
])
def test_measure_of_a_count_given_a_value(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A noun of the event gives the measure ("the killing of"); what happened to patients beats their being patients, even
# after "reports that" and beside an injury word.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Witnesses described the killing of at least 40 villagers.", "40", "killed", id="killing-of-war"),
    pytest.param("Prosecutors detailed the killing of 11 shoppers in the mall.", "11", "killed", id="killing-of-crime"),
    pytest.param("Dozens were injured in the raid. The ministry was appalled by reports that 300 patients were shot "
                 "dead in their beds.", "300", "killed", id="patients-shot-dead-war"),
    pytest.param("Nine people were hurt in the crash. Doctors later said 4 patients had died overnight.", "4", "killed",
                 id="patients-died-crash"),
    pytest.param("Nine people were hurt in the crash. Doctors said 4 patients were in surgery.", "4", "injured",
                 id="patients-stay-injured-crash"),
])
def test_measure_of_an_event_noun_and_of_patients(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Being somewhere deploys forces, a trade counting as forces under a military modifier ("combat engineers"); forces
# offered or pledged as a verb's object are deployed, money, weapons and players are not.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The regime will send 5,000 more troops, on top of some 700 combat engineers already in the region.",
                 "700", "deployed", id="combat-engineers-already-there-war"),
    pytest.param("Washington keeps some 200 military advisers in the country.", "200", "deployed",
                 id="military-advisers-in-country-war"),
    pytest.param("After the floods the navy had 300 army doctors in the flooded region.", "300", "deployed",
                 id="army-doctors-in-delta-flood"),
    pytest.param("The software firm employs about 800 engineers in Dublin.", "800", None, id="engineers-business"),
    pytest.param("The government was ready to volunteer the 900 police officers for the mission.", "900", "deployed",
                 id="volunteer-officers-peacekeeping"),
    pytest.param("Three states have pledged 450 firefighters to fight the blaze.", "450", "deployed",
                 id="pledged-firefighters-wildfire"),
    pytest.param("The club offered 30 players new contracts.", "30", None, id="offered-players-sport"),
    pytest.param("The allies pledged 40 tanks at the summit.", "40", None, id="pledged-tanks-not-forces"),
])
def test_measure_forces_present_or_offered(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "21 more people" counts people; a coordinated verb after another figure is that figure's; a gerund the parser takes
# for an object makes no agent; the dead carried to hospital stay dead; a noun with a figure of its own is no verb's
# conjunct, nor does it take the adjective of another figure.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("At least 14 more people were hurt in crashes overnight.", "14", "injured", id="more-people-traffic"),
    pytest.param("At least 30 more soldiers have been killed since Monday.", "30", "killed", id="more-soldiers-war"),
    pytest.param("About 300 soldiers have died fighting in the east and another 1,200 have been wounded.", "300",
                 "killed", id="died-fighting-then-another-figure-war"),
    pytest.param("Some 40 miners died trying to escape and another 70 were hurt.", "40", "killed",
                 id="died-trying-then-another-figure-mine"),
    pytest.param("More than 90 dead were brought to the city's hospitals.", "90", "killed", id="dead-to-hospitals-quake"),
    pytest.param("The 12 dead were taken to a hospital in the city.", "12", "killed", id="dead-to-hospital-crime"),
    pytest.param("Police said five occupants of the vehicle had been shot.", "five", "casualties", id="occupants-shot-crime"),
    pytest.param("Soldiers shot 7 occupants of the truck at a checkpoint.", "7", "casualties", id="occupants-shot-war"),
    pytest.param("He told reporters that 300 people were dead, 500 injured and 2,000 homes damaged.", "2,000", None,
                 id="homes-damaged-after-injured-quake"),
    pytest.param("The minister told the radio that 40 people were dead, 90 injured and 600 shops destroyed.", "600",
                 None, id="shops-destroyed-after-injured-riot"),
])
def test_measure_of_more_people_and_of_their_own_predicates(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Taken "into custody" is captured, being "in custody" is not; "whose capture was announced" says what befell the noun
# (a transfer does not); a noun past another modifier's hyphens is still the one counted ("two 21-year-old men").
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Officers took three armed men into custody after the shooting.", "three", "captured",
                 id="took-into-custody-crime"),
    pytest.param("Border guards took 26 fighters into custody near the bridge.", "26", "captured",
                 id="took-into-custody-war"),
    pytest.param("One man was in custody in connection with the robbery.", "One", None, id="in-custody-is-no-capture"),
    pytest.param("A video shows the two soldiers, whose capture was announced on Sunday.", "two", "captured",
                 id="whose-capture-war"),
    pytest.param("The four climbers, whose deaths were confirmed on Monday, had set out on Friday.", "four", "killed",
                 id="whose-deaths-mountain"),
    pytest.param("The five players, whose transfer was announced on Friday, arrived on Sunday.", "five", None,
                 id="whose-transfer-sport"),
    pytest.param("Two 19-year-old men were taken to Mercy Hospital with gunshot wounds.", "Two", "injured",
                 id="age-modifier-hospital-crime"),
    pytest.param("Three 12-year-old pupils were rushed to a hospital after the roof fell.", "Three", "injured",
                 id="age-modifier-hospital-disaster"),
])
def test_measure_custody_whose_and_hyphened_modifiers(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


def test_counted_noun_past_an_age_modifier(figure_of):
    assert figure_of("Two 19-year-old men were taken to Mercy Hospital.", "Two").counted.text.endswith("men")


# A date is no place: "officers said on Sunday" places no forces.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Nine people were found dead — two officers said on Sunday.", "two", None, id="on-sunday-crime"),
    pytest.param("Three firefighters spoke to reporters on Monday.", "Three", None, id="on-monday-fire"),
    pytest.param("Three firefighters stayed on the scene overnight.", "Three", "deployed", id="on-the-scene-still-fire"),
])
def test_measure_a_date_places_no_forces(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "Gunshot victims" are people shot (casualties unless the sentence says more); a verb right before the figure is the
# verb it is the object of, even when the parser hangs it on the subject (a headline-like lead).
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Parade shooting: 1 confirmed dead, 2 detained, 19 gunshot victims per city police", "19", "casualties",
                 id="gunshot-victims-headline-crime"),
    pytest.param("Doctors said 3 gunshot victims were in critical condition.", "3", "injured",
                 id="gunshot-victims-critical-crime"),
    pytest.param("Suspected drone strikes killed at least six people in the port city, the interior ministry said.",
                 "six", "killed", id="verb-before-figure-war"),
    pytest.param("Suspected gas blasts injured at least nine people in the old town, the fire service said.", "nine",
                 "injured", id="verb-before-figure-blast"),
])
def test_measure_gunshot_victims_and_a_verb_right_before(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A count of operations is no count of people, even in a paragraph about the wounded; a verb whose object was lost to a
# photo caption's name still has a figure of its own.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Dozens were wounded in the strike. Every year, around 6,000 surgeries are carried out at the clinic.",
                 "6,000", None, id="surgeries-war"),
    pytest.param("Nine people were hurt in the crash. The trauma unit performs 900 operations a year.", "900", None,
                 id="operations-crash"),
    pytest.param("Nine people were hurt in the crash. Three patients were having surgery on Sunday night.", "Three",
                 "injured", id="patients-in-surgery-still-injured-crash"),
    pytest.param("The scene after a bus overturned in Leeds, trapping six people and injuring another 30 John Smith/PA",
                 "six", None, id="trapping-then-injuring-caption"),
])
def test_measure_operations_and_a_caption_object(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Patients and admissions are injured after an attack or a disaster ("treated in hospital", GUIDELINES.md), not cases of
# a disease.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Hospitals logged 450 admissions in the two days after the flood.", "450", "injured",
                 id="admissions-after-flood"),
    pytest.param("Health officials said about 2,300 heat-related admissions were recorded during the heatwave.", "2,300",
                 "injured", id="heat-related-admissions-heatwave"),
    pytest.param("The field hospital treated 70 patients on the day of the airstrike.", "70", "injured",
                 id="patients-airstrike-war"),
    pytest.param("The charity's clinics have treated 930 suspected cases of cholera at two field hospitals.", "930", None,
                 id="disease-cases-at-hospitals-outbreak"),
    pytest.param("The clinic has seen 300 patients with measles since March.", "300", None, id="patients-disease"),
])
def test_measure_of_care_after_an_attack_or_disaster(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A deployment is of people, forces or machines sent to work: aid lorries carrying goods, weather stations and weapons
# that struck somewhere are not deployed.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("At least 20 people were killed and 90 wounded when two missiles hit a crowded market in the border town "
                 "of Kessa on Monday.", "two", None, id="missiles-hit-market-in-town-war"),
    pytest.param("The agency would send 15 trucks carrying rice to the flooded valley.", "15", None,
                 id="aid-trucks-sent-flood"),
    pytest.param("Across the region, more than 150 stations have logged rainfall above 100mm.", "150", None,
                 id="weather-stations-storm"),
    pytest.param("The government will send 40 rescuers to the flooded valley.", "40", "deployed", id="rescuers-sent-flood"),
    pytest.param("Russia has 40 tanks in the Kursk region.", "40", "deployed", id="tanks-in-region-war"),
    pytest.param("Some 80 diggers have been dispatched to the village to reach the trapped boy.", "80", "deployed",
                 id="machines-sent-to-work-rescue"),
])
def test_measure_a_deployment_needs_people_or_forces(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# People coordinated with a toll noun that has its own figure share its measure; things do not; 'deceased' is killed.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The fighting has caused at least 300 civilian deaths and dozens of soldiers.", "dozens", "killed",
                 id="deaths-and-soldiers-war"),
    pytest.param("The mine collapse has caused at least 40 deaths and dozens of miners.", "dozens", "killed",
                 id="deaths-and-miners-mine"),
    pytest.param("The quake caused 300 deaths and 3,000 collapsed homes.", "3,000", None, id="deaths-and-homes-quake"),
    pytest.param("The rebels say the number of deceased includes 900 army troops.", "900", "killed",
                 id="number-of-deceased-includes-war"),
])
def test_measure_beside_a_toll_and_the_deceased(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Heat illness is an injury, and makes "treated" a care word for the people treated.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Authorities said they had treated more than 1,500 pilgrims suffering from heat stress.", "1,500",
                 "injured", id="treated-heat-stress-pilgrimage"),
    pytest.param("Medics treated 340 runners for heat exhaustion at the finish line.", "340", "injured",
                 id="treated-heat-exhaustion-sport"),
    pytest.param("The new clinic will treat 300 patients a week from June.", "300", None, id="treat-without-illness"),
])
def test_measure_heat_illness(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Forces listed in the 'of' phrase of a fighting body fight alongside it: deployed with no deployment verb.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Goma fell after the defeat of a coalition of the Rwandan militia from the hills, 10,000 Burundian forces, "
                 "1,600 European mercenaries, and SADC troops.", "1,600", "deployed", id="coalition-list-war"),
    pytest.param("The rebels beat a coalition of government troops, 4,000 allied fighters and 900 foreign mercenaries.",
                 "900", "deployed", id="coalition-and-war"),
    pytest.param("An alliance of 300 volunteers, 40 firefighters and army engineers cleared the debris after the quake.",
                 "40", "deployed", id="alliance-of-responders-quake"),
    pytest.param("The government is a coalition of 12 parties.", "12", None, id="coalition-of-parties-politics"),
])
def test_forces_listed_in_a_coalition_are_deployed(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A figure's 'up to' parsed as the verb's preposition still leaves the verb governing it; a noun coordinated with the
# noun of the figure before, counting people, forces or materiel, shares what befell or moved the first.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The alliance said it would send up to 1,500 soldiers and four air-defence batteries.", "1,500", "deployed",
                 id="send-up-to-war"),
    pytest.param("The alliance said it would send up to 1,500 soldiers and four air-defence batteries.", "four", "deployed",
                 id="send-and-batteries-war"),
    pytest.param("The ministry gave the number of dead at 41,200, including 11,400 children and 7,900 women.", "7,900",
                 "killed", id="including-children-and-women-war"),
    pytest.param("Police detained 14 protesters and 3 journalists outside the court.", "3", "captured",
                 id="protesters-and-journalists-crime"),
])
def test_measure_through_a_parsed_bound_and_a_coordinated_noun(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Forces with no deployment word: the size a clause gives a force, and forces doing their work, are deployed.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("A further 1,200 soldiers arrived overnight, bringing the allied contingent to about 4,500.", "4,500",
                 "deployed", id="bringing-the-contingent-to-war"),
    pytest.param("The ministry puts the contingent at about 4,500, the agency says up to 7,000.", "4,500", "deployed",
                 id="puts-the-contingent-at-war"),
    pytest.param("The peacekeeping force grew to 3,000 last year.", "3,000", "deployed", id="force-grew-to-war"),
    pytest.param("More than 250 rescue personnel are working around the clock at the collapsed tower.", "250", "deployed",
                 id="personnel-working-collapse"),
    pytest.param("Around 600 soldiers and volunteers now work in shifts to clear the mud.", "600", "deployed",
                 id="soldiers-work-in-shifts-landslide"),
    pytest.param("The price of a ticket rose to 40 last year.", "40", None, id="price-rose-to-business"),
    pytest.param("About 40 staff work at the bakery.", "40", None, id="staff-work-at-business"),
])
def test_forces_sized_or_on_duty_are_deployed(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# The forces a sent unit is made of, a force's new size in a noun phrase, the forces that back a deployment, and a part
# of them ("of them") are deployed.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The General Staff has sent two reserve brigades, comprising around 6,000 servicemen, to the front.",
                 "6,000", "deployed", id="comprising-servicemen-war"),
    pytest.param("The ministry dispatched three battalions, comprising some 2,000 soldiers, to the coast.", "2,000",
                 "deployed", id="comprising-soldiers-coast-war"),
    pytest.param("The ministry dispatched three battalions to the coast.", "three", "deployed", id="battalions-sent-war"),
    pytest.param("The army has moved 10,000 more troops to the border, bringing its grouping there to upwards of 80,000 "
                 "personnel.", "80,000", "deployed", id="grouping-to-personnel-war"),
    pytest.param("More than 1,500 firefighters have been deployed, supported by 18 helicopters, said Ana Ruiz of the fire "
                 "service.", "18", "deployed", id="supported-by-helicopters-wildfire"),
    pytest.param("More than 1,500 firefighters have been deployed, supported by 18 helicopters, said Ana Ruiz of the fire "
                 "service. About 300 of them arrived overnight from other states.", "300", "deployed",
                 id="of-them-arrived-wildfire"),
    pytest.param("The club's squad, comprising 25 players, flew to Madrid.", "25", None, id="comprising-players-sport"),
])
def test_forces_comprised_backing_or_grown_are_deployed(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "as" gives the verb's object a role; the word after it is the object's measure.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The provincial government lists 112 people as missing after the landslide.", "112", "missing",
                 id="lists-as-missing-landslide"),
    pytest.param("Police listed 12 people as dead after the shooting at the fair.", "12", "killed", id="listed-as-dead-crime"),
    pytest.param("The club listed 12 players as available for the final.", "12", None, id="listed-as-available-sport"),
])
def test_measure_of_the_role_after_as(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# 'martyrs' are the dead; prisoners exchanged or swapped are no longer held.
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param('"Among the martyrs are six children and three police officers," the spokesman said.', "six", "killed",
                 id="among-the-martyrs-bombing"),
    pytest.param("The militia said 14 martyrs fell in the clashes near the border.", "14", "killed", id="martyrs-fell-war"),
    pytest.param("The ministry says 410 prisoners in total were exchanged, 205 from each side.", "410", None,
                 id="prisoners-exchanged-war"),
    pytest.param("The two gangs swapped 9 hostages at the border crossing.", "9", None, id="hostages-swapped-crime"),
    pytest.param("Rebels captured 30 soldiers near the river, the army said.", "30", "captured", id="captured-stays-war"),
])
def test_martyrs_and_exchanged_prisoners(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A figure in quotation marks still follows the count that a preposition gives its value ("put the number ... at")
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param('After the mudslide the mayor put the number still missing at "nearly 60".', "60", "missing",
                 id="quoted-missing-disaster"),
    pytest.param("The union put the number of injured workers at 'about 40' after the warehouse fire.", "40", "injured",
                 id="quoted-injured-industry"),
    pytest.param('A rebel commander put the number of soldiers killed in the ambush at "more than 90".', "90", "killed",
                 id="quoted-killed-war"),
])
def test_measure_of_quoted_figure_after_a_count(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A status noun whose own adjective is an event says what befell them: "dead hostages" are killed, not casualties
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The militia put the number of dead hostages at 23 after the raid on its camp.", "23", "killed",
                 id="dead-hostages-war"),
    pytest.param("Pirates said the number of wounded captives had reached 7 by Monday.", "7", "injured",
                 id="wounded-captives-piracy"),
    pytest.param("The gang put the number of hostages killed or wounded at 11.", "11", "casualties",
                 id="killed-or-wounded-still-combine-crime"),
])
def test_measure_of_status_noun_with_an_event_adjective(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# "Lose" said of kin tells a death: killed; forces that are lost stay casualties, and games lost are no people
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Neighbours who lost four relatives in the mudslide gathered at the church.", "four", "killed",
                 id="relatives-lost-disaster"),
    pytest.param('"Six of the last nine children we lost had no access to a clinic," the nurse said.', "Six", "killed",
                 id="children-we-lost-epidemic"),
    pytest.param("A fisherman who lost two sons in the storm spoke at the inquiry.", "two", "killed", id="sons-lost-storm"),
    pytest.param("The battalion lost 120 soldiers in the first week of the offensive.", "120", "casualties",
                 id="forces-lost-stay-casualties-war"),
    pytest.param("The club lost three games in a row before the break.", "three", None, id="games-lost-sport"),
])
def test_measure_kin_lost_is_killed(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A headline's "N shot" (the parser reads "shot" as a noun the figure counts) is the event: casualties unless the
# headline says more; "one shot" is a shot fired
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Four shot, one fatally, near Riverside skate park; suspect at large", "Four", "casualties",
                 id="headline-share-fatally-crime"),
    pytest.param("Seven shot, two fatally, as gunmen storm village checkpoint", "Seven", "casualties",
                 id="headline-share-fatally-war"),
    pytest.param("Two shot dead outside nightclub in the harbour district", "Two", "killed", id="headline-shot-dead-crime"),
    pytest.param("The hunter fired one shot into the air to scare the bear.", "one", None, id="one-shot-fired-outdoors"),
])
def test_measure_headline_shot(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Forces "in place" are where they were sent: deployed; stewards or measures in place are no forces
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The alliance said 4,000 soldiers were in place along the eastern flank.", "4,000", "deployed",
                 id="soldiers-in-place-war"),
    pytest.param("About 800 firefighters are now in place around the burning forest.", "800", "deployed",
                 id="firefighters-in-place-wildfire"),
    pytest.param("Organisers said 300 stewards would be in place at the stadium gates.", "300", None, id="stewards-sport"),
    pytest.param("The council has 40 measures in place to cut waste.", "40", None, id="measures-politics"),
])
def test_measure_forces_in_place(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# People never (or not yet) accounted for, or who never came back, are missing, also as the 'of' phrase of a list's names and in a verb
# coordinated in their relative clause; people who have been accounted for are not
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Four climbers have not been accounted for since the avalanche.", "Four", "missing",
                 id="not-accounted-for-avalanche"),
    pytest.param("The coastguard said 23 sailors were yet to be accounted for.", "23", "missing", id="yet-to-be-shipwreck"),
    pytest.param("The families' group keeps 31 names of people who have never been accounted for.", "31", "missing",
                 id="names-of-people-disappearances"),
    pytest.param("Villagers listed 14 names of men who were taken to the border and have never been accounted for.", "14",
                 "missing", id="coordinated-in-relative-clause-war"),
    pytest.param("Coastguards are searching for 12 divers who went out at dawn and never came back.", "12", "missing",
                 id="never-came-back-sea"),
    pytest.param("Some 14 climbers who set off on Friday have not returned, the mountain rescue said.", "14", "missing",
                 id="not-returned-mountain"),
    pytest.param("Eleven patrols failed to return to base after the sandstorm.", "Eleven", "missing",
                 id="failed-to-return-war"),
    pytest.param("The 40 guests who came to the wedding never returned the forms.", "40", None, id="returned-forms-events"),
    pytest.param("All 40 pupils have been accounted for, the school said.", "40", None, id="accounted-for-school"),
    pytest.param("The petition has 5,000 names of residents who oppose the new road.", "5,000", None,
                 id="names-of-petition-politics"),
])
def test_measure_never_accounted_for(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A verb of an event that takes no object ("die") keeps its subject's measure when the parser hangs a noun on it as
# an object; a verb that does take one ("killed 12 villagers") still says what the subject did
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Six villagers die, among them a family of three swept away in their van.", "Six", "killed",
                 id="die-among-them-flood"),
    pytest.param("Ten civilians die, among them a family of five hit by a shell in their yard.", "Ten", "killed",
                 id="die-among-them-war"),
    pytest.param("Five fans die, among them a family of four crushed at the stadium gate.", "Five", "killed",
                 id="die-among-them-stampede"),
    pytest.param("Five gunmen killed 12 villagers before dawn.", "Five", None, id="transitive-killer-crime"),
])
def test_measure_intransitive_event_keeps_its_subject(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A duration between a verb and a verb coordinated after it ("after 30 hours") is no head count of its own: the later
# verb still says what befell the figure's subject; a head count between them still keeps it for itself
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Eight sailors were pulled from the sea after 30 hours and were taken to hospital.", "Eight", "injured",
                 id="duration-between-shipwreck"),
    pytest.param("Fourteen workers were trapped for 20 hours and were later found dead.", "Fourteen", "killed",
                 id="duration-between-mining"),
    pytest.param("Rescuers freed 30 passengers and 12 were taken to hospital.", "30", None, id="head-count-between-crash"),
])
def test_measure_duration_between_coordinated_verbs(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Forces or materiel in a phrase of an accompanying word ("with", "supported by", "including") set between a deployed
# figure and their own go with the forces before; forces something acts on in such a phrase do not
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Nine foreign rescue teams, with about 410 personnel, have been deployed to the flattened suburbs.",
                 "410", "deployed", id="with-personnel-earthquake"),
    pytest.param("Some 180 firefighters, supported by 25 off-road vehicles and three aerial crews, are working through the night.",
                 "25", "deployed", id="supported-by-vehicles-wildfire"),
    pytest.param("Some 180 firefighters, supported by 25 off-road vehicles and three aerial crews, are working through the night.",
                 "three", "deployed", id="supported-by-coordinated-crews-wildfire"),
    pytest.param("The ministry said 6,000 soldiers are stationed along the border, including three tank battalions.",
                 "three", "deployed", id="including-battalions-war"),
    pytest.param("The general sent 900 soldiers into the valley, with 14 tanks destroyed by mines on the first day.",
                 "14", None, id="with-materiel-acted-on-war"),
    pytest.param("Thirty crew members were winched to safety, with six lifeboats lost in the storm.", "six", None,
                 id="with-after-no-deployment-shipwreck"),
])
def test_measure_of_forces_that_go_with_deployed_forces(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A bare count of cases (no kind of its own) counts the crime named last in its sentence or the two before; cases of
# a disease name no crime and keep no measure
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Prosecutors keep a register of abduction cases. They opened 214 cases last year.", "214", "captured",
                 id="cases-after-abduction-cases-crime"),
    pytest.param("Abductions by the militia rose sharply in the north. The monitors counted 75 cases in May alone.", "75",
                 "captured", id="cases-after-abductions-war"),
    pytest.param("In the county, homicides dropped to 31 cases in 2024.", "31", "killed", id="cases-of-homicides-local"),
    pytest.param("Clinics have confirmed 140 measles cases and two deaths. Another 35 cases were reported on Monday.", "35",
                 None, id="disease-cases-no-crime-health"),
    pytest.param("Police in the port recorded 60 kidnapping cases. The harbour saw 12 burglary cases.", "12", None,
                 id="cases-with-a-kind-of-their-own-crime"),
])
def test_measure_of_bare_cases_of_a_crime(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# Forces that take part in an exercise or an operation are deployed ("take part" is a presence phrase, and "part" no
# object they act on); people who are not forces taking part are not
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The ministry insists only 9,000 soldiers are taking part in the autumn drills.", "9,000", "deployed",
                 id="taking-part-in-drills-war"),
    pytest.param("Some 1,200 police officers will take part in the security operation for the cup final.", "1,200",
                 "deployed", id="take-part-in-operation-sport"),
    pytest.param("More than 500 students took part in the march on Friday.", "500", None, id="students-take-part-protest"),
    pytest.param("About 300 soldiers took part in the raid and 40 were killed.", "40", "killed", id="later-count-keeps-its-own-war"),
])
def test_measure_of_forces_taking_part(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A bare figure after "against" sets the count before against another value of it: the same measure
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("The mission has 23 observers stationed in the country, against more than 200 before the war.",
                 "200", "deployed", id="against-earlier-value-war"),
    pytest.param("Some 600 police officers are on duty at the carnival, against 450 last year.", "450", "deployed",
                 id="against-earlier-value-festival"),
    pytest.param("The firm sold 300 cars, against 250 a year earlier.", "250", None, id="against-no-measure-business"),
])
def test_measure_of_a_value_set_against_a_count(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure


# A people-only measure word ('fatal') said of "N of them" counts people when the pronoun stands for a counted noun
# of people or of cases of illness before it in the sentence; crashes are neither
@pytest.mark.parametrize(("text", "find", "measure"), [
    pytest.param("Clinics logged 88 measles cases in the camps over the winter, five of them fatal.", "five", "killed",
                 id="cases-of-them-fatal-health"),
    pytest.param("The brigade sent 400 soldiers to the pass and lost 60 of them.", "60", "casualties",
                 id="lost-of-them-forces-war"),
    pytest.param("The team played 30 games this season and lost 12 of them.", "12", None, id="lost-of-them-games-sport"),
    pytest.param("Police said 12 crashes were reported on the motorway, two of them fatal.", "two", None,
                 id="crashes-of-them-fatal-traffic"),
])
def test_measure_people_only_word_of_a_partitive_pronoun(figure_of, text, find, measure):
    assert figure_of(text, find).measure == measure
