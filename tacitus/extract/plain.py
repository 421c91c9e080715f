"""Plain-text pages: cut into blocks, let jusText judge each block, assemble the Extraction.

Why not trafilatura here: it is built for HTML and keeps a plain-text page's clutter. jusText,
fed one block per line, separates the body from page furniture well on real pages.

A block is one non-empty line, which is how pages saved as text usually come (one paragraph per
line). Hard-wrapped text (every line under ~100 characters, paragraphs running over several
lines) is first rejoined into paragraphs, or jusText would see only short fragments.
"""

from __future__ import annotations

import re

from tacitus.extract.body import assemble
from tacitus.extract.classify import classify_texts
from tacitus.records import Extraction

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufeff]")
_WRAP_MAX = 100  # a page whose longest line is longer than this is not hard-wrapped
_WRAP_FULL = 0.75  # a wrapped line fills at least this share of the wrap width ...
_WRAP_SHORT = 0.6  # ... and a line shorter than this share ends its paragraph


def extract_text(text: str) -> Extraction:
    """Body, headline, dateline and clutter of a plain-text page; Extraction(text="") if empty."""
    if not isinstance(text, str) or not text.strip():
        return Extraction(text="")
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return Extraction(text="")
    return assemble(classify_texts(paragraphs))


def split_paragraphs(text: str) -> list[str]:
    """The page's paragraphs, whitespace normalised: its non-empty lines, or rejoined lines
    when the page is hard-wrapped."""
    lines = [" ".join(_CONTROL.sub("", line).split()) for line in text.splitlines()]
    width = _wrap_width(lines)
    if width is None:
        return [line for line in lines if line]
    return _unwrap(lines, width)


def _wrap_width(lines: list[str]) -> int | None:
    """The wrap width if the page is hard-wrapped, else None.

    Hard-wrapped means: no line longer than _WRAP_MAX, and at least three times a line that
    fills the width is followed directly by another non-empty line.
    """
    width = max((len(line) for line in lines), default=0)
    if not 40 <= width <= _WRAP_MAX:
        return None
    full = width * _WRAP_FULL
    runs = sum(1 for a, b in zip(lines, lines[1:]) if len(a) >= full and b)
    return width if runs >= 3 else None


def _unwrap(lines: list[str], width: int) -> list[str]:
    """Rejoin wrapped lines: a blank line, or a line well short of the width, ends a paragraph."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines + [""]:
        if line:
            current.append(line)
        if current and (not line or len(line) < width * _WRAP_SHORT):
            paragraphs.append(_join(current))
            current = []
    return paragraphs


def _join(lines: list[str]) -> str:
    """Join wrapped lines; a line ending in a hyphen joins the next without a space."""
    out = lines[0]
    for line in lines[1:]:
        glue = "" if re.search(r"[A-Za-z]-$", out) and line[:1].islower() else " "
        out += glue + line
    return out
