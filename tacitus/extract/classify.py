"""jusText, used block by block: its stopword-density and length classes, then its context pass.

Why not `justext.justext()` on a made-up HTML string: for plain text we already have the blocks,
so we build jusText's paragraphs directly (one per block, exactly as if each were an HTML <p>),
which keeps a 1:1 mapping from block to verdict and skips HTML escaping and parsing. For HTML
(the fall-back path) jusText's own DOM walk is used, so link density and headings count.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from tacitus.extract.revise import revise


@dataclass(slots=True)
class Block:
    """One paragraph-sized piece of the page and jusText's verdict on it."""

    text: str
    good: bool
    cf_class: str = ""  # jusText's context-free class: good, neargood, short or bad


class _ParagraphPath:
    """What jusText's Paragraph reads from its DOM path: every block sits in html/body/p."""

    dom = "html.body.p"
    xpath = "/html[1]/body[1]/p[1]"


def classify_texts(texts: list[str]) -> list[Block]:
    """jusText's verdict on each text block (whitespace already normalised), as if each were a
    <p> of one page."""
    paragraphs = [_text_paragraph_class()(text) for text in texts]
    _classify(paragraphs)
    return [Block(t, p.class_type == "good", p.cf_class) for t, p in zip(texts, paragraphs)]


def classify_dom(tree: Any) -> list[Block]:
    """jusText's verdict on each visible paragraph of a parsed HTML tree (lxml element)."""
    from justext.core import preprocessor

    frozen = _text_paragraph_class().freeze
    maker = _spaced_paragraph_maker()
    paragraphs = [frozen(p) for p in maker.make_paragraphs(preprocessor(tree))]
    paragraphs = [p for p in paragraphs if p.text]
    _classify(paragraphs)
    # jusText keeps a <br> as a line break inside its paragraph; a block is one normalised line.
    return [Block(" ".join(p.text.split()), p.class_type == "good", p.cf_class) for p in paragraphs]


@lru_cache(maxsize=1)
def _text_paragraph_class() -> type:
    """A jusText Paragraph over one ready-made text. jusText's own recomputes its text (a regex
    pass) on every access, which made up most of the time spent on a page."""
    from justext.paragraph import Paragraph

    class TextParagraph(Paragraph):
        def __init__(self, text: str):
            super().__init__(_ParagraphPath)
            self.text_nodes = [text]
            self._text = text

        @property
        def text(self) -> str:
            return self._text

        @classmethod
        def freeze(cls, paragraph: Paragraph) -> Paragraph:
            """The same paragraph (links, tags, DOM path) with its text computed once."""
            frozen = cls.__new__(cls)
            frozen.__dict__.update(paragraph.__dict__)
            frozen._text = paragraph.text
            return frozen

    return TextParagraph


@lru_cache(maxsize=1)
def _spaced_paragraph_maker() -> type:
    """jusText's DOM walker, keeping the whitespace between inline elements: its own drops it,
    so "<a>World</a> <a>Sport</a>" came out as "WorldSport"."""
    from justext.core import ParagraphMaker

    class SpacedParagraphMaker(ParagraphMaker):
        def characters(self, content: str) -> None:
            if content and not content.strip():
                if self.paragraph.text_nodes:
                    self.paragraph.append_text(" ")
                return
            super().characters(content)

    return SpacedParagraphMaker


def stoplist() -> frozenset[str]:
    """jusText's English stoplist, read once (get_stoplist reads the file on every call)."""
    return _stoplist()


def _classify(paragraphs: list[Any]) -> None:
    """jusText's context-free classes, then its context pass in linear time (revise.py)."""
    from justext.core import classify_paragraphs

    classify_paragraphs(paragraphs, _stoplist())
    revise(paragraphs)


@lru_cache(maxsize=1)
def _stoplist() -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist("English"))
