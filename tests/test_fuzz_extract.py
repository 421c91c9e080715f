"""Hypothesis properties for extraction: the boilerplate classifier, extract_text, extract_article,
extract_html and dateline parsing never raise on any string, and what they return is well formed
(body paragraphs are whitespace-normalised pieces of the input, dates come with their source)."""

from __future__ import annotations

import datetime as dt
from html import escape as html_escape

from badinputs import CLUTTER_LINES, STORIES, fuzz_settings
from hypothesis import given
from hypothesis import strategies as st

from tacitus.extract import extract_article, extract_html, extract_text, parse_dateline
from tacitus.extract.classify import classify_texts
from tacitus.extract.clutter import is_clutter_line
from tacitus.extract.datelines import match_dateline_line, match_dateline_prefix
from tacitus.extract.flatten import flatten
from tacitus.extract.plain import _CONTROL
from tacitus.extract.revise import revise
from tacitus.records import Extraction

FUZZ = fuzz_settings()

SENTENCES = [p for story in STORIES.values() for p in story.split("\n\n")]
LINES = SENTENCES + CLUTTER_LINES + [
    "SEOUL, March 2, 2004 (Reuters) — ", "Thu., Nov. 27, 1997, midnight", "By Staff Writer",
    "Advertisement", "Related stories", "Click here to comment", "", "   ", "\t", "•", "| | |",
]
# Page-shaped text: lines of prose, clutter, datelines and noise in any order.
pages = st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=80)), max_size=12).map("\n".join)
any_text = st.one_of(st.text(max_size=400), pages)

TAGS = ("p div span a b i article nav footer header aside h1 h2 li ul ol table tr td script style "
        "noscript title head body html meta br img iframe svg template form button pre").split()
ATTRS = st.sampled_from(("", " class='x'", ' id="a"', " href='/n'", ' content="2004-03-02"',
                         " property='article:published_time' content='2019-05-14T08:00:00Z'",
                         " charset='utf-8'", " style='display:none'", " onload=\"x()\"", " data-x"))
SOUP = st.sampled_from(("<p>", "</p>", "<div>", "</div>", "<!--", "-->", "<![CDATA[", "]]>", "&amp;",
                        "&#x110000;", "&#0;", "&nbsp;", "&bogus;", "<?xml version='1.0'?>", "<", ">",
                        "\x00", "<!doctype html>", "<br/>", "</html>", "<script>", "</script>"))


def _element(tag_children_attrs: tuple[str, list[str], str]) -> str:
    tag, children, attrs = tag_children_attrs
    return f"<{tag}{attrs}>{''.join(children)}</{tag}>"


# A tree's text nodes are escaped, as in a real page: a raw "<" before a sentence would open a tag
# with the sentence inside it ("<p><Ghana and Togo ...", which hypothesis found). Raw markup
# soup, stray "<" included, is html_soup's.
html_trees = st.recursive(
    st.one_of(st.sampled_from(LINES), st.text(max_size=60).map(html_escape)),
    lambda inner: st.tuples(st.sampled_from(TAGS), st.lists(inner, max_size=4), ATTRS).map(_element),
    max_leaves=25,
)
html_soup = st.lists(st.one_of(SOUP, st.sampled_from(LINES), st.text(max_size=20)), max_size=30).map("".join)
any_html = st.one_of(html_trees, html_soup, st.text(max_size=300))


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _check(result: Extraction) -> None:
    """The Extraction contract: normalised paragraphs, a date only with its source, strings."""
    assert isinstance(result, Extraction)
    assert isinstance(result.text, str)
    if result.text:
        for paragraph in result.text.split("\n\n"):
            assert paragraph and paragraph == " ".join(paragraph.split())
    assert (result.date is None) == (result.date_source is None)
    assert result.date_source in (None, "dateline", "html-meta")
    assert result.date is None or isinstance(result.date, dt.date)
    for meta in (result.title, result.dateline, result.site):
        assert meta is None or isinstance(meta, str)
    assert all(isinstance(line, str) for line in result.dropped)


@FUZZ
@given(any_text)
def test_extract_text_keeps_only_pieces_of_the_page(text):
    result = extract_text(text)
    _check(result)
    page = _squeeze(_CONTROL.sub("", text))
    for paragraph in filter(None, result.text.split("\n\n")):
        assert _squeeze(paragraph) in page


@FUZZ
@given(any_text)
def test_extract_article_keeps_only_pieces_of_the_text(text):
    result = extract_article(text)
    _check(result)
    assert result.dropped == []
    for paragraph in filter(None, result.text.split("\n\n")):
        assert _squeeze(paragraph) in _squeeze(text)


@fuzz_settings(80)  # trafilatura makes this the slowest property
@given(any_html)
def test_extract_html_never_raises(html):
    _check(extract_html(html, url="https://news.example/a"))


@FUZZ
@given(st.lists(st.one_of(st.sampled_from(LINES), st.text(max_size=200)), max_size=15))
def test_classifier_gives_one_verdict_per_block(texts):
    texts = [" ".join(t.split()) for t in texts]
    blocks = classify_texts(texts)
    assert [b.text for b in blocks] == texts
    assert all(b.cf_class in ("good", "neargood", "short", "bad") and isinstance(b.good, bool)
               for b in blocks)


@FUZZ
@given(any_text)
def test_clutter_lines_are_a_yes_or_no(text):
    assert is_clutter_line(text) in (True, False)


def test_clutter_lines_and_prose_are_told_apart():
    # The menu, the consent notice and its button, the share buttons; newsletter prompts and
    # copyright lines are the tail rule's (body.py), not clutter.py's.
    assert [is_clutter_line(line) for line in CLUTTER_LINES] == [True] * 6 + [False] * 3
    assert [line for line in SENTENCES if is_clutter_line(line)] == []


@FUZZ
@given(any_html)
def test_flatten_never_raises(html):
    assert isinstance(flatten(html, max_depth=2), str)


@FUZZ
@given(html_trees)
def test_flatten_keeps_every_sentence(html):
    flat = flatten(html, max_depth=2)
    assert [s for s in SENTENCES if s in html and s not in flat] == []


@FUZZ
@given(any_text)
def test_dateline_parsing_never_raises(text):
    day = parse_dateline(text)
    assert day is None or isinstance(day, dt.date)
    found, rest = match_dateline_prefix(text)
    assert text.endswith(rest)
    if found is None:
        assert rest == text
    line = match_dateline_line(text)
    assert line is None or (line.text and (line.date is None or isinstance(line.date, dt.date)))


MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")


@FUZZ
@given(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)), st.integers(0, 3))
def test_datelines_give_back_their_date(day, form):
    month = MONTHS[day.month - 1]
    line = (f"SEOUL, {month} {day.day}, {day.year} —",
            f"{day:%a}., {month} {day.day}, {day.year}, 9:40 p.m.",
            f"{day.day} {day:%B} {day.year}",
            f"Published: {day.isoformat()}")[form]
    assert parse_dateline(line) == day, line
    if form == 0:
        found, rest = match_dateline_prefix(f"{line} {SENTENCES[0]}")
        assert found is not None and found.date == day and rest == SENTENCES[0]


class _Paragraph:
    """What jusText's context pass reads and writes on a paragraph."""

    def __init__(self, cf_class: str, heading: bool, text: str):
        self.cf_class, self.heading, self.text, self.class_type = cf_class, heading, text, ""


page_classes = st.lists(
    st.tuples(st.sampled_from(("good", "neargood", "short", "bad")), st.booleans(), st.text(max_size=90)),
    max_size=40,
)


@FUZZ
@given(page_classes)
def test_linear_context_pass_agrees_with_justext(rows):
    from justext.core import revise_paragraph_classification

    ours = [_Paragraph(*row) for row in rows]
    theirs = [_Paragraph(*row) for row in rows]
    revise(ours)
    revise_paragraph_classification(theirs)
    assert [p.class_type for p in ours] == [p.class_type for p in theirs]
