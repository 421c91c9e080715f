"""The year of an undated document, inferred from strong evidence in its text, and the event dates
that rest on it (`date_source="inferred"`). Our own sentences; the seed page is read at test time."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.dates import DateResolver, InferredYear, infer_document_year
from tacitus.events.syntax import Tree
from tacitus.extract import extract_text
from tacitus.nlp import parse
from tacitus.records import Document

UNDATED = (
    "The two Koreas met in Panmunjom on Nov. 27, 1997, for their first talks in three years. "
    "The North suffered severe floods in 1997. "
    "Last year Washington sent food aid to the North. "
    "Officials met again yesterday. "
    "The aid agency expanded its work this year. "
    "Seoul expelled two diplomats in May. "
    "Pyongyang has rejected the proposal since last year. "
    "The envoys signed a protocol."
)


def _doc(nlp, text: str, date: dt.date | None = None, dateline: str | None = None) -> Document:
    doc = Document(id=str(hash(text)), ref="t", origin="t", text=text, date=date, dateline=dateline)
    [doc.sentences] = list(parse(nlp, [text]))
    return doc


def _dates(doc: Document, base) -> list[tuple[str, str | None, str | None, str]]:
    """Each sentence's root verb and the date our resolver gives it against `base`."""
    resolver = DateResolver()
    out = []
    for sentence in doc.sentences:
        root = next(t for t in sentence.tokens if t.head == t.i)
        got = resolver.event_date(sentence, Tree.of(sentence), root.i, base)
        out.append((root.text, got.date, got.precision, got.source))
    return out


def test_a_year_named_often_enough_is_inferred(nlp):
    doc = _doc(nlp, UNDATED)
    assert infer_document_year(doc) == InferredYear(1997, "1997: 3 (1 in full dates), no later year")


def test_what_rests_on_the_inferred_year_says_so(nlp):
    doc = _doc(nlp, UNDATED)
    assert _dates(doc, infer_document_year(doc)) == [
        ("met", "1997-11-27", "day", "expression"),  # absolute: resolves as ever
        ("suffered", "1997", "year", "expression"),
        ("sent", "1996", "year", "inferred"),  # "last year" is 1996 all through 1997
        ("met", None, None, "unknown"),  # "yesterday" needs the day: unknown, never today
        ("expanded", "1997", "year", "inferred"),  # "this year"
        ("expelled", None, None, "unknown"),  # "in May" depends on the month: unknown
        ("rejected", None, None, "unknown"),  # "since last year" ends on the unknown day
        ("signed", "1997", "year", "inferred"),  # no date words: the document's year
    ]
    # without the inference the relative dates and the dateless event have no date
    assert [d[1] for d in _dates(doc, None)] == ["1997-11-27", "1997", None, None, None, None, None, None]


@pytest.mark.parametrize(
    "text,why",
    [("The accord was signed on Nov. 27, 1997. The envoys left.", "one full date alone is not enough"),
     ("Talks began in 1996 and resumed in 1997. They failed in 1996 and in 1997.", "two years tie"),
     ("Talks began in 1997. They failed in 1997. They resumed in 1997. The accord expires in 2003.",
      "a later year is named: the story may be from 2003"),
     ("About 1997 soldiers and 1997 police officers guarded 1997 polling stations.", "counts, not dates"),
     ("The envoys met yesterday. They will meet again next week.", "no year at all")],
)  # fmt: skip
def test_weak_evidence_abstains(nlp, text, why):
    assert infer_document_year(_doc(nlp, text)) is None, why


def test_a_dateline_year_is_enough_and_a_document_date_needs_nothing(nlp):
    doc = _doc(nlp, "The envoys met yesterday.", dateline="GENEVA, 1997")
    assert infer_document_year(doc) == InferredYear(1997, "dateline 'GENEVA, 1997'")
    assert infer_document_year(_doc(nlp, UNDATED, date=dt.date(1997, 11, 28))) is None
    assert infer_document_year(_doc(nlp, "The envoys met.", dateline="GENEVA, 1996-97")) is None


def test_document_date_prefers_the_document_and_remembers_the_inference(nlp):
    resolver = DateResolver()
    dated = _doc(nlp, UNDATED, date=dt.date(1997, 11, 28))
    assert resolver.document_date(dated) == dt.date(1997, 11, 28)
    undated = _doc(nlp, UNDATED)
    first = resolver.document_date(undated)
    assert first == InferredYear(1997, "1997: 3 (1 in full dates), no later year")
    undated.sentences = []  # the answer is kept for the document being coded, not recomputed
    assert resolver.document_date(undated) is first
    other = _doc(nlp, "The envoys met yesterday.")
    assert resolver.document_date(other) is None


def test_the_undated_seed_page_abstains(nlp, seeds_dir):
    path = seeds_dir / "003_477ab05b2272327f.txt"
    if not path.is_file():
        pytest.skip("seed 2 is absent")
    text = extract_text(path.read_text(encoding="utf-8")).text
    doc = _doc(nlp, text)
    # It dates one event "In 1993", names "the 1953 Armistice" and counts "Forty-three years after"
    # the Korean War: too little to say the page is from 1996, so its relative dates stay unknown.
    assert infer_document_year(doc) is None
    resolver = DateResolver()
    since = next(s for s in doc.sentences if "since last year" in s.text)
    verb = next(t.i for t in since.tokens if t.text == "been")
    assert resolver.event_date(since, Tree.of(since), verb, resolver.document_date(doc)).date is None
