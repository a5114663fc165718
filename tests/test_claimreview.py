"""ClaimReview JSON-LD for rated claims: valid by Google's required fields, built from the claim
records, and a one-line error for a bad rating file."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import stderr_lines
from typer.testing import CliRunner

from claimx.cli import app
from claimx.errors import InputError
from claimx.out.claimreview import Article, Rating, as_of_date, claim_review, claim_reviews, read_ratings
from claimx.out.database import ClaimDatabase, claim_id, document_table
from claimx.read.io import Document

runner = CliRunner()

# Google's fact-check documentation (Search Central, "Fact check (ClaimReview) structured data") marks
# these required: ClaimReview claimReviewed, reviewRating and url; the Rating's alternateName. JSON-LD
# needs the schema.org @context and the @type. The recommended fields this module writes are checked
# for their shape when present (itemReviewed a Claim, its author a Person or Organization).
GOOGLE_REQUIRED = {
    "type": "object",
    "required": ["@context", "@type", "claimReviewed", "reviewRating", "url"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "claimReviewed": {"type": "string", "minLength": 1},
        "url": {"type": "string", "pattern": "^https?://[^\\s/]+"},
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName"],
            "properties": {"@type": {"const": "Rating"}, "alternateName": {"type": "string", "minLength": 1},
                           "ratingValue": {"type": "number"}, "bestRating": {"type": "number"},
                           "worstRating": {"type": "number"}},
        },
        "author": {"$ref": "#/$defs/agent"},
        "datePublished": {"type": "string", "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$"},
        "itemReviewed": {
            "type": "object",
            "required": ["@type"],
            "properties": {
                "@type": {"const": "Claim"},
                "author": {"$ref": "#/$defs/agent"},
                "datePublished": {"type": "string", "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$"},
                "appearance": {"type": "object", "required": ["@type", "url"],
                               "properties": {"url": {"type": "string", "pattern": "^https?://"}}},
            },
        },
    },
    "$defs": {"agent": {"type": "object", "required": ["@type", "name"],
                        "properties": {"@type": {"enum": ["Person", "Organization"]}, "name": {"type": "string"}}}},
}

# Our own words: a war report and a business story.
TEXTS = {
    "front.txt": "Regional governor Petro Lysenko said 14 civilians were killed on 3 June 2024 in the shelling of the town.\n"
                 "The army said about 2,000 troops were deployed to the northern border.\n",
    "mill.txt": "Union leader Maria Evans said the paper mill would cut 450 jobs.\n",
    "vote.txt": "A lawmaker said 30 people were injured when the bridge gave way.\n",
}
URLS = {"front.txt": "https://news.example.org/front", "mill.txt": "https://news.example.org/mill",
        "vote.txt": "https://news.example.org/vote"}
DATES = {"front.txt": "2024-06-04", "mill.txt": "2024-02-20", "vote.txt": "2024-09-12"}
CHECKER = "https://checks.example.org"


@pytest.fixture(scope="module")
def claims_files(extract, tmp_path_factory):
    """The texts' claims as JSONL, and a claims database that knows the articles' addresses and dates."""
    root = tmp_path_factory.mktemp("claimreview")
    claims = {name: extract(text, name) for name, text in TEXTS.items()}
    jsonl = root / "claims.jsonl"
    jsonl.write_text("".join(json.dumps(c.to_dict()) + "\n" for cs in claims.values() for c in cs), encoding="utf-8")
    with ClaimDatabase(root / "claims.db") as db:
        for name, cs in claims.items():
            db.write(Document(name, name, TEXTS[name], date=DATES[name], url=URLS[name]), cs)
    records = [c.to_dict() for cs in claims.values() for c in cs]
    return jsonl, root / "claims.db", records


def by_figure(records: list[dict], text: str) -> dict:
    return next(r for r in records if r["figure"]["text"] == text)


def rating_rows(records: list[dict]) -> list[dict]:
    return [
        {"claim": claim_id(by_figure(records, "14")), "rating": "Accurate", "reviewer": "Example Checks",
         "url": f"{CHECKER}/shelling", "rating_value": "5", "best_rating": "5", "worst_rating": "1", "date": "2024-06-10"},
        {"claim": claim_id(by_figure(records, "450")), "rating": "Misleading", "reviewer": "Example Checks",
         "url": f"{CHECKER}/mill"},
        {"claim": claim_id(by_figure(records, "about 2,000")), "rating": "Unproven", "reviewer": "Other Checks",
         "url": f"{CHECKER}/border", "appearance": "https://radio.example.net/border"},
    ]


def write_ratings(path: Path, rows: list[dict]) -> Path:
    if path.suffix == ".csv":
        with open(path, "w", encoding="utf-8", newline="") as f:
            fields = list(dict.fromkeys(k for row in rows for k in row))
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    else:
        path.write_text(json.dumps(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".csv", ".json", ".jsonl"])
def test_claimreview_valid_by_googles_required_fields(claims_files, tmp_path, suffix):
    jsonl, db, records = claims_files
    rows = rating_rows(records)
    ratings = write_ratings(tmp_path / f"ratings{suffix}", rows)
    result = runner.invoke(app, ["claimreview", str(jsonl), "--rating", str(ratings), "--database", str(db)])
    assert result.exit_code == 0, result.output
    reviews = json.loads(result.stdout)
    assert len(reviews) == len(rows)
    for review in reviews:
        jsonschema.validate(review, GOOGLE_REQUIRED)
    assert [r["url"] for r in reviews] == [row["url"] for row in rows]
    assert [r["reviewRating"]["alternateName"] for r in reviews] == [row["rating"] for row in rows]
    assert stderr_lines(result) == []  # every claim has its date and address: nothing to warn of


def test_claimreview_fields_from_the_claim(claims_files, tmp_path):
    _, db, records = claims_files
    articles = {name: Article(**row) for name, row in document_table(db).items()}
    ratings = read_ratings(write_ratings(tmp_path / "ratings.csv", rating_rows(records)))
    before = dt.date.today()
    shelling, mill, border = claim_reviews(records, ratings, articles)
    assert shelling["claimReviewed"] == by_figure(records, "14")["sentence"]["text"].strip()
    assert shelling["itemReviewed"]["author"] == {"@type": "Person", "name": "Petro Lysenko"}
    assert shelling["itemReviewed"]["appearance"]["url"] == URLS["front.txt"]
    assert shelling["itemReviewed"]["datePublished"] == "2024-06-03"  # the sentence's own date
    assert shelling["reviewRating"] == {"@type": "Rating", "alternateName": "Accurate", "ratingValue": 5,
                                        "bestRating": 5, "worstRating": 1}
    assert shelling["author"] == {"@type": "Organization", "name": "Example Checks"}
    assert shelling["datePublished"] == "2024-06-10"
    assert mill["datePublished"] in {before.isoformat(), dt.date.today().isoformat()}  # no date in the rating: today
    assert mill["itemReviewed"]["author"]["name"] == "Maria Evans"
    assert mill["itemReviewed"]["datePublished"] == DATES["mill.txt"]  # no date in the text: the article's
    assert "author" not in border["itemReviewed"]  # "The army said": no name, no author
    assert border["itemReviewed"]["appearance"]["url"] == "https://radio.example.net/border"  # the rating's wins


@pytest.mark.parametrize(("record", "article_date", "expected"), [
    ({"as_of": {"date": "2024-05-01", "via": "text"}, "time": {"date": "2024-04-01"}}, "2024-06-01", "2024-05-01"),
    ({"time": {"date": "2024-04-01"}}, "2024-06-01", "2024-04-01"),
    ({"time": {"date": "2025-01/2025-02"}}, None, "2025-02"),
    ({"time": {"text": "last week", "date": None}}, "2024-06-01", "2024-06-01"),
    ({"time": None}, None, None),
])
def test_claimreview_date_published(record, article_date, expected):
    assert as_of_date(record, article_date) == expected


@pytest.mark.parametrize(("source", "expected"), [
    ({"name": "Petro Lysenko", "kind": "person"}, {"@type": "Person", "name": "Petro Lysenko"}),
    ({"name": "Acme Foods", "kind": "organisation"}, {"@type": "Organization", "name": "Acme Foods"}),
    ({"name": "officials", "kind": "vague"}, None),
    ({"name": "lawmaker", "kind": "vague"}, None),
    # a person the article does not name is no author: "a lawmaker", "a Ukrainian official", "the Spokesman"
    ({"name": "lawmaker", "kind": "person"}, None),
    ({"name": "Ukrainian official", "kind": "person"}, None),
    ({"name": "Spokesman", "kind": "person"}, None),
    ({"name": "Lee", "kind": "person"}, {"@type": "Person", "name": "Lee"}),
    # nor a body the article does not name: "the army", "South Korean lawmakers"
    ({"name": "army", "kind": "organisation"}, None),
    ({"name": "South Korean lawmakers", "kind": "group"}, None),
    ({"name": "Lawmakers", "kind": "group"}, None),
    ({"name": "Defence Ministry", "kind": "organisation"}, {"@type": "Organization", "name": "Defence Ministry"}),
    ({"name": "Reuters", "kind": "media"}, {"@type": "Organization", "name": "Reuters"}),
    (None, None),
])
def test_claimreview_author_of_the_claim(source, expected):
    record = {"doc": "a.txt", "figure": {"start": 0}, "source": source, "sentence": {"text": "Some 40 homes flooded."}}
    review = claim_review(record, Rating("a.txt:0", "False", "Example Checks", f"{CHECKER}/a"), Article())
    assert review["itemReviewed"].get("author") == expected
    jsonschema.validate(review, GOOGLE_REQUIRED)


def test_claimreview_unnamed_source_is_no_author(claims_files, tmp_path):
    """Extracted and rated end to end: 'A lawmaker said' gives the claim no author."""
    jsonl, db, records = claims_files
    vote = by_figure(records, "30")
    assert vote["source"]["name"] == "lawmaker"
    ratings = write_ratings(tmp_path / "r.csv", [{"claim": claim_id(vote), "rating": "False", "reviewer": "X",
                                                   "url": f"{CHECKER}/vote"}])
    result = runner.invoke(app, ["claimreview", str(jsonl), "--rating", str(ratings), "--database", str(db)])
    assert result.exit_code == 0, result.output
    (review,) = json.loads(result.stdout)
    assert "author" not in review["itemReviewed"], review["itemReviewed"]
    jsonschema.validate(review, GOOGLE_REQUIRED)


@pytest.mark.parametrize(("figure", "missing"), [
    ("14", "address"),  # its sentence gives the date; without --database no address
    ("450", "date or address"),  # no time in the text, no article date, no address
    ("about 2,000", "date"),  # the rating's appearance is its address; no date
])
def test_claimreview_warns_of_a_claim_without_date_or_address(claims_files, tmp_path, figure, missing):
    jsonl, _, records = claims_files
    rows = [r for r in rating_rows(records) if r["claim"] == claim_id(by_figure(records, figure))]
    ratings = write_ratings(tmp_path / "r.csv", rows)
    result = runner.invoke(app, ["claimreview", str(jsonl), "--rating", str(ratings)])  # no --database
    assert result.exit_code == 0, result.output
    lines = stderr_lines(result)
    assert len(lines) == 1 and lines[0].startswith(f"claimx: {rows[0]['claim']}: ") and f"no {missing} " in lines[0], lines
    assert len(json.loads(result.stdout)) == 1  # a warning, not an error: the review is written


@pytest.mark.parametrize(("date", "today", "expected"), [
    ("2024-06-10", dt.date(2025, 1, 2), "2024-06-10"),  # the rating's
    (None, dt.date(2025, 1, 2), "2025-01-02"),  # else the day it is written
])
def test_claimreview_review_date(date, today, expected):
    record = {"doc": "a.txt", "figure": {"start": 0}, "sentence": {"text": "Some 40 homes flooded."}}
    rating = Rating("a.txt:0", "False", "Example Checks", f"{CHECKER}/a", date=date)
    review = claim_review(record, rating, Article(), today=today)
    assert review["datePublished"] == expected
    jsonschema.validate(review, GOOGLE_REQUIRED)


@pytest.mark.parametrize(("name", "content", "message"), [
    ("r.csv", "claim,rating,reviewer\nfront.txt:0,False,Example Checks\n", "row 2: missing url"),
    ("r.csv", "claim,rating,reviewer,url\nfront.txt:0,,Example Checks,https://checks.example.org/a\n",
     "row 2: missing rating"),
    ("r.csv", "claim,rating,reviewer,url\nfront.txt:0,False,Example Checks,checks.example.org/a\n",
     "url must be an http(s) address"),
    ("r.csv", "claim,rating,reviewer,url,rating_value\n{id},False,X,https://checks.example.org/a,five\n",
     "rating_value must be a number"),
    ("r.csv", "claim,rating,reviewer,url\nnowhere.txt:3,False,X,https://checks.example.org/a\n",
     "nowhere.txt:3: no such claim"),
    ("r.csv", "claim,rating,reviewer,url\n", "no ratings"),
    ("r.json", "[1, 2]", "row 1: each rating must be an object"),
    ("r.jsonl", '{"claim": "{id}"}\n{oops\n', "row 2: not JSON"),
    ("missing.csv", None, "no such file"),
])
def test_claimreview_bad_rating_file_one_line(claims_files, tmp_path, name, content, message):
    jsonl, _, records = claims_files
    path = tmp_path / name
    if content is not None:
        path.write_text(content.replace("{id}", claim_id(records[0])), encoding="utf-8")
    result = runner.invoke(app, ["claimreview", str(jsonl), "--rating", str(path)])
    assert result.exit_code == 1, result.output
    lines = stderr_lines(result)
    assert len(lines) == 1 and message in lines[0], lines
    assert result.stdout == ""


def test_claimreview_read_ratings_raises_input_error(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("claim,rating\na.txt:0,False\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing reviewer, url"):
        read_ratings(path)
