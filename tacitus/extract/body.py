"""From classified blocks to an Extraction: body span, tail cut-off, headline and dateline.

Both the plain-text path and the HTML fall-back hand over a page as a list of blocks (paragraph
strings, whitespace already normalised) with jusText's good/bad verdict for each. This module
decides what of that is article:

* the body starts at the first good block;
* the body ends at its last good block before the page's tail begins. The tail begins at a run
  of `TAIL_RUN` blocks that are bad or short (jusText turns short lines between two good
  paragraphs good, so three job titles before a teaser would otherwise pass), or at a short
  block that only ever ends an article (a newsletter prompt, "Click here to comment",
  "Related stories", a copyright line). Nothing after that comes back, even a teaser that
  jusText happens to score good;
* blocks before the body are headline/dateline candidates: they become `title` and `dateline`
  (metadata, kept out of both `text` and `dropped`); every other block not kept is `dropped`;
* a wire dateline opening the first body paragraph ("SEOUL, March 2 (Reuters) -") is cut off
  the body and stored as `dateline`.
"""

from __future__ import annotations

import re

from tacitus.extract.classify import Block, stoplist
from tacitus.extract.clutter import is_clutter_line
from tacitus.extract.datelines import Dateline, match_dateline_line, match_dateline_prefix
from tacitus.records import Extraction

TAIL_RUN = 3  # this many bad or short blocks in a row end the article
_WEAK = ("short", "bad")  # jusText classes that count towards a run of clutter
HEAD_SCAN = 3  # kept blocks at the top of the body that may still be a dateline line

_TAIL_MARKER = re.compile(
    r"^(?:start your day with|sign up (?:for|to)\b|subscribe (?:to|now)\b|get (?:our|the) .{0,40}"
    r"newsletter|.{0,40}\bnewsletters?$|click here to (?:comment|subscribe)|(?:leave|post|add|view"
    r"|show|read|see) (?:a |the |all )?comments?\b|\d+ comments?$|comments?(?:\s*\(\d+\))?$"
    r"|(?:related|more|latest|recommended|popular|top|trending) "
    r"(?:stories|articles|news|posts|headlines|coverage|videos)"
    r"\b|most (?:read|popular|viewed|shared|emailed)\b|you (?:may|might) (?:also )?(?:like|be "
    r"interested)|(?:copyright|\(c\)|©)\s*(?:\d{4}|the\b)|all rights reserved)",
    re.IGNORECASE,
)
# Whole lines of page furniture that may sit inside an article's body.
_FURNITURE = re.compile(
    r"^(?:advertisement|advert|sponsored|story continues below(?: advertisement)?|continue reading"
    r"(?: (?:the |this )?(?:main )?(?:story|article))?|read more"
    r"|share(?: this)?(?: story| article)?|print(?: this)?(?: page| story| article)?"
    r"|e-?mail(?: this)?(?: page| story| article| a friend)?"
    r"|tweet|(?:print|share|e-?mail)(?: this page)?(?:\s+(?:print|share|e-?mail)(?: this page)?)+"
    r")\W*$",
    re.IGNORECASE,
)
# Lines that are page furniture, never a headline.
_NOT_HEADLINE = re.compile(
    r"^(?:by|from|share|tweet|e-?mail|print|comment|follow|listen|save|subscribe|sign (?:up|in)"
    r"|log ?in|register|advertisement|click|photo|image|video|watch|read more|related|home\b)"
    r"|[|»›•©@]|https?:|\b(?:AP|AFP|Reuters|Getty) (?:Photo|Images)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)」』]*$")
_FULL_STOP = re.compile(r"\.[\"'”’)]*$")


def assemble(blocks: list[Block], title: str | None = None) -> Extraction:
    """The Extraction for a page already cut into classified blocks.

    `title`, when the caller knows it (an HTML page's metadata), replaces the headline guess;
    a block repeating it at the top is then left out of both body and clutter.
    """
    kept = _kept_flags(blocks)
    if kept is None:
        return Extraction(text="", title=title, dropped=[b.text for b in blocks])
    first = kept.index(True)
    end = max(i for i, k in enumerate(kept) if k) + 1
    meta: set[int] = set()
    dateline = _find_dateline_line(blocks, kept, end, meta)
    if dateline is not None and min(meta) > first:
        # A dateline line below kept blocks: those blocks (a long headline jusText liked) are
        # the page's header, not its body.
        for i in range(first, min(meta)):
            kept[i] = False
        first = kept.index(True)
    if title is None:
        title = _pick_title(blocks, first, meta, dateline)
    else:
        _mark_title(blocks, kept, title, meta)
    body = [b.text for i, b in enumerate(blocks) if kept[i] and i not in meta]
    prefix, body = strip_dateline_prefix(body)
    dateline = _better(dateline, prefix)
    return Extraction(
        text="\n\n".join(body),
        title=title,
        date=dateline.date if dateline else None,
        date_source="dateline" if dateline and dateline.date else None,
        dateline=dateline.text if dateline else None,
        dropped=[b.text for i, b in enumerate(blocks) if not kept[i] and i not in meta],
    )


def strip_dateline_prefix(body: list[str]) -> tuple[Dateline | None, list[str]]:
    """Cut a wire dateline off the first of the top few body paragraphs that opens with one
    (a standfirst or a stray menu word may come first); a paragraph that was only the dateline
    goes away."""
    for i, paragraph in enumerate(body[:HEAD_SCAN]):
        found, rest = match_dateline_prefix(paragraph)
        if found is not None:
            rest = rest.strip()
            return found, body[:i] + ([rest] if rest else []) + body[i + 1 :]
    return None, body


def cut_tail(paragraphs: list[str]) -> int:
    """Index where the article's tail begins in a list of kept paragraphs (len when none)."""
    for i, text in enumerate(paragraphs[1:], start=1):
        if _is_tail_marker(Block(text, True)):
            return i
    return len(paragraphs)


def _kept_flags(blocks: list[Block]) -> list[bool] | None:
    """Which blocks are body: from the first good one up to where the tail begins.

    jusText promotes a short line between two good paragraphs to good (that keeps
    subheadings), so "Advertisement" or "Comments (14)" can come back good; page furniture and
    tail markers are therefore judged on the line itself, unless it is a full paragraph.
    """
    good = [b.good and not _is_furniture(b) for b in blocks]
    if not any(good):
        good = _fallback_good(blocks)
    if not any(good):
        return None
    first = good.index(True)
    last, run = first, 0
    for i in range(first + 1, len(blocks)):
        if _is_tail_marker(blocks[i]):
            break
        if good[i] and blocks[i].cf_class not in _WEAK:
            last, run = i, 0
            continue
        if run == 0 and _is_short_sentence(blocks[i]):
            good[i] = True  # "Bolivia accused Chile of blocking its access." right after the body
            last = i
            continue
        run += 1  # bad, or short and only good by its neighbours
        if run >= TAIL_RUN:
            break
    kept = [first <= i <= last and good[i] for i in range(len(blocks))]
    _rescue_page_edges(blocks, kept, first, last)
    return kept


def _rescue_page_edges(blocks: list[Block], kept: list[bool], first: int, last: int) -> None:
    """Keep a short sentence that opens or closes the page right against the body.

    jusText drops a short first or last paragraph (nothing good on its outer side), which on a
    clean article loses the lede ("France recalled its ambassador.") or the closing sentence.
    Only the page's very first and very last block qualify, and only when they read as prose,
    so headlines, datelines, captions and page furniture further in stay out.
    """
    if (first == 1 and _is_prose(blocks[0].text) and not _NOT_HEADLINE.search(blocks[0].text)
            and not _is_furniture(blocks[0])):
        kept[0] = True
    end = len(blocks) - 1
    closing = blocks[end].text
    if (last == end - 1 and _is_prose(closing) and not _is_tail_marker(blocks[end])
            and not _is_furniture(blocks[end])):
        kept[end] = not _NOT_HEADLINE.search(closing)


def _is_furniture(block: Block) -> bool:
    """Page furniture: a short furniture line jusText did not rate good, or a consent notice,
    share row or menu (clutter.py) whatever jusText made of it."""
    if block.cf_class != "good" and _FURNITURE.match(block.text):
        return True
    return is_clutter_line(block.text)


def _is_tail_marker(block: Block) -> bool:
    return block.cf_class != "good" and is_tail_line(block.text)


def is_tail_line(text: str) -> bool:
    """A short line that only ever ends an article ("Sign up for our newsletter", "Related
    stories", a copyright line)."""
    return len(text) < 120 and bool(_TAIL_MARKER.match(text))


def _fallback_good(blocks: list[Block]) -> list[bool]:
    """For pages jusText keeps nothing of (a short brief, a single sentence): keep what reads as
    prose, so that a clean one-paragraph text is not thrown away whole."""
    usable = [not _is_furniture(b) and not _is_tail_marker(b) for b in blocks]
    near = [ok and b.cf_class in ("good", "neargood") for ok, b in zip(usable, blocks)]
    if any(near):
        return near
    return [ok and _is_prose(b.text) for ok, b in zip(usable, blocks)]


def _is_short_sentence(block: Block) -> bool:
    """A short paragraph that is a plain declarative sentence (six words or more, capitalised,
    ending in a full stop, not an ellipsis), which jusText calls short but a wire story is made of."""
    text = block.text
    return (
        len(text.split()) >= 6
        and text[:1].isupper()
        and bool(_FULL_STOP.search(text))
        and not text.rstrip("\"'”’)").endswith(("...", "…"))
        and not _NOT_HEADLINE.search(text)
        and not _is_tail_marker(block)
        and not _is_furniture(block)
    )


def _is_prose(text: str) -> bool:
    """A sentence: four words or more, ending in sentence punctuation."""
    return word_count(text) >= 4 and bool(_SENTENCE_END.search(text))


def word_count(text: str) -> int:
    """Words in a line. Scripts written without spaces (Chinese, Japanese) have no words to
    split, so there two letters of a script without case count as one word."""
    uncased = sum(1 for ch in text if ch.isalpha() and not ch.islower() and not ch.isupper())
    return max(len(text.split()), uncased // 2)


def _find_dateline_line(
    blocks: list[Block], kept: list[bool], end: int, meta: set[int]
) -> Dateline | None:
    """The first whole-line dateline before the body ends, among dropped blocks and the first
    few kept ones (jusText keeps a short line sandwiched between good paragraphs)."""
    seen_kept = 0
    for i in range(end):
        if kept[i]:
            seen_kept += 1
            if seen_kept > HEAD_SCAN:
                continue
        found = match_dateline_line(blocks[i].text)
        if found is not None:
            meta.add(i)
            return found
    return None


def _pick_title(
    blocks: list[Block], first: int, meta: set[int], dateline: Dateline | None
) -> str | None:
    """The headline among the blocks before the body; its index joins `meta`.

    With a dateline line in the header, the headline is the nearest candidate above it
    (headline, byline, dateline is the usual order); otherwise the first candidate that does
    not read like a menu of capitalised words, or else the last candidate.
    """
    candidates = [i for i in range(first) if i not in meta and _headline_like(blocks[i].text)]
    if not candidates:
        return None
    above = [i for i in candidates if dateline is not None and meta and i < min(meta)]
    plain = [i for i in candidates if not _menu_like(blocks[i].text)]
    chosen = above[-1] if above else (plain[0] if plain else candidates[-1])
    meta.add(chosen)
    return blocks[chosen].text


def _mark_title(blocks: list[Block], kept: list[bool], title: str, meta: set[int]) -> None:
    """Add to `meta` the block that repeats the known title, if one sits before the body or
    among its first few blocks."""
    seen_kept = 0
    for i, block in enumerate(blocks):
        seen_kept += kept[i]
        if seen_kept > HEAD_SCAN:
            return
        if block.text == title:
            meta.add(i)
            return


def _headline_like(text: str) -> bool:
    words = text.split()
    return (
        3 <= len(words) <= 30
        and len(text) <= 200
        and not text.endswith(".")
        and not _NOT_HEADLINE.search(text)
        and not _TAIL_MARKER.match(text)
    )


def _menu_like(text: str) -> bool:
    """A row of capitalised words with no function word ("Home News World Sport Business")."""
    words = text.split()
    if len(words) < 4 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    stop = stoplist()
    return not any(w.lower().strip(",.:;") in stop for w in words)


def _better(line: Dateline | None, prefix: Dateline | None) -> Dateline | None:
    """The dateline to report: the one that gives a date, the page's line before the prefix."""
    for found in (line, prefix):
        if found is not None and found.date is not None:
            return found
    return line or prefix
