"""Precision guards: stories and sentences that must yield no political events.

Sports and entertainment copy is full of the coder's verbs ("South Korea beat Japan", "the striker
attacked"). A document is skipped when it is plainly about one of these topics; a sentence is
skipped when it carries a match score or several topic words, whatever the document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from ..errors import ConfigError
from ..records import Document, Sentence

_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}\s?[-–]\s?\d{1,3}(?![\d.,/:%-])")
_WORD = re.compile(r"[a-z][a-z-]*")


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

    def skip_document(self, doc: Document) -> bool:
        text = f"{doc.title or ''}\n{doc.text}"
        terms = self.topic_terms(text)
        scored = bool(_SCORE.search(text))
        return any(len(hits) + scored >= self.doc_threshold for hits in terms.values())

    def skip_sentence(self, sentence: Sentence) -> bool:
        terms = self.topic_terms(sentence.text)
        scored = bool(_SCORE.search(sentence.text))
        return any(len(hits) + scored >= self.sentence_threshold for hits in terms.values())
