"""Loaders for the labelled text sets: ConfliBERT CAMEO pentaclass and actor-role spans, AG News.

ConfliBERT `cameo_class/*.tsv`: `sentence<TAB>label`, CRLF line ends, label 0-4 = the CAMEO
pentaclass (see `tacitus.eval.metrics.PENTACLASS`). `cameo_ner/*.txt`: one `token TAG` per line,
a blank line between sentences, BIO tags over S (source), T (target) and R (a reciprocal
participant: both source and target of a symmetric event such as a meeting). AG News
`test.csv`: `class,title,description`, class 1-4 = World, Sports, Business, Sci/Tech.

Only test splits measure; the `*_train` loaders exist for later learning and are named so.
"""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import InputError

AGNEWS_CLASSES = {1: "World", 2: "Sports", 3: "Business", 4: "Sci/Tech"}
BIO_LABELS = ("S", "T", "R")

# Tokens glued to the previous token / next token when the NER token list is turned back into
# text; everything else is separated by one space.
_NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "”"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "€", "£", "“"}
_APOSTROPHES = {"'", "’", "´"}
_AG_ENTITY = re.compile(r"\s?(?<!&)(#\d+|quot|amp|lt|gt);")


@dataclass(slots=True)
class LabeledSentence:
    text: str
    label: int


@dataclass(slots=True)
class Span:
    """A labelled run of tokens [start, end) with its character offsets in `SpanSentence.text`."""

    label: str
    start: int
    end: int
    char_start: int
    char_end: int


@dataclass(slots=True)
class SpanSentence:
    """A tokenised sentence with one BIO tag per token; `text` and `offsets` are derived."""

    tokens: list[str]
    tags: list[str]
    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.tokens) != len(self.tags):
            raise ValueError(f"{len(self.tokens)} tokens but {len(self.tags)} tags")
        if not self.offsets:
            self.text, self.offsets = detokenize(self.tokens)

    def spans(self) -> list[Span]:
        return [
            Span(label, start, end, self.offsets[start][0], self.offsets[end - 1][1])
            for label, start, end in bio_spans(self.tags)
        ]


@dataclass(slots=True)
class NewsItem:
    label: int  # 1-4, see AGNEWS_CLASSES
    title: str
    text: str  # the description

    @property
    def label_name(self) -> str:
        return AGNEWS_CLASSES[self.label]

    @property
    def full_text(self) -> str:
        """Title and description as one text, a blank line between them like paragraphs."""
        return f"{self.title}\n\n{self.text}" if self.title else self.text


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into readable text ("Moscow’s", "said."), keeping each token's offsets.

    The coder sees prose rather than "Moscow ’ s", yet every token keeps an exact char span.
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, tok in enumerate(tokens):
        glue = i == 0 or tok in _NO_SPACE_BEFORE or tokens[i - 1] in _NO_SPACE_AFTER
        glue = glue or tok in _APOSTROPHES and i + 1 < len(tokens) and tokens[i + 1] == "s"
        glue = glue or tok == "s" and tokens[i - 1] in _APOSTROPHES
        if not glue:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), offsets


def bio_spans(tags: list[str]) -> list[tuple[str, int, int]]:
    """(label, start, end) token spans from BIO tags; a stray I- starts a new span."""
    spans: list[tuple[str, int, int]] = []
    label, start = None, 0
    for i, tag in enumerate([*tags, "O"]):
        kind, _, name = tag.partition("-")
        continues = kind == "I" and name == label
        if label is not None and not continues:
            spans.append((label, start, i))
            label = None
        if kind in ("B", "I") and not continues:
            label, start = name, i
    return spans


def _lines(path: Path) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "file not found") from None
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not UTF-8 text ({err.reason} at byte {err.start})") from None


def load_cameo_class(path: Path) -> list[LabeledSentence]:
    """Read a ConfliBERT `cameo_class` TSV split: one `sentence<TAB>label` per line."""
    rows = []
    for n, line in enumerate(_lines(path), 1):
        if not line.strip():
            continue
        text, tab, label = line.rpartition("\t")
        if not tab or label.strip() not in {"0", "1", "2", "3", "4"}:
            raise InputError(str(path), "expected 'sentence<TAB>label' with label 0-4", f"line {n}")
        rows.append(LabeledSentence(text.strip(), int(label)))
    return rows


def load_cameo_ner(path: Path) -> list[SpanSentence]:
    """Read a ConfliBERT `cameo_ner` split: `token TAG` lines, blank line between sentences."""
    sentences: list[SpanSentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for n, line in enumerate([*_lines(path), ""], 1):
        if not line.strip():
            if tokens:
                sentences.append(SpanSentence(tokens, tags))
            tokens, tags = [], []
            continue
        token, _, tag = line.rstrip().rpartition(" ")
        if not token or not re.fullmatch(r"O|[BI]-[STR]", tag):
            problem = "expected 'token TAG' with TAG O or B-/I- S, T, R"
            raise InputError(str(path), problem, f"line {n}")
        tokens.append(token)
        tags.append(tag)
    return sentences


def _clean_agnews(raw: str) -> str:
    """AG News escapes: '\\' is a line break; entities lost their '&' to a space (' #36;' is
    '$', ' quot;' is '"'); some descriptions carry HTML tags."""
    text = _AG_ENTITY.sub(lambda m: html.unescape(f"&{m.group(1)};"), raw.replace("\\", " "))
    text = re.sub(r"</?[A-Za-z][^<>]*>", " ", html.unescape(text))
    return re.sub(r"\s+", " ", text).strip()


def load_agnews(path: Path) -> list[NewsItem]:
    """Read AG News `test.csv` (class, title, description); escapes are undone."""
    lines = _lines(path)
    items = []
    for n, row in enumerate(csv.reader(io.StringIO("\n".join(lines))), 1):
        if len(row) != 3 or row[0] not in {"1", "2", "3", "4"}:
            problem = "expected 3 columns: class 1-4, title, description"
            raise InputError(str(path), problem, f"row {n}")
        items.append(NewsItem(int(row[0]), _clean_agnews(row[1]), _clean_agnews(row[2])))
    return items


def cameo_class_test(reference_dir: Path) -> list[LabeledSentence]:
    return load_cameo_class(Path(reference_dir) / "ConfliBERT" / "cameo_class" / "test.tsv")


def cameo_class_train(reference_dir: Path) -> list[LabeledSentence]:
    """Training split: for learning only, never for measuring."""
    return load_cameo_class(Path(reference_dir) / "ConfliBERT" / "cameo_class" / "train.tsv")


def cameo_ner_test(reference_dir: Path) -> list[SpanSentence]:
    return load_cameo_ner(Path(reference_dir) / "ConfliBERT" / "cameo_ner" / "test.txt")


def cameo_ner_train(reference_dir: Path) -> list[SpanSentence]:
    """Training split: for learning only, never for measuring."""
    return load_cameo_ner(Path(reference_dir) / "ConfliBERT" / "cameo_ner" / "train.txt")
