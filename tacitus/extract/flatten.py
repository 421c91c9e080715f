"""Pages nested deeper than the HTML parser goes: flatten the markup so that no text is lost.

Why: libxml2 (under lxml, trafilatura and jusText) stops building the tree at depth 255 and
silently drops everything below, so an article wrapped in thousands of <div>s (a broken or
hostile page) would come out empty. Python's own tokenizer has no depth limit, so such a page
is rewritten with it: tags down to `MAX_DEPTH` stay as they are; below that, container and
inline tags are dropped (their text stays) and only paragraph-level tags are kept, flat, so
paragraphs still come out as paragraphs.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

from lxml import etree

_RAW_TEXT = frozenset(("script", "style"))  # elements whose content the tokenizer leaves raw
PARSER_DEPTH = 255  # libxml2's limit: a tree this deep was cut off by the parser
MAX_DEPTH = 100  # nesting kept when flattening

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Kept flat below MAX_DEPTH: paragraph-level tags, and elements whose content is not text
# (a script dropped as a tag would turn its code into text).
_BLOCKS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd blockquote pre tr td th figcaption caption br hr "
    "script style noscript template textarea title".split()
)


def too_deep(tree: etree._Element) -> bool:
    """True when the parsed tree reaches the parser's depth limit (content below it is lost)."""
    depth = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= PARSER_DEPTH:
            return True
    return False


def flatten(html: str, max_depth: int = MAX_DEPTH) -> str:
    """The page's markup with nesting below `max_depth` removed; all text is kept."""
    writer = _Flattener(max_depth)
    writer.feed(html)
    writer.close()
    return "".join(writer.out)


class _Flattener(HTMLParser):
    """Re-emits the token stream, dropping start/end tags nested deeper than `max_depth`.

    Character references are decoded by the tokenizer and text is escaped again on the way out
    (so "&Ghana" stays text); the content of script and style elements is passed through as is.
    """

    def __init__(self, max_depth: int):
        super().__init__(convert_charrefs=True)
        self.max_depth = max_depth
        self.depth = 0
        self.raw: str | None = None  # the script/style element we are inside
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _RAW_TEXT:
            self.raw = tag
        if tag in _VOID:
            if self.depth < self.max_depth or tag in _BLOCKS:
                self.out.append(self.get_starttag_text() or f"<{tag}>")
            return
        self.depth += 1
        if self.depth <= self.max_depth:
            self.out.append(self.get_starttag_text() or f"<{tag}>")
        elif tag in _BLOCKS:
            self.out.append(f"<{tag}>")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if self.depth < self.max_depth or tag in _BLOCKS:
            self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.raw:
            self.raw = None
        if tag in _VOID:
            return
        if self.depth <= self.max_depth or tag in _BLOCKS:
            self.out.append(f"</{tag}>")
        self.depth = max(self.depth - 1, 0)

    def handle_data(self, data: str) -> None:
        self.out.append(data if self.raw else escape(data, quote=False))

    def handle_comment(self, data: str) -> None:
        return None  # comments carry no article text

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        return None

    def unknown_decl(self, data: str) -> None:
        return None
