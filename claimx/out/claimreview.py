"""ClaimReview: schema.org JSON-LD for the claims a fact-checker has rated.

A rating file names claims by id (`doc:start`, see `database.claim_id`) and gives the
verdict: `claim`, `rating` (the text shown, e.g. "False"), `reviewer` (the fact-checking
organisation) and `url` (the fact check's page); optionally `rating_value`, `best_rating`,
`worst_rating` (a numeric scale), `date` (when the fact check was published) and
`appearance` (the article's address, when the claims database does not know it). CSV with
a header row, or JSON: one array of objects, or one object a line.

Each rated claim becomes a ClaimReview whose `claimReviewed` is its sentence and whose
`itemReviewed` is a Claim with `author` (the source, a Person or an Organization; none for a
vague source or one the article does not name: "officials", "a lawmaker", "the army"),
`appearance` (the article) and `datePublished` (when the figure holds: `as_of.date`, else
the time the sentence gives, else the article's date; the end of a period). A claim left
without a date or an address is reported, one line each. The review's own `datePublished`
is the rating's `date`, else the day it is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..across.evaluate import read_jsonl
from ..data import load_lexicon
from ..errors import Errors, InputError, Warnings
from .database import claim_id, document_table

CONTEXT = "https://schema.org"
REQUIRED = ("claim", "rating", "reviewer", "url")  # the rating file's columns
NUMBERS = ("rating_value", "best_rating", "worst_rating")
OPTIONAL = (*NUMBERS, "date", "appearance")
PERSON_KINDS = frozenset({"person"})  # source kinds that are a schema.org Person; other named kinds are an Organization
NO_AUTHOR_KINDS = frozenset({"vague"})  # "reports", "officials": no one to name
ROLE_WORDS = ("person_nouns", "titles", "vague_sources")  # attribution.json's lists of words that say what a person is, not who
PERIOD_SEP = "/"  # an ISO period "2025-01/2025-02": the claim holds as of its end
URL_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class Rating:
    """A fact-checker's verdict on one claim: one row of the rating file."""

    claim: str
    rating: str
    reviewer: str
    url: str
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    date: str | None = None
    appearance: str | None = None


@dataclass(frozen=True)
class Article:
    """What the claims database knows of a document: its address and date."""

    url: str | None = None
    date: str | None = None


def reviews_from_files(claims: str | Path, ratings: str | Path, database: str | Path | None = None, *,
                       warn: Callable[[str], None] | None = None) -> list[dict[str, Any]]:
    """`claimx claimreview`: the ClaimReviews of the rated claims in a claims JSONL file.

    `database` (from `claimx extract --format sqlite`) gives the articles' addresses and dates;
    `warn` is told, one line per claim, of a review left without the claim's date or address.

    Raises:
        InputError: a file cannot be read, or the rating file is invalid (one line).
    """
    records = read_jsonl(claims)
    rated = read_ratings(ratings)
    articles = {name: Article(**row) for name, row in document_table(database).items()} if database else {}
    return claim_reviews(records, rated, articles, source=str(claims), warn=warn)


def read_ratings(path: str | Path) -> list[Rating]:
    """The rating file: CSV (by its suffix) or JSON / JSON Lines.

    Raises:
        InputError: the file cannot be read, or a row lacks a field or has a bad one (one line, naming the row).
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), Errors.E001.format(path=path)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(str(path), Errors.E007.format(path=path, err=err)) from None
    rows = _csv_rows(text) if path.suffix.lower() == ".csv" else _json_rows(text, path)
    ratings = [_rating(row, n, path) for n, row in rows]
    if not ratings:
        raise InputError(str(path), Errors.E029.format(path=path, row=1, problem="no ratings"))
    return ratings


def _csv_rows(text: str) -> list[tuple[int, dict[str, Any]]]:
    return [(n, row) for n, row in enumerate(csv.DictReader(text.splitlines()), 2)]  # row 1 is the header


def _json_rows(text: str, path: Path) -> list[tuple[int, Any]]:
    try:
        data = json.loads(text)
        return list(enumerate(data if isinstance(data, list) else [data], 1))
    except ValueError:
        pass
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                rows.append((n, json.loads(line)))
            except ValueError as err:
                raise InputError(str(path), Errors.E029.format(path=path, row=n, problem=f"not JSON ({err})")) from None
    return rows


def _rating(row: Any, n: int, path: Path) -> Rating:
    def bad(problem: str) -> InputError:
        return InputError(str(path), Errors.E029.format(path=path, row=n, problem=problem))

    if not isinstance(row, dict):
        raise bad("each rating must be an object with " + ", ".join(REQUIRED))
    fields = {k: (str(v).strip() if v is not None else "") for k, v in row.items() if k in (*REQUIRED, *OPTIONAL)}
    missing = [k for k in REQUIRED if not fields.get(k)]
    if missing:
        raise bad(f"missing {', '.join(missing)}")
    for key in ("url", "appearance"):
        if fields.get(key) and urlparse(fields[key]).scheme not in URL_SCHEMES:
            raise bad(f"{key} must be an http(s) address, not '{fields[key]}'")
    numbers = {}
    for key in NUMBERS:
        if fields.get(key):
            try:
                numbers[key] = float(fields[key])
            except ValueError:
                raise bad(f"{key} must be a number, not '{fields[key]}'") from None
    return Rating(**{k: fields[k] for k in REQUIRED}, **numbers,
                  **{k: fields[k] for k in ("date", "appearance") if fields.get(k)})


def claim_reviews(records: Iterable[dict[str, Any]], ratings: list[Rating],
                  articles: Mapping[str, Article] | None = None, *, source: str = "the claims",
                  warn: Callable[[str], None] | None = None, today: dt.date | None = None) -> list[dict[str, Any]]:
    """One ClaimReview per rating, in the rating file's order.

    Args:
        records: claim records, as `claimx extract -f jsonl` writes them.
        ratings: from `read_ratings`.
        articles: documents by name (from the claims database): the article's url and date.
        source: what the records were read from, for the message when a rating names no claim.
        warn: told (`Warnings.W008`) of each review whose claim has no date or no address.
        today: the review's date when its rating has none (default: the day it runs).

    Raises:
        InputError: a rating names a claim that is not among the records.
    """
    by_id = {claim_id(r): r for r in records}
    articles = articles or {}
    out = []
    for rating in ratings:
        record = by_id.get(rating.claim)
        if record is None:
            raise InputError(rating.claim, Errors.E030.format(claim=rating.claim, source=source))
        review = claim_review(record, rating, articles.get(record["doc"], Article()), today=today)
        missing = [what for what, key in (("date", "datePublished"), ("address", "appearance"))
                   if key not in review["itemReviewed"]]
        if missing and warn is not None:
            warn(Warnings.W008.format(claim=rating.claim, missing=" or ".join(missing)))
        out.append(review)
    return out


def claim_review(record: dict[str, Any], rating: Rating, article: Article, *, today: dt.date | None = None) -> dict[str, Any]:
    """One rated claim as a ClaimReview (a JSON-LD object with its own @context), published `rating.date` or `today`."""
    claim: dict[str, Any] = {"@type": "Claim"}
    author = _author(record.get("source"))
    if author:
        claim["author"] = author
    appearance = rating.appearance or article.url
    if appearance:
        claim["appearance"] = {"@type": "CreativeWork", "url": appearance}
    published = as_of_date(record, article.date)
    if published:
        claim["datePublished"] = published
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.rating}
    for key, prop in (("rating_value", "ratingValue"), ("best_rating", "bestRating"), ("worst_rating", "worstRating")):
        value = getattr(rating, key)
        if value is not None:
            review_rating[prop] = int(value) if value.is_integer() else value
    review: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": rating.url,
        "claimReviewed": " ".join(record["sentence"]["text"].split()),
        "author": {"@type": "Organization", "name": rating.reviewer},
        "reviewRating": review_rating,
        "itemReviewed": claim,
    }
    review["datePublished"] = rating.date or (today or dt.date.today()).isoformat()
    return review


def _author(source: dict[str, Any] | None) -> dict[str, Any] | None:
    """The claim's source as a schema.org Person or Organization; None when it names no one."""
    if not source or source.get("kind") in NO_AUTHOR_KINDS or not names_someone(source.get("name") or ""):
        return None
    return {"@type": "Person" if source.get("kind") in PERSON_KINDS else "Organization", "name": source["name"]}


def names_someone(name: str) -> bool:
    """A source is an author only when named: its last word capitalised and no role noun (singular or plural).

    'John Kirby', 'Lee', 'Acme Foods', 'Defence Ministry' name someone; 'lawmaker', 'Ukrainian
    official', 'South Korean lawmakers', 'army', 'Spokesman' say what the source is, and an
    author made of them would be invented.
    """
    words = name.split()
    if not words or not words[-1][:1].isupper():
        return False
    last = words[-1].lower()
    return last not in _role_words() and last.removesuffix("s") not in _role_words()


@functools.cache
def _role_words() -> frozenset[str]:
    lexicon = load_lexicon("attribution.json")
    return frozenset(w.lower() for key in ROLE_WORDS for w in lexicon.get(key, []))


def as_of_date(record: dict[str, Any], article_date: str | None = None) -> str | None:
    """When the claim holds: `as_of.date`, else `time.date`, else the article's date; a period's end."""
    for key in ("as_of", "time"):
        obj = record.get(key)
        if isinstance(obj, dict) and obj.get("date"):
            return str(obj["date"]).rsplit(PERIOD_SEP, 1)[-1]
    return article_date
