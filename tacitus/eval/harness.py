"""Run a coder over the gold sets and score it: one `evaluate_*` function per task.

The coder is any callable `(text, date) -> list[Event]`, so the harness does not depend on how
events are produced. Each task returns a `TaskResult`: named metrics (with the counts behind
them), the time spent inside the coder, and the items it got wrong, gold against predicted,
so a developer can read the mistakes rather than only the score.
"""

from __future__ import annotations

import datetime as dt
import inspect
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tacitus.eval.gold import GoldEvent, GoldSentence, PloverRecord
from tacitus.eval.labeled import AGNEWS_CLASSES, LabeledSentence, NewsItem, SpanSentence
from tacitus.eval.metrics import (
    PENTACLASS_NAMES,
    PRF,
    UNKNOWN_ACTOR,
    accuracy,
    actor_key,
    is_interstate,
    macro_f1,
    multiset_prf,
    pentaclass,
    plover_matches,
    token_span,
)
from tacitus.records import Actor, Event

Coder = Callable[[str, dt.date | None], list[Event]]


@dataclass(slots=True)
class Metric:
    name: str
    value: float
    detail: str = ""  # the counts behind the value, e.g. "tp=50 fp=12 fn=30"


@dataclass(slots=True)
class ErrorCase:
    """One item the coder got wrong: what the gold says against what it produced."""

    item: str
    text: str
    gold: list[str]
    predicted: list[str]


@dataclass(slots=True)
class TaskResult:
    task: str
    items: int
    seconds: float  # wall time spent inside the coder, summed over items
    metrics: list[Metric] = field(default_factory=list)
    errors: list[ErrorCase] = field(default_factory=list)

    @property
    def ms_per_item(self) -> float:
        return 1000 * self.seconds / self.items if self.items else 0.0

    def value(self, name: str) -> float:
        for metric in self.metrics:
            if metric.name == name:
                return metric.value
        valid = ", ".join(m.name for m in self.metrics)
        raise KeyError(f"task {self.task!r} has no metric {name!r}; it has: {valid}")

    def to_json(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "items": self.items,
            "seconds": round(self.seconds, 6),
            "ms_per_item": round(self.ms_per_item, 3),
            "metrics": [
                {"name": m.name, "value": m.value, "detail": m.detail} for m in self.metrics
            ],
            "errors": [
                {"item": e.item, "text": e.text, "gold": e.gold, "predicted": e.predicted}
                for e in self.errors
            ],
        }


class _Clock:
    """Calls the coder and adds up the time spent inside it (not in loading or scoring)."""

    def __init__(self, coder: Coder):
        self.coder = coder
        self.seconds = 0.0

    def __call__(self, text: str, date: dt.date | None = None) -> list[Event]:
        start = time.perf_counter()
        events = list(self.coder(text, date))
        self.seconds += time.perf_counter() - start
        return events


def _head(items: Sequence[Any], limit: int | None) -> Sequence[Any]:
    return items if limit is None else items[: max(limit, 0)]


def _prf_metrics(prefix: str, prf: PRF) -> list[Metric]:
    detail = prf.detail()
    return [
        Metric(f"{prefix}_precision", prf.precision, detail),
        Metric(f"{prefix}_recall", prf.recall, detail),
        Metric(f"{prefix}_f1", prf.f1, detail),
    ]


def _share(name: str, hits: int, total: int) -> Metric:
    return Metric(name, hits / total if total else 0.0, f"{hits}/{total}")


def best_event(events: Sequence[Event]) -> Event | None:
    """The event a sentence-level label is read from: highest confidence, first on ties."""
    return max(events, key=lambda e: e.confidence) if events else None


def describe(event: Event) -> str:
    """'USAGOV->CHN 042' — the compact form used in error listings."""
    src = event.source.code if event.source else UNKNOWN_ACTOR
    tgt = event.target.code if event.target else UNKNOWN_ACTOR
    return f"{src}->{tgt} {event.cameo}"


def _root(event: Event) -> str:
    return (event.cameo_root or event.cameo)[:2]


def _gold_keys(events: list[GoldEvent]) -> list[tuple[str, str, str]]:
    return [(actor_key(g.source), actor_key(g.target), g.root) for g in events]


def _pred_keys(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(_actor(e.source), _actor(e.target), _root(e)) for e in events]


def _actor(actor: Actor | None) -> str:
    return actor_key(actor.code if actor else None)


def _exact_codes(gold: list[GoldEvent], gold_keys: list[tuple[str, str, str]],
                 events: list[Event], pred_keys: list[tuple[str, str, str]]) -> tuple[int, int]:
    """(matched dyads, of which the full event code is also right), within equal root keys."""
    by_key: dict[tuple[str, str, str], tuple[Counter, Counter]] = {}
    for key, g in zip(gold_keys, gold):
        by_key.setdefault(key, (Counter(), Counter()))[0][g.code] += 1
    for key, e in zip(pred_keys, events):
        if key in by_key:
            by_key[key][1][e.cameo] += 1
    matched = sum(min(sum(g.values()), sum(p.values())) for g, p in by_key.values())
    exact = sum(sum((g & p).values()) for g, p in by_key.values())
    return matched, exact


@dataclass(slots=True)
class _DyadScore:
    """Who did what to whom, summed over records: dyad+root matches at the country level, the
    exact codes of the matched dyads, and actor pairs whatever the code."""

    roots: PRF = field(default_factory=PRF)
    pairs: PRF = field(default_factory=PRF)
    matched: int = 0
    exact: int = 0

    def add(self, gold: list[GoldEvent], events: list[Event]) -> tuple[PRF, int, int]:
        """Score one record's dyadic events; returns its dyad+root PRF and (matched, exact)."""
        gold_keys, pred_keys = _gold_keys(gold), _pred_keys(events)
        prf = multiset_prf(gold_keys, pred_keys)
        self.roots.add(prf)
        self.pairs.add(multiset_prf([k[:2] for k in gold_keys], [k[:2] for k in pred_keys]))
        m, x = _exact_codes(gold, gold_keys, events, pred_keys)
        self.matched, self.exact = self.matched + m, self.exact + x
        return prf, m, x

    def metrics(self) -> list[Metric]:
        return _prf_metrics("dyad_root", self.roots) + [_share("exact_code_accuracy", self.exact, self.matched)]


def _gold_text(gold: list[GoldEvent]) -> list[str]:
    return [f"{g.source}->{g.target} {g.code}" for g in gold] or ["(no event)"]


def _strict_keys_gold(events: list[GoldEvent]) -> list[tuple[str, str, str]]:
    return [(g.source.upper(), g.target.upper(), g.code) for g in events]


def _strict_keys_pred(events: list[Event]) -> list[tuple[str, str, str]]:
    return [
        (
            e.source.code.upper() if e.source else UNKNOWN_ACTOR,
            e.target.code.upper() if e.target else UNKNOWN_ACTOR,
            e.cameo,
        )
        for e in events
    ]


def evaluate_petr2_gsr(
    coder: Coder, records: Sequence[GoldSentence], limit: int | None = None
) -> TaskResult:
    """Dyad + root P/R/F1 on the PETR2 GSR, exact-code accuracy over matched dyads, strict F1.

    A predicted event matches a gold triple when source and target agree at the country/IGO
    level (`actor_key`) and the CAMEO roots agree; each gold triple matches at most once. Records
    flagged noevents have no gold triples, so they count only through false positives. Only
    dyadic predictions (source and target both coded) are scored: the gold set codes dyads, and a
    one-sided event can neither match a triple nor be one.
    """
    clock = _Clock(coder)
    dyads, strict = _DyadScore(), PRF()
    clean = noevents = 0
    errors: list[ErrorCase] = []
    recs = _head([r for r in records if r.evaluate and not r.errors], limit)
    for rec in recs:
        events = [e for e in clock(rec.text, rec.date) if e.source and e.target]
        prf, m, x = dyads.add(rec.events, events)
        strict.add(multiset_prf(_strict_keys_gold(rec.events), _strict_keys_pred(events)))
        if not rec.events:
            noevents += 1
            clean += not events
        if prf.fp or prf.fn or x < m:
            errors.append(ErrorCase(rec.id, rec.text, _gold_text(rec.events), [describe(e) for e in events]))
    metrics = dyads.metrics()
    metrics.append(Metric("strict_f1", strict.f1, strict.detail()))
    metrics.append(_share("noevent_clean", clean, noevents))
    return TaskResult("petr2_gsr", len(recs), clock.seconds, metrics, errors)


def evaluate_plover_gsr(
    coder: Coder, records: Sequence[PloverRecord], limit: int | None = None
) -> TaskResult:
    """PLOVER event-type accuracy: the type of the best (highest-confidence) event per record.

    No event counts as wrong. `event_accuracy` accepts the later PLOVER name of a renamed
    0.5b1 category (DEMAND->REQUEST, ...); `event_accuracy_strict` does not.
    """
    clock = _Clock(coder)
    recs = _head(records, limit)
    hits = strict = covered = 0
    errors: list[ErrorCase] = []
    for rec in recs:
        best = best_event(clock(rec.text, None))
        predicted = str(best.plover.get("event", "")) if best else None
        covered += best is not None
        strict += plover_matches(rec.event, predicted, aliases=False)
        if plover_matches(rec.event, predicted):
            hits += 1
            continue
        shown = [f"{predicted or '(no type)'} ({describe(best)})"] if best else []
        errors.append(ErrorCase(rec.id, rec.text, [rec.event], shown))
    metrics = [
        _share("event_accuracy", hits, len(recs)),
        _share("event_accuracy_strict", strict, len(recs)),
        _share("coverage", covered, len(recs)),
    ]
    return TaskResult("plover_gsr", len(recs), clock.seconds, metrics, errors)


def evaluate_pentaclass(
    coder: Coder, records: Sequence[LabeledSentence], limit: int | None = None
) -> TaskResult:
    """ConfliBERT 5-class accuracy and macro-F1; class = pentaclass of the best event's root.

    A sentence with no event is predicted as class 0 (statements/appeals, the neutral class).
    """
    clock = _Clock(coder)
    recs = _head(records, limit)
    gold, predicted, errors = [], [], []
    covered = 0
    for i, rec in enumerate(recs):
        best = best_event(clock(rec.text, None))
        covered += best is not None
        label = pentaclass(best.cameo if best else None)
        gold.append(rec.label)
        predicted.append(label)
        if label != rec.label:
            why = f"({describe(best)})" if best else "(no event)"
            shown = [f"{label} {PENTACLASS_NAMES[label]} {why}"]
            wanted = [f"{rec.label} {PENTACLASS_NAMES[rec.label]}"]
            errors.append(ErrorCase(f"row {i + 1}", rec.text, wanted, shown))
    right = sum(g == p for g, p in zip(gold, predicted))
    metrics = [
        Metric("accuracy", accuracy(gold, predicted), f"{right}/{len(recs)}"),
        Metric("macro_f1", macro_f1(gold, predicted, sorted(PENTACLASS_NAMES)), "5 classes"),
        _share("coverage", covered, len(recs)),
    ]
    return TaskResult("cameo_pentaclass", len(recs), clock.seconds, metrics, errors)


def _predicted_spans(sentence: SpanSentence, events: list[Event]) -> set[tuple[str, int, int]]:
    """Source/target actor spans as token spans; a span gold marks R (reciprocal) becomes R."""
    reciprocal = {(s.start, s.end) for s in sentence.spans() if s.label == "R"}
    spans: set[tuple[str, int, int]] = set()
    for event in events:
        for label, actor in (("S", event.source), ("T", event.target)):
            tokens = token_span(sentence.offsets, *actor.span) if actor else None
            if tokens:
                spans.add(("R" if tokens in reciprocal else label, *tokens))
    return spans


def _span_texts(sentence: SpanSentence, spans: set[tuple[str, int, int]]) -> list[str]:
    ordered = sorted(spans, key=lambda s: (s[1], s[2], s[0]))
    return [f"{label}: {' '.join(sentence.tokens[start:end])}" for label, start, end in ordered]


def evaluate_cameo_ner(
    coder: Coder, records: Sequence[SpanSentence], limit: int | None = None
) -> TaskResult:
    """Source/target span F1 on ConfliBERT cameo_ner: exact token-span and role match.

    Predicted spans come from the events' actor `span`s (char offsets into the text passed in),
    mapped to the tokens they overlap. Gold R spans accept either a source or a target.
    """
    clock = _Clock(coder)
    recs = _head(records, limit)
    typed, untyped = PRF(), PRF()
    by_label = {label: PRF() for label in ("S", "T", "R")}
    errors: list[ErrorCase] = []
    for i, sent in enumerate(recs):
        gold = {(s.label, s.start, s.end) for s in sent.spans()}
        pred = _predicted_spans(sent, clock(sent.text, None))
        prf = multiset_prf(gold, pred)
        typed.add(prf)
        untyped.add(multiset_prf({g[1:] for g in gold}, {p[1:] for p in pred}))
        for label, counts in by_label.items():
            ours = {p for p in pred if p[0] == label}
            counts.add(multiset_prf({g for g in gold if g[0] == label}, ours))
        if prf.fp or prf.fn:
            wanted, got = _span_texts(sent, gold), _span_texts(sent, pred)
            errors.append(ErrorCase(f"sentence {i + 1}", sent.text, wanted, got))
    metrics = _prf_metrics("span", typed)
    for label, name in (("S", "source"), ("T", "target"), ("R", "reciprocal")):
        metrics.append(Metric(f"{name}_f1", by_label[label].f1, by_label[label].detail()))
    metrics.append(Metric("untyped_span_f1", untyped.f1, untyped.detail()))
    return TaskResult("cameo_ner", len(recs), clock.seconds, metrics, errors)


def evaluate_petr_unit(
    coder: Coder, records: Sequence[GoldSentence], limit: int | None = None, task: str = "petr_unit",
    actors: Callable[[Sequence[str]], Any] | None = None,
) -> TaskResult:
    """PETRARCH functional records: their actors are fictional (Arnor, Gondor), so who did what
    to whom can be scored only with the records' own actor dictionary.

    `actors` builds that dictionary's lexicon from the texts being scored (petr_actors.py);
    when it is given and the coder takes an `actors` keyword (as `code_text` does), every record
    is coded with it and dyad+root P/R/F1 are reported as on the PETR2 GSR (actors at the
    country level, roots of the CAMEO codes), with `exact_code_accuracy` over matched dyads, and
    `dyad_only_f1`: who acted on whom, whatever the code. The unit-test records are coded with
    PETRARCH's test verb dictionary, whose codes are often not the code book's ("postponed
    their meeting" 191), so there the actor pairs are the meaningful part.
    Always: `root_hit`, the share of coded records where some predicted event has a gold root;
    `root_f1`, event roots matched one-to-one per record; `noevent_clean`, the share of records
    with no gold event that yield none. Records the file disables, or that test error handling,
    are skipped.
    """
    recs = _head([r for r in records if r.evaluate and not r.errors], limit)
    lexicon = actors([r.text for r in recs]) if actors is not None and takes_actors(coder) else None
    clock = _Clock(coder if lexicon is None else lambda text, date: coder(text, date, actors=lexicon))
    roots, dyads = PRF(), _DyadScore()
    hits = coded = clean = empty = 0
    errors: list[ErrorCase] = []
    for rec in recs:
        events = clock(rec.text, rec.date)
        gold_roots = [g.root for g in rec.events]
        prf = multiset_prf(gold_roots, [_root(e) for e in events])
        roots.add(prf)
        dyad, _, _ = dyads.add(rec.events, [e for e in events if e.source and e.target])
        if rec.events:
            coded += 1
            hits += prf.tp > 0
        else:
            empty += 1
            clean += not events
        if prf.fp or prf.fn or (lexicon is not None and (dyad.fp or dyad.fn)):
            errors.append(ErrorCase(rec.id, rec.text, _gold_text(rec.events), [describe(e) for e in events]))
    metrics = []
    if lexicon is not None:
        metrics += dyads.metrics()
        metrics.append(Metric("dyad_only_f1", dyads.pairs.f1, dyads.pairs.detail()))
    metrics += [
        _share("root_hit", hits, coded),
        Metric("root_f1", roots.f1, roots.detail()),
        _share("noevent_clean", clean, empty),
    ]
    return TaskResult(task, len(recs), clock.seconds, metrics, errors)


def takes_actors(coder: Coder) -> bool:
    """Whether the coder accepts an `actors` keyword (an ActorLexicon to code with)."""
    try:
        return "actors" in inspect.signature(coder).parameters
    except (TypeError, ValueError):
        return False


def _slug(label: int) -> str:
    return AGNEWS_CLASSES[label].lower().replace("/", "")


def _interstate(event: Event) -> bool:
    src = event.source.country if event.source else None
    tgt = event.target.country if event.target else None
    return is_interstate(src, tgt)


def evaluate_agnews(
    coder: Coder, items: Sequence[NewsItem], limit: int | None = None
) -> TaskResult:
    """Share of AG News items (title + description) yielding any interstate event, per class.

    Sports and Sci/Tech items should rarely describe one state acting on another, so their
    share is a precision check; World is reported alongside for contrast.
    """
    clock = _Clock(coder)
    recs = _head(items, limit)
    seen: Counter[int] = Counter()
    flagged: Counter[int] = Counter()
    errors: list[ErrorCase] = []
    for i, item in enumerate(recs):
        events = clock(item.full_text, None)
        inter = [e for e in events if _interstate(e)]
        seen[item.label] += 1
        flagged[item.label] += bool(inter)
        if inter and item.label in (2, 4):
            shown = [describe(e) for e in inter]
            errors.append(ErrorCase(f"row {i + 1}", item.full_text, [item.label_name], shown))
    metrics = [_share(f"interstate_{_slug(c)}", flagged[c], seen[c]) for c in AGNEWS_CLASSES]
    metrics.append(_share("interstate_sports_scitech", flagged[2] + flagged[4], seen[2] + seen[4]))
    return TaskResult("agnews", len(recs), clock.seconds, metrics, errors)
