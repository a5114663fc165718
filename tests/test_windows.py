"""The cheap first pass and its windows (no trained model), and both modes agreeing on the gold texts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import spacy
from conftest import GOLD, GOLD_MARK

from claimx.components.attribution import Reach
from claimx.model import Claim, Figure, TextSpan
from claimx.run.narrow import fit_claims, narrowed_doc
from claimx.run.windows import CANDIDATES_KEY, WINDOWS_KEY, WindowPlanner, cheap_pipeline, plan_windows

ROOT = Path(__file__).resolve().parent.parent
DEV_TEXTS = GOLD / "dev" / "texts"
FILLER = "The road was quiet that morning. Neighbours watched from the hill. Nobody expected the storm."


@pytest.fixture(scope="module")
def cheap():
    return cheap_pipeline()


def windowed_text(cheap, text: str) -> str:
    """The text the trained model would see, as a string."""
    doc = cheap(text)
    return narrowed_doc(spacy.blank("en").vocab, doc, WindowPlanner().plan(doc)).text


@pytest.mark.parametrize("sentence, number", [
    ("Rescuers pulled 14 people from the rubble.", "14"),
    ("The flood left thousands homeless.", "thousands"),
    ("Nearly half of the homes were lost.", "half"),
    ("The club paid £45m for the striker.", "45m"),
    ("Shares fell by three percent on Monday.", "three"),
    ("The team has won twenty-one games in a row.", "twenty-one"),
])
def test_candidates_are_what_the_figure_reader_reads(cheap, sentence, number):
    doc = cheap(sentence)
    assert any(number in s.text for s in doc.spans[CANDIDATES_KEY])


@pytest.mark.parametrize("sentence", [
    "The storm hit the coast at night.",
    "The striker signed with the club after a long summer.",
])
def test_no_candidates_without_a_number(cheap, sentence):
    doc = cheap(sentence)
    assert list(doc.spans[CANDIDATES_KEY]) == []


@pytest.mark.parametrize("sentence", ["Umpteen boats sank in the harbour.", "The league sold umpteen shirts."])
def test_a_users_number_words_reach_the_first_pass(tmp_path, sentence):
    (tmp_path / "numbers.json").write_text('{"vague": {"umpteen": 10}}', encoding="utf-8")
    doc = cheap_pipeline(lexicons=str(tmp_path))(sentence)
    assert [s.text.lower() for s in doc.spans[CANDIDATES_KEY]] == ["umpteen"]


@pytest.mark.parametrize("figure_sentence", [
    "Officials said 12 people died in the fire.",
    "The company lost $3 billion last year, its chief said.",
])
def test_window_is_the_figure_paragraph(cheap, figure_sentence):
    """Its paragraph (which the label and dash rules read), the sentence either side of the figure's in it."""
    text = f"{FILLER}\n\n{FILLER} {figure_sentence} {FILLER}\n\n{FILLER}\n"
    windows = plan_windows(text, cheap)
    assert len(windows) == 1
    start, end = windows[0]
    kept = text[start:end]
    assert kept.strip() == f"{FILLER} {figure_sentence} {FILLER}"


@pytest.mark.parametrize(("before", "figure"), [  # a wire report and a local news story, one sentence a line
    ("The boy's grandfather told a reporter the well was near the house.", "The man also said the well was 40 metres deep."),
    ("The club's treasurer spoke to the local paper after the meeting.", "Membership had fallen to 212 by the end of June."),
])
def test_a_blank_line_is_no_neighbour_sentence(cheap, before, figure):
    """Paragraphs a line each, with blank lines between: the neighbour kept is the sentence, not the blank line."""
    text = f"{FILLER}\n\n{before}\n\n{figure}\n\n{FILLER}\n"
    kept = windowed_text(cheap, text)
    assert before in kept and figure in kept


@pytest.mark.parametrize(("lead_in", "quoted"), [  # a witness's account over paragraphs; a manager's after a match
    ("Miguel John, who was on a bus, told the Standard: “The road had not been shut yet.",
     "“At first there were about six or 10 vehicles, then more arrived."),
    ("Sarah Holt runs the food bank in Leeds.", "“We fed 340 families last month, and the queue grows."),
])
def test_a_running_quotation_keeps_its_paragraphs_back_to_the_lead_in(cheap, lead_in, quoted):
    """A figure in a paragraph that opens with a quotation mark: its speaker is named in the paragraphs the
    quotation ran over or in the one that led into it, however far they are from a number."""
    middle = "“It was obvious it was very serious, with so many police around.\n\n“Nobody could get through the cordon."
    text = f"{FILLER} {FILLER}\n\n{lead_in}\n\n{middle}\n\n{quoted}\n\n{FILLER}\n"
    kept = windowed_text(cheap, text)
    assert lead_in in kept and "Nobody could get through" in kept and quoted in kept
    assert "Neighbours watched" not in kept


@pytest.mark.parametrize("text", [
    "Five people died. Two more were hurt. 300 homes burnt.",
    "The club scored 3 goals in 90 minutes.",
])
def test_dense_text_is_one_window(cheap, text):
    assert plan_windows(text, cheap) == [(0, len(text))]


@pytest.mark.parametrize("quote", [
    "“The water rose fast. We lost everything. Forty homes are gone,”",
    "“The season was hard. The fans stayed loyal. We sold 20,000 tickets,”",
])
def test_a_quotation_keeps_where_it_opens(cheap, quote):
    text = f"{FILLER} {FILLER}\n\nThe mayor spoke. {quote} she said.\n\n{FILLER}\n"
    kept = windowed_text(cheap, text)
    assert "The mayor spoke." in kept and quote.split(".")[0] in kept


@pytest.mark.parametrize("opening, figure", [
    ("Maria Lopez runs the shelter.", "She said 40 families arrived."),
    ("Tom Baker coaches the side.", "He said the team trains 6 days a week."),
])
def test_a_pronoun_keeps_the_sentences_back_to_a_name(cheap, opening, figure):
    text = f"{FILLER} {opening} The weather turned. Rain came. {figure}\n"
    kept = windowed_text(cheap, text)
    assert opening in kept and figure in kept


@pytest.mark.parametrize("intro, figure", [
    ("Enio Cubillo leads the aviation authority.", "Winds reached 20 knots, Cubillo said."),
    ("Coach Dana Whitfield joined in May.", "The side lost 3 matches, Whitfield said."),
    ("Terry McAuliffe runs the fund.", "Returns rose 4 percent, McAuliffe said."),
])
def test_a_surname_keeps_the_sentence_with_the_full_name(cheap, intro, figure):
    text = f"{intro}\n\n{FILLER}\n\n{FILLER}\n\n{FILLER}\n\n{figure}\n"
    kept = windowed_text(cheap, text)
    assert intro in kept and figure in kept
    assert kept.count("Nobody expected the storm.") < text.count("Nobody expected the storm.")


@pytest.mark.parametrize("definition, use", [
    ("The National Weather Service (NWS) issued a warning.", "The NWS counted 7 tornadoes."),
    ("The Premier Football League (PFL) met on Friday.", "The PFL fined the club 2 points."),
])
def test_an_acronym_definition_is_kept(cheap, definition, use):
    text = f"{definition} {FILLER} {FILLER} {use}\n"
    assert definition in windowed_text(cheap, text)


def test_narrowed_doc_keeps_offsets_and_quotes(cheap):
    text = f"{FILLER} He shouted “run” twice.\n\n{FILLER}\n\n{FILLER} 12 people died. {FILLER}\n\n{FILLER}\n"
    doc = cheap(text)
    windows = WindowPlanner().plan(doc)
    narrow = narrowed_doc(doc.vocab, doc, windows)
    assert len(narrow.text) == len(text)
    assert len(narrow) < len(doc)
    for start, end in windows:
        assert narrow.text[start:end] == text[start:end]
    outside = "".join(ch for i, ch in enumerate(text) if not any(s <= i < e for s, e in windows))
    kept_outside = "".join(ch for i, ch in enumerate(narrow.text) if not any(s <= i < e for s, e in windows))
    assert kept_outside.replace(" ", "").replace("\n", "") == "“”" and "“run”" in outside


def test_fit_claims_trims_a_span_that_runs_into_a_gap():
    vocab = spacy.blank("en").vocab
    text = "12 people died.\n" + " " * 30
    doc = spacy.tokens.Doc(vocab, words=["12", "people", "died", ".", "\n", " " * 30], spaces=[True, True, False, False, False, False])
    doc.user_data[WINDOWS_KEY] = [(0, 16)]
    fig = Figure(text="12", start=0, end=2, value=12, low=None, high=None, bound="exact", unit=None)
    claim = Claim(doc="t", figure=fig, sentence=TextSpan(text=text, start=0, end=len(text)))
    fitted = fit_claims([claim], doc)[0]
    assert (fitted.sentence.end, fitted.sentence.text) == (16, "12 people died.\n")
    assert fitted.figure == fig


def test_narrower_reads_with_the_pipelines_words_and_leaves_it_as_it_was():
    from claimx.run.narrow import Narrower

    nlp = spacy.blank("en")
    nlp.add_pipe("claimx")
    parts = list(nlp.get_pipe("claimx").parts)
    first, second = Narrower(nlp), Narrower(nlp)
    assert nlp.get_pipe("claimx").parts == parts
    assert first.cheap.get_pipe("claimx_candidates").reader is parts[0].reader is second.cheap.get_pipe("claimx_candidates").reader


def _claims(nlp, paths, full_parse):
    from claimx.read.io import Document, read_inputs
    from claimx.run.pipeline import extract_documents

    docs = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]
    return {d.name: [dataclasses.asdict(c) for c in cs] for d, cs in extract_documents(nlp, docs, full_parse=full_parse)}


@GOLD_MARK
@pytest.mark.parametrize("folder", [DEV_TEXTS, ROOT / "seeds", GOLD / "polnear" / "dev" / "texts"], ids=["dev", "seeds", "polnear-dev"])
def test_windowed_and_full_parse_give_the_same_claims(nlp, folder):
    """The windows keep all the attribution rules read (the reach table) and every sentence that names again what a
    kept one names (actor ids), so a windowed run gives the full parse's claims, every field of every one."""
    full = _claims(nlp, [folder], full_parse=True)
    assert len(full) >= 5 and sum(map(len, full.values())) > 40
    assert _claims(nlp, [folder], full_parse=False) == full


# -- the reach table: what the planner keeps because a strategy reads it -------------------------------------

def test_every_strategy_has_a_row_in_the_reach_table():
    from claimx.components.attribution import REACH, AttributionFinder

    assert {s.__name__ for s in AttributionFinder.STRATEGIES} | {"pronoun"} == set(REACH)


@pytest.mark.parametrize(("rows", "expected"), [
    ([Reach(paragraph=True), Reach(paragraphs_after=3)], Reach(paragraph=True, paragraphs_after=3)),
    ([Reach(sentences_before=2), Reach(sentences_before=1, next_sentence=True)], Reach(sentences_before=2, next_sentence=True)),
    ([], Reach()),
])
def test_combined_reach_is_the_furthest_of_each(rows, expected):
    from claimx.components.attribution.reach import combined

    assert combined(rows) == expected


def kept_with(cheap, text: str, reach) -> str:
    doc = cheap(text)
    return narrowed_doc(spacy.blank("en").vocab, doc, WindowPlanner().plan(doc, reach)).text


@pytest.mark.parametrize("paragraph", [  # a headline's closing label; a match report's paragraph closed by a dash
    "Floods cut off 40 villages in the north. Roads were shut. Bridges went under. Rescue teams waited: state governor",
    "The side conceded 3 goals before half-time. The crowd went quiet. The bench stood up. Nobody moved - the coach said",
])
def test_the_whole_paragraph_is_kept_when_a_rule_reads_it(cheap, paragraph):
    text = f"{FILLER} {FILLER}\n\n{paragraph}\n\n{FILLER} {FILLER}\n"
    last = paragraph.split(". ")[-1]
    assert last in kept_with(cheap, text, Reach(paragraph=True))
    assert last not in kept_with(cheap, text, Reach())


@pytest.mark.parametrize(("opened", "closed"), [  # a rescuer's account over paragraphs; a shop owner's
    ("“We pulled 14 people out of the water before midnight.", "“The current was too strong for the boats,” the crew chief added."),
    ("“Takings fell by 30 percent after the road works began.", "“Customers simply stopped coming,” the baker told reporters."),
])
def test_the_paragraphs_on_to_where_an_open_quotation_closes_are_kept(cheap, opened, closed):
    middle = "“Everyone was shouting across the bank."
    text = f"{FILLER} {FILLER}\n\n{opened}\n\n{middle}\n\n{closed}\n\n{FILLER} {FILLER}\n"
    kept = kept_with(cheap, text, Reach(paragraphs_after=3))
    assert middle in kept and closed in kept and kept.count("Neighbours watched") < text.count("Neighbours watched")
    assert closed not in kept_with(cheap, text, Reach())


@pytest.mark.parametrize("labels", [("HOST", "MAYOR"), ("ANCHOR", "MINISTER")])
def test_transcript_labels_are_kept_where_they_are_counted(cheap, labels):
    first, second = labels
    text = (f"{first}: Welcome back to the programme.\n\n{FILLER} {FILLER}\n\n{second}: Thank you for having me.\n\n"
            f"{FILLER} {FILLER}\n\n{first}: How many were hurt?\n\n{second}: About 20 people, we think.\n")
    kept = kept_with(cheap, text, Reach(transcript_labels=True))
    assert f"{first}: Welcome back" in kept and f"{second}: Thank you" in kept
    assert f"{first}: Welcome back" not in kept_with(cheap, text, Reach())


@pytest.mark.parametrize(("named", "figure"), [  # an actor's id is the name its mentions most often give
    ("Rescuers from the Red Crescent reached the valley late.", "The Red Crescent counted 35 injured."),
    ("Fans of Rovers United sang all night.", "Rovers United sold 9,000 tickets."),
])
def test_a_sentence_naming_again_what_a_kept_one_names_is_kept(cheap, named, figure):
    text = f"{named}\n\n{FILLER}\n\n{FILLER}\n\n{FILLER}\n\n{figure}\n"
    kept = windowed_text(cheap, text)
    assert named in kept and figure in kept and kept.count("Neighbours watched") < text.count("Neighbours watched")


@pytest.mark.parametrize(("sentence", "norm"), [("They met at three o’clock sharp.", "o'clock"),
                                                 ("We’re 3 points clear of the pack.", "are")])
def test_narrowed_doc_keeps_the_tokenizers_norms(cheap, sentence, norm):
    """The model reads a token's norm: a tokenizer exception's own ('o’clock' -> "o'clock") must survive."""
    doc = cheap(f"{sentence} {FILLER}")
    narrow = narrowed_doc(spacy.blank("en").vocab, doc, [(0, len(sentence))])
    assert [t.norm_ for t in narrow[:len(cheap(sentence))]] == [t.norm_ for t in cheap(sentence)]
    assert norm in [t.norm_ for t in narrow]
