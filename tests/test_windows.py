"""The cheap first pass and its windows (no trained model), and both modes agreeing on the gold texts."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import spacy
from conftest import GOLD, GOLD_MARK

from claimx.model import Claim, Figure, TextSpan
from claimx.run.windows import CANDIDATES_KEY, WINDOWS_KEY, WindowPlanner, cheap_pipeline, fit_claims, narrowed_doc, plan_windows

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
def test_window_is_the_figure_sentence_and_its_neighbours(cheap, figure_sentence):
    text = f"{FILLER}\n\n{FILLER} {figure_sentence} {FILLER}\n\n{FILLER}\n"
    windows = plan_windows(text, cheap)
    assert len(windows) == 1
    start, end = windows[0]
    kept = text[start:end]
    assert figure_sentence in kept
    assert kept.startswith("Nobody expected the storm.") and kept.rstrip().endswith("The road was quiet that morning.")


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
    text = f"{intro} {FILLER} {FILLER} {FILLER} {figure}\n"
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
    text = f"{FILLER} He shouted “run” twice. {FILLER} {FILLER} 12 people died. {FILLER} {FILLER}\n"
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
    from claimx.run.windows import Narrower

    nlp = spacy.blank("en")
    nlp.add_pipe("claimx")
    parts = list(nlp.get_pipe("claimx").parts)
    first, second = Narrower(nlp), Narrower(nlp)
    assert nlp.get_pipe("claimx").parts == parts
    assert first.cheap.get_pipe("claimx_candidates").reader is parts[0].reader is second.cheap.get_pipe("claimx_candidates").reader


# claims that differ in any field: 6 when windows became opt-in (stop 14); 11 at stop 15, where the full parse gained
# 2 on the dev set (one speaker named three sentences back, outside the windows; claim F1 0.980 against 0.985).
# It was 11 until the windows kept the sentence beside a figure's rather than the blank line between paragraphs,
# and the paragraphs a running quotation came over.
MAX_WINDOWED_DIFFERENCES = 2


def _claims(nlp, paths, full_parse):
    from claimx.read.io import Document, read_inputs
    from claimx.run.pipeline import extract_documents

    docs = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, Document)]
    return {d.name: [dataclasses.asdict(c) for c in cs] for d, cs in extract_documents(nlp, docs, full_parse=full_parse)}


@GOLD_MARK
def test_windowed_and_full_parse_agree_on_dev_and_seeds(nlp):
    """Windowed mode (`--windows`) finds the same figures as parsing everything, and differs in no more claims
    than MAX_WINDOWED_DIFFERENCES on the dev set (in source and cue: claim F1 0.980 against 0.985; none on
    the seeds).

    Issue 10's target is equal claims; until then this floor keeps it from getting worse.
    """
    paths = [DEV_TEXTS, ROOT / "seeds"]
    full = _claims(nlp, paths, full_parse=True)
    windowed = _claims(nlp, paths, full_parse=False)
    assert len(full) >= 20 and windowed.keys() == full.keys()
    figures = {name: [c["figure"] for c in cs] for name, cs in full.items()}
    assert {name: [c["figure"] for c in cs] for name, cs in windowed.items()} == figures
    differ = [(name, a["figure"]["text"]) for name in full for a, b in zip(full[name], windowed[name], strict=True) if a != b]
    assert len(differ) <= MAX_WINDOWED_DIFFERENCES, differ
