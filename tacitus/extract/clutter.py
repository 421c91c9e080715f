"""Lines that are page furniture whatever their wording scores: consent notices, share buttons, menus.

Why a list of patterns on top of jusText and trafilatura: both judge a block by its statistics,
and a cookie notice is written in full sentences of common words ("We use cookies to give you
the best experience on our site"), so jusText rates it near-good and trafilatura keeps it when a
page has little else. Share-button rows and menus with separators ("Home | World | Sport") can
also slip through on small pages. These shapes are never article prose, so they are recognised
by their own words, on the whole line, and dropped on both the HTML and the plain-text path.
"""

from __future__ import annotations

import re

_MAX_NOTICE = 400  # a consent notice is a short paragraph; an article about cookie law is longer
_MAX_BUTTON_WORDS = 6

# A notice addressing the reader, at the start of its line (after at most a short lead such as
# "Your privacy matters."), so that a news sentence about cookie rules is not taken for one.
_NOTICE = re.compile(
    r"^(?:[^.!?:]{0,40}[.!?:]\s+)?(?:"
    r"(?:we|we and our partners|this (?:web)?site|our (?:web)?site|(?:this|our) (?:app|service))"
    r" (?:use|uses|store|place|set) cookies"
    r"|by (?:continuing|using|clicking)\b.{0,60}\b(?:you (?:agree|accept|consent)|cookies)"
    r"|(?:this|our) (?:web)?site (?:stores|collects|needs))",
    re.IGNORECASE,
)
# Consent buttons and links: the whole (short) line is one of these.
_BUTTON = re.compile(
    r"^(?:(?:accept|allow|reject|decline|refuse|deny)(?: all| optional| necessary| essential)?"
    r"(?: cookies)?|(?:manage|change|update|customi[sz]e|show) (?:your )?(?:cookie |privacy |consent "
    r"|ad )?(?:preferences|settings|choices|options|purposes)|cookies? (?:policy|settings|preferences"
    r"|notice|consent)|privacy (?:policy|settings|preferences)|(?:got it|ok|i agree|agree)(?:!|\.)?)$",
    re.IGNORECASE,
)

# Words a row of share buttons is made of; at least one must name a network or "share".
_SHARE_WORDS = frozenset(
    "share shares sharing on to via this story article page post tweet pin it send e-mail email mail "
    "print copy link url save bookmark comment comments whatsapp facebook twitter x linkedin reddit "
    "telegram pinterest messenger tumblr flipboard threads bluesky mastodon".split()
)
_SHARE_MARKERS = frozenset(
    "share tweet e-mail email print whatsapp facebook twitter linkedin reddit telegram pinterest "
    "messenger tumblr flipboard threads bluesky mastodon".split()
)
_WORD = re.compile(r"[\w-]+")
_MAX_SHARE_WORDS = 16

_MENU_SEPARATOR = re.compile(r"\s+[|•·»›/]\s+|\s*\|\s*")
_MENU_ITEM_WORDS = 3


def is_clutter_line(text: str) -> bool:
    """True for a consent notice, a row of share buttons or a separated menu; never for prose."""
    line = " ".join(text.split())
    if not line:
        return False
    return _is_consent(line) or _is_share_row(line) or _is_menu(line)


def _is_consent(line: str) -> bool:
    if len(line.split()) <= _MAX_BUTTON_WORDS and _BUTTON.match(line.rstrip(" .!")):
        return True
    return len(line) <= _MAX_NOTICE and _NOTICE.match(line) is not None


def _is_share_row(line: str) -> bool:
    words = [w.lower() for w in _WORD.findall(line)]
    return (
        0 < len(words) <= _MAX_SHARE_WORDS
        and all(w in _SHARE_WORDS for w in words)
        and any(w in _SHARE_MARKERS for w in words)
    )


def _is_menu(line: str) -> bool:
    """Three or more short items between separators, none of them a sentence."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    if len(items) < 3 or not all(items):
        return False
    return all(
        len(item.split()) <= _MENU_ITEM_WORDS and not item.endswith((".", "!", "?")) for item in items
    )
