"""The benchmark corpus, shared by throughput.py and memory.py.

Real wire copy when the reference data is present: the 7,600 AG News test items (2004-05), each
its title, a blank line and its description. `long=True` joins consecutive items into documents of
about 600 words, the length of a real article. Without ../shared the demo corpus stands in, so
the scripts still run (its numbers are not comparable with AG News ones).

Items reach the pipeline as RawInput records (kind "article", one ref each): no temporary files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from tacitus.eval.labeled import load_agnews
from tacitus.prepare import PrepareOptions, prepare
from tacitus.records import Document, RawInput
from tacitus.sources import read_inputs

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEMO = ROOT / "demo"
LONG_WORDS = 600


@dataclass(slots=True)
class Corpus:
    """What a benchmark feeds the pipeline, and the plain texts spaCy alone is timed on."""

    name: str  # "agnews", "agnews-long", "demo"
    inputs: list[RawInput]
    texts: list[str]  # the clean text of each input, in order

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts)


def reference_dir() -> Path | None:
    """TACITUS_REFERENCE, else ../shared/reference beside the checkout; None when absent."""
    path = Path(os.environ.get("TACITUS_REFERENCE") or DEFAULT_REFERENCE)
    return path if (path / "agnews" / "test.csv").is_file() else None


def load_corpus(limit: int | None = None, long: bool = False, copies: int = 1) -> Corpus:
    """`copies` × `limit` AG News items (all 7,600 when `limit` is None), as short items or as
    ~600-word documents. Distinct items are used while they last; past them the items come
    round again with a marker line, so that each is a new document (the pipeline would skip an
    exact repeat as a duplicate without parsing it)."""
    ref = reference_dir()
    if ref is None:
        return demo_corpus()
    items = [item.full_text for item in load_agnews(ref / "agnews" / "test.csv")]
    want = (limit if limit is not None else len(items)) * copies
    texts = _cycle(items, want)
    if long:
        texts = join_long(texts)
    name = "agnews-long" if long else "agnews"
    inputs = [RawInput(origin=name, record=f"item {i}", ref=f"{name}#{i}", kind="article", content=t)
              for i, t in enumerate(texts, 1)]
    return Corpus(name, inputs, texts)


def _cycle(items: list[str], n: int) -> list[str]:
    """The first `n` items, going round again (marked "(Round k.)") when there are fewer."""
    out = items[:n]
    rounds = 1
    while len(out) < n:
        rounds += 1
        out.extend(f"{text}\n\n(Round {rounds}.)" for text in items[: n - len(out)])
    return out


def join_long(items: list[str], words: int = LONG_WORDS) -> list[str]:
    """Consecutive items joined (blank line between) into documents of at least `words` words;
    a short remainder becomes the last document."""
    docs: list[str] = []
    current: list[str] = []
    count = 0
    for text in items:
        current.append(text)
        count += len(text.split())
        if count >= words:
            docs.append("\n\n".join(current))
            current, count = [], 0
    if current:
        docs.append("\n\n".join(current))
    return docs


def demo_corpus() -> Corpus:
    """The bundled demo stories (text, HTML, JSON Lines); spaCy alone sees their cleaned text."""
    inputs = [item for item in read_inputs([str(DEMO)]) if isinstance(item, RawInput)]
    texts = []
    for raw in inputs:
        doc = prepare(raw, PrepareOptions())
        texts.append(doc.text if isinstance(doc, Document) else "")
    return Corpus("demo", inputs, texts)
