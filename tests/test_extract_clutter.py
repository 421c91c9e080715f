"""Consent notices, share buttons and menus are dropped on both paths, whatever jusText and
trafilatura make of them; a page of nothing else has no article text."""

from __future__ import annotations

from badinputs import CLUTTER_LINES, STORIES, clutter_page, page, text_page

from tacitus.extract import extract_html, extract_text
from tacitus.extract.clutter import is_clutter_line

MENU, NOTICE, BUTTON, *SHARES = CLUTTER_LINES[:6]
COPYRIGHT = CLUTTER_LINES[-1]


def test_html_page_loses_its_cookie_notice_and_menu():
    result = extract_html(page("Chile recalls envoy", STORIES["envoy"]))
    assert (result.text, result.title) == (STORIES["envoy"], "Chile recalls envoy")
    assert result.dropped == [MENU, NOTICE, COPYRIGHT]


def test_text_page_loses_its_menu_and_share_buttons():
    result = extract_text(text_page("Ghana and Togo reopen border", STORIES["border"]))
    assert (result.text, result.title) == (STORIES["border"], "Ghana and Togo reopen border")
    assert result.dropped == [MENU, *SHARES]


def test_a_page_of_clutter_has_no_article_text():
    html = extract_html(clutter_page())
    assert (html.text, html.title) == ("", "The Valley Courier")
    assert html.dropped == [MENU, NOTICE, *SHARES, *CLUTTER_LINES[6:]]
    text = extract_text("\n".join(CLUTTER_LINES))
    assert (text.text, text.dropped) == ("", CLUTTER_LINES)


def test_consent_buttons_and_notices_but_not_news_about_cookies():
    clutter = ["Accept all", "Reject all cookies", "Manage your privacy settings", "Got it!",
               "Your privacy matters. We and our partners use cookies to personalise ads.",
               "By continuing to browse this site you agree to our use of cookies.",
               "Share Tweet Email", "Facebook | Twitter | WhatsApp", "News · World · Africa · Sport"]
    news = ["Regulators ordered websites to let users reject all cookies.",
            "“We use cookies responsibly,” the company said in a statement.",
            "The two sides agree.", "Share prices fell in Tokyo on Monday.",
            "Kenya | Uganda talks end without a deal"]
    assert [line for line in clutter if not is_clutter_line(line)] == []
    assert [line for line in news if is_clutter_line(line)] == []


def test_a_newsletter_prompt_cannot_open_the_article():
    html = ("<html><body><div><p>Sign up for our newsletter</p><p>Subscribe now</p></div><article>"
            f"<p>{STORIES['cable']}</p></article></body></html>")
    assert extract_html(html).text == STORIES["cable"]
