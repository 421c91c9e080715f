"""Pages nested deeper than libxml2's limit (255) are flattened, so the article under them is
found; shallower pages are not touched."""

from __future__ import annotations

import pytest
from badinputs import STORIES, nested_page, page

from tacitus.extract import extract_html
from tacitus.extract.flatten import flatten, too_deep
from tacitus.extract.html import _parse


@pytest.mark.parametrize("depth", [10, 254, 255, 1000, 10_000])
def test_the_article_under_any_depth_is_found(depth):
    result = extract_html(nested_page(depth))
    assert result.text == STORIES["fisheries"]


def test_only_a_tree_cut_off_by_the_parser_is_too_deep():
    assert not too_deep(_parse(nested_page(200)))
    assert too_deep(_parse(nested_page(300)))
    assert not too_deep(_parse(flatten(nested_page(10_000))))


def test_shallow_markup_is_unchanged():
    html = page("Chile recalls envoy", STORIES["envoy"])
    assert flatten(html) == html


def test_deep_paragraphs_stay_paragraphs_and_scripts_stay_scripts():
    body = "<p>First paragraph.</p><p>Second <b>bold</b> paragraph.</p><script>var x = '<p>';</script>"
    html = "<div>" * 5 + body + "</div>" * 5
    assert flatten(html, max_depth=2) == (
        "<div><div><p>First paragraph.</p><p>Second bold paragraph.</p>"
        "<script>var x = '<p>';</script></div></div>"
    )
