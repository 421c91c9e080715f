"""Precision guards: stories and sentences that must yield no political events.

Sports and entertainment copy is full of the coder's verbs ("South Korea beat Japan", "the striker
attacked"). A paragraph is skipped when it is plainly about one of these topics (judged with its
neighbours and the headline, so a news roundup keeps its political paragraphs); a sentence is
skipped when it carries a match score or several topic words, whatever the paragraph.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..errors import ConfigError
from ..records import Document, Sentence

_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,/:%-])")
_WORD = re.compile(r"[a-z][a-z-]*")
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t]*\n))*")  # a block of text between blank lines
HEADLINE_WORDS = 20


@dataclass(frozen=True, slots=True)
class Topics:
    words: dict[str, frozenset[str]]  # topic -> single words
    phrases: dict[str, tuple[str, ...]]  # topic -> multi-word phrases


@cache
def load_topics() -> Topics:
    text = resources.files("tacitus.events").joinpath("data", "offtopic.txt").read_text(encoding="utf-8")
    return parse_topics(text, "tacitus/events/data/offtopic.txt")


def parse_topics(text: str, origin: str) -> Topics:
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[str, ...]] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        topic, sep, rest = body.partition(":")
        terms = [t.strip() for t in rest.split("|") if t.strip()]
        if not sep or not topic.strip() or not terms:
            raise ConfigError(f"{origin}:{n}: expected 'TOPIC: word | word ...', got {line.strip()!r}")
        words[topic.strip()] = frozenset(t for t in terms if " " not in t)
        phrases[topic.strip()] = tuple(t for t in terms if " " in t)
    return Topics(words, phrases)


@dataclass(slots=True)
class DocumentGuard:
    topics: Topics = field(default_factory=load_topics)
    doc_threshold: int = 3  # distinct topic terms that make a whole story off-topic
    sentence_threshold: int = 2

    def topic_terms(self, text: str) -> dict[str, set[str]]:
        lower = text.lower()
        tokens = set(_WORD.findall(lower))
        found: dict[str, set[str]] = {}
        for topic, words in self.topics.words.items():
            hits = tokens & words
            hits |= {p for p in self.topics.phrases[topic] if p in lower}
            if hits:
                found[topic] = hits
        return found

    def for_document(self, doc: Document) -> "ParagraphGuard":
        """The guard's verdicts for one document's paragraphs, computed once."""
        return ParagraphGuard(self, doc)

    def offtopic(self, own: str, context: list[str]) -> bool:
        """A paragraph is off-topic when it carries a topic's words (or a score) itself and
        its context (its neighbours and the headline, or the whole story) reaches the threshold:
        "India play Afghanistan on Saturday" in a match report goes, while a news roundup keeps
        its political paragraphs, which carry no sports words of their own."""
        own_terms, own_score = self.topic_terms(own), bool(_SCORE.search(own))
        if not own_terms and not own_score:
            return False
        for text in context:
            terms, scored = self.topic_terms(text), bool(_SCORE.search(text))
            topics = set(own_terms) or set(terms)
            if any(len(terms.get(t, ())) + scored >= self.doc_threshold for t in topics):
                return True
        return False

    def skip_sentence(self, sentence: Sentence) -> bool:
        terms = self.topic_terms(sentence.text)
        scored = bool(_SCORE.search(sentence.text))
        return any(len(hits) + scored >= self.sentence_threshold for hits in terms.values())


class ParagraphGuard:
    """Which sentences of one document to skip: those in an off-topic paragraph, and those that
    are off-topic on their own. Paragraphs are the blank-line-separated blocks of the text; a
    short first block without final punctuation is the headline and joins every window."""

    def __init__(self, guard: DocumentGuard, doc: Document):
        self.guard = guard
        blocks = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(doc.text)]
        texts = [doc.text[a:b] for a, b in blocks]
        headline = doc.title or ""
        if not headline and len(texts) > 1 and _is_headline(texts[0]):
            headline = texts[0]
        self.ends = [b for _, b in blocks]
        story = "\n".join([headline, *texts])
        self.skip = [
            guard.offtopic(texts[i], ["\n".join([headline, *texts[max(0, i - 1) : i + 2]]), story])
            for i in range(len(texts))
        ]
        if 2 * sum(self.skip) > len(self.skip):  # mostly off-topic: a match report, not a roundup
            self.skip = [True] * len(self.skip)

    def __call__(self, sentence: Sentence) -> bool:
        if self.guard.skip_sentence(sentence):
            return True
        i = bisect.bisect_right(self.ends, sentence.start)
        return i < len(self.skip) and self.skip[i]


def _is_headline(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= HEADLINE_WORDS and text.rstrip()[-1:] not in ".!?\"”'’:"
