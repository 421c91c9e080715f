"""Scoring primitives: P/R/F1 counts, accuracy, macro-F1, span matching, and the code mappings
(actor keys, CAMEO root -> pentaclass, PLOVER version aliases) the harness scores with.

Everything here is pure and small so the numbers in a report can be checked by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

# CAMEO root (2 digits) -> ConfliBERT pentaclass, the Phoenix data set's five-valued quad
# class: 0 statements and appeals, 1 verbal cooperation, 2 material cooperation, 3 verbal
# conflict, 4 material conflict. Unlike the four ICEWS/GDELT quad classes, 16 (reduce
# relations) is verbal conflict; the ConfliBERT labels follow that (sanctions are mostly 3).
PENTACLASS: dict[str, int] = {
    **{f"{r:02d}": 0 for r in (1, 2)},
    **{f"{r:02d}": 1 for r in (3, 4, 5)},
    **{f"{r:02d}": 2 for r in (6, 7, 8)},
    **{f"{r:02d}": 3 for r in (9, 10, 11, 12, 13, 16)},
    **{f"{r:02d}": 4 for r in (14, 15, 17, 18, 19, 20)},
}
PENTACLASS_NAMES = {
    0: "statement/appeal",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
NO_EVENT_CLASS = 0  # the neutral class: a sentence with no coded event counts as a statement

# PLOVER 0.5b1 (the GSR's version) categories that later versions renamed or merged, per the
# PLOVER manual's CAMEO translation table: a prediction in the newer name is also accepted.
PLOVER_ALIASES: dict[str, frozenset[str]] = {
    "DEMAND": frozenset({"REQUEST"}),
    "DISAPPROVE": frozenset({"ACCUSE"}),
    "INVESTIGATE": frozenset({"ACCUSE"}),
    "FIGHT": frozenset({"ASSAULT"}),
}

UNKNOWN_ACTOR = "---"
# CAMEO role and sector codes that can open an actor code when the country is unknown; such a
# code is keyed like "---REB" (the GSR's own spelling of a country-less actor).
_ROLE_CODES = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL LAB LEG HLH REF MOD RAD AGR ELI HRI "
    "IMG INS MNC NGO NGM UAF SET CHR JEW HIN BUD".split()
)


@dataclass(slots=True)
class PRF:
    """True/false positive and false negative counts, with the rates derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def detail(self) -> str:
        return f"tp={self.tp} fp={self.fp} fn={self.fn}"


def multiset_prf(gold: Iterable[Hashable], predicted: Iterable[Hashable]) -> PRF:
    """Match equal keys one-to-one: each gold item at most once, each prediction at most once.

    Because matching is equality on keys, the per-key minimum is the maximum matching.
    """
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    return PRF(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> float:
    if len(gold) != len(predicted):
        problem = f"got {len(gold)} gold and {len(predicted)} predicted labels"
        raise ValueError(f"accuracy needs equal lengths; {problem}")
    return sum(g == p for g, p in zip(gold, predicted)) / len(gold) if gold else 0.0


def per_class_prf(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> dict[Hashable, PRF]:
    """One-vs-rest counts for every class seen in gold or predictions."""
    table: dict[Hashable, PRF] = {c: PRF() for c in [*gold, *predicted]}
    for g, p in zip(gold, predicted, strict=True):
        if g == p:
            table[g].tp += 1
        else:
            table[g].fn += 1
            table[p].fp += 1
    return table


def macro_f1(
    gold: Sequence[Hashable], predicted: Sequence[Hashable], labels: Iterable[Hashable]
) -> float:
    """Unweighted mean of per-class F1 over `labels` (a class never seen scores 0)."""
    labels = list(labels)
    table = per_class_prf(gold, predicted)
    return sum(table.get(c, PRF()).f1 for c in labels) / len(labels) if labels else 0.0


def actor_key(code: str | None) -> str:
    """Country/IGO-level key of a CAMEO actor code: its first three characters.

    "USAGOV" -> "USA", "IGOUNO" -> "IGO" (every IGO collapses to one key), None or "" ->
    "---", and a code that starts with a role ("REB", "GOV") has no country -> "---".
    """
    code = (code or "").strip().upper()
    if not code or code[:3] in _ROLE_CODES:
        return UNKNOWN_ACTOR
    return code[:3]


def pentaclass(cameo_code: str | None) -> int:
    """ConfliBERT pentaclass of a CAMEO event code; no code (no event) is the neutral class 0."""
    if not cameo_code:
        return NO_EVENT_CLASS
    root = cameo_code.strip()[:2]
    if root not in PENTACLASS:
        raise ValueError(f"{cameo_code!r} is not a CAMEO event code (root must be 01-20)")
    return PENTACLASS[root]


def plover_matches(gold: str, predicted: str | None, aliases: bool = True) -> bool:
    """Same PLOVER event type, case-insensitive; with `aliases`, a later version's name counts."""
    if not predicted:
        return False
    g, p = gold.strip().upper(), predicted.strip().upper()
    return g == p or (aliases and p in PLOVER_ALIASES.get(g, frozenset()))


def is_interstate(source_country: str | None, target_country: str | None) -> bool:
    """An event between two different states: both countries set and not equal."""
    return bool(source_country and target_country and source_country != target_country)


def token_span(
    offsets: Sequence[tuple[int, int]], char_start: int, char_end: int
) -> tuple[int, int] | None:
    """The [first, last+1) tokens overlapping a char span; None when it covers no token."""
    hits = [i for i, (s, e) in enumerate(offsets) if s < char_end and char_start < e]
    return (hits[0], hits[-1] + 1) if hits else None
