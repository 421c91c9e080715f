"""The PETR unit-test records whose expected codes depend on the story date, and what Tacitus can
measure on them.

PETRARCH's validation actor dictionary gives some (fictional) actors date restrictions: a code that
applies before a date, after one, or between two, plus a default for the rest ("Gollum" is HOB
before 1 June 1995, HOBGOV to 15 August 1999, HOBREB after). The records that name such an actor
expect the code valid on the story date. Our coder does not know Tolkien's actors, so two things
are measured instead, both read from the reference files at eval time (nothing is copied):

* `dated_code_accuracy`: the dictionary's dated entries are loaded as a table of our own dated
  officials (tacitus/actors/officials.py), each restriction one term of office, the default
  code filling the gaps between them; every mention of such an actor is looked up on the story
  date with the rule our actor resolver applies (exactly one code in office, else none) and
  compared with the code the record expects;
* `event_date_accuracy`: the date our resolver gives the record's event (its trigger, from our
  own labels in data/petr_date_triggers.tsv) against the date we expect: the story date when
  the sentence has no date of its own ("said on Saturday" dates the saying, "five years after
  crowds trashed its embassy" is not a date), else the date its words name.

Dictionary format facts (PETRARCH's documentation): "<D" applies up to D, ">D" from D, "D1-D2"
between, all limits inclusive; a date is YYYYMMDD or YYMMDD, where YY 00-30 means 20YY; a code
with no restriction is the default; "---" is the null code (no actor).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from tacitus.actors.officials import Official, OfficialsIndex
from tacitus.errors import InputError
from tacitus.eval.gold import GoldSentence, load_petr_records
from tacitus.eval.harness import ErrorCase, Metric, TaskResult
from tacitus.eval.petr_actors import CODE_BRACKETS, NULL_CODE, read_dictionary

# The actor dictionary each records file is coded with (siblings in the reference folder).
DICTIONARIES = {
    "PETR.UnitTest.records.xml": "PETR.Validate.actors.txt",
    "PETR_Validate_records_2_02.xml": "PETR_Validate_actors_2_02.txt",
}
_WORD = re.compile(r"[a-z0-9]+(?:[-'.][a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Term:
    """One code and the stretch of time it applies to (None: open at that end)."""

    code: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True, slots=True)
class DatedActor:
    """A dictionary entry with at least one date restriction."""

    name: str  # the primary phrase, words joined by spaces: "Sam Gamgee"
    synonyms: tuple[str, ...]
    default: str | None  # the code when no restriction applies; None: no code
    terms: tuple[Term, ...]  # the dated restrictions, in file order

    @property
    def codes(self) -> set[str]:
        """Every code the entry can give, the null code left out."""
        return ({t.code for t in self.terms} | {self.default or NULL_CODE}) - {NULL_CODE}


@dataclass(frozen=True, slots=True)
class Mention:
    """A dated actor named in a record, and the code the record expects for it."""

    actor: DatedActor
    text: str  # the phrase as matched, lower case ("slinker")
    expected: str


@dataclass(slots=True)
class DateRecord:
    """A record whose expected codes depend on its story date."""

    task: str
    record: GoldSentence
    mentions: list[Mention] = field(default_factory=list)
    officials: OfficialsIndex | None = None  # the dictionary's dated entries as our table


# --- the actor dictionary -------------------------------------------------------------------


def load_dated_actors(path: Path) -> list[DatedActor]:
    """The entries of a PETRARCH actor dictionary that carry date restrictions."""
    entries = read_dictionary(path)
    return [a for a in (_actor(str(path), e.line, [_phrase(s) for s in e.synonyms], list(e.restrictions))
                        for e in entries) if a is not None]


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _actor(origin: str, line: str, synonyms: list[str], restrictions: list[str]) -> DatedActor | None:
    codes = CODE_BRACKETS.findall(line)
    name = _phrase(CODE_BRACKETS.sub("", line))
    default = codes[0].strip() if codes else None
    terms = []
    for body in restrictions:
        code, _, when = body.strip().partition(" ")
        if not when.strip():
            default = code
            continue
        term = _term(code, when.replace(" ", ""))
        if term is None:
            raise InputError(origin, f"date restriction [{body}] of {name!r} is not <D, >D or D-D")
        terms.append(term)
    if not terms or not name:
        return None
    return DatedActor(name, tuple(synonyms), default, tuple(terms))


def _term(code: str, when: str) -> Term | None:
    if m := re.fullmatch(r"<(\d{6}|\d{8})", when):
        return Term(code, None, _date(m[1]))
    if m := re.fullmatch(r">(\d{6}|\d{8})", when):
        return Term(code, _date(m[1]), None)
    if m := re.fullmatch(r"(\d{6}|\d{8})-(\d{6}|\d{8})", when):
        return Term(code, _date(m[1]), _date(m[2]))
    return None


def _date(digits: str) -> dt.date:
    """YYYYMMDD, or YYMMDD where YY 00-30 is 20YY and the rest 19YY."""
    if len(digits) == 6:
        yy = int(digits[:2])
        digits = f"{2000 + yy if yy <= 30 else 1900 + yy}{digits[2:]}"
    return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))


# --- the dictionary as a table of our dated officials --------------------------------------


def to_officials(actors: Iterable[DatedActor]) -> OfficialsIndex:
    """Each restriction one term of office; the default code fills the gaps between them (our
    table has no "default": every stretch of time is a term of its own)."""
    rows: list[Official] = []
    for actor in actors:
        terms = list(actor.terms)
        if actor.default and actor.default != NULL_CODE:
            terms += [Term(actor.default, lo, hi) for lo, hi in _gaps(actor.terms)]
        for t in terms:
            if t.code != NULL_CODE:
                start = t.start or dt.date.min
                rows.append(Official(t.code[:3], "LEAD", actor.name, actor.synonyms, start, t.end, t.code))
    return OfficialsIndex(rows)


def _gaps(terms: Sequence[Term]) -> list[tuple[dt.date | None, dt.date | None]]:
    """The stretches of time no term covers."""
    gaps: list[tuple[dt.date | None, dt.date | None]] = []
    cursor: dt.date | None = None  # the first day not yet covered; None: the beginning of time
    for t in sorted(terms, key=lambda t: t.start or dt.date.min):
        if t.start is not None and (cursor is None or t.start > cursor):
            gaps.append((cursor, t.start - dt.timedelta(days=1)))
        if t.end is None:
            return gaps
        if cursor is None or t.end >= cursor:
            cursor = t.end + dt.timedelta(days=1)
    gaps.append((cursor, None))
    return gaps


def code_on(index: OfficialsIndex, name: str, on: dt.date | None) -> str | None:
    """The rule our actor resolver applies to a bare name (resolve.py, `_known_person`): the code
    when everyone of that name in office on the date shares one code; otherwise none."""
    codes = {o.code for o in index.lookup(name, on)}
    return codes.pop() if len(codes) == 1 else None


# --- the records ----------------------------------------------------------------------------


def load_date_records(path: Path) -> list[DateRecord]:
    """The scored records of a PETR records file that name a dated actor whose code the record
    expects; the actor dictionary is read from the same folder."""
    path = Path(path)
    dictionary = path.parent / DICTIONARIES.get(path.name, "PETR.Validate.actors.txt")
    if not dictionary.is_file():
        raise InputError(str(path), f"the actor dictionary {dictionary.name} is not beside it")
    actors = load_dated_actors(dictionary)
    officials = to_officials(actors)
    task = "petr_validate" if "Validate_records" in path.name else "petr_unit"
    found = []
    for record in load_petr_records(path):
        if not record.evaluate or record.errors:
            continue
        mentions = find_mentions(record, actors)
        if mentions:
            found.append(DateRecord(task, record, mentions, officials))
    return found


def find_mentions(record: GoldSentence, actors: Iterable[DatedActor]) -> list[Mention]:
    """Dated actors named in the record (whole words, case and "_" aside) whose expected code
    is plain: exactly one of the codes the entry can give appears in the record's codings."""
    words = _WORD.findall(record.text.replace("_", " ").lower())
    gold = {code for e in record.events for code in (e.source, e.target)}
    out = []
    for actor in actors:
        expected = actor.codes & gold
        if len(expected) != 1:
            continue
        for phrase in (actor.name, *actor.synonyms):
            if _contains(words, phrase.lower().split()):
                out.append(Mention(actor, phrase.lower(), expected.pop()))
                break
    return out


def _contains(words: list[str], phrase: list[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(words[i : i + n] == phrase for i in range(len(words) - n + 1))


# --- our labels: the trigger of each record's event and the date it should get ---------------


@dataclass(frozen=True, slots=True)
class TriggerLabel:
    task: str
    id: str
    trigger: str
    expected: str  # "story" (the record's date) or "YYYY-MM-DD"


def load_trigger_labels(path: Path | None = None) -> dict[tuple[str, str], TriggerLabel]:
    """Our labels (tacitus/eval/data/petr_date_triggers.tsv): task, id, trigger, expected."""
    if path is None:
        path = Path(str(resources.files("tacitus.eval").joinpath("data", "petr_date_triggers.tsv")))
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    labels = {}
    for n, fields in enumerate(csv.reader(lines[1:], delimiter="\t"), start=2):
        if len(fields) != 4:
            raise InputError(str(path), f"{len(fields)} fields, expected task, id, trigger, expected", f"row {n}")
        label = TriggerLabel(*(f.strip() for f in fields))
        labels[(label.task, label.id)] = label
    return labels


def expected_event_date(label: TriggerLabel, story: dt.date | None) -> str | None:
    if label.expected == "story":
        return story.isoformat() if story else None
    return label.expected


def event_dates(records: Sequence[DateRecord], nlp: Any, labels: dict[tuple[str, str], TriggerLabel]
                ) -> list[tuple[DateRecord, str | None, str | None]]:  # fmt: skip
    """(record, expected, got) for every labelled record: our resolver on the trigger's clause."""
    from tacitus.dates import DateResolver
    from tacitus.events.syntax import Tree
    from tacitus.nlp import parse

    todo = [(r, labels[(r.task, r.record.id)]) for r in records if (r.task, r.record.id) in labels]
    resolver = DateResolver()
    out = []
    for (rec, label), sentences in zip(todo, parse(nlp, [r.record.text for r, _ in todo])):
        hits = [(s, t.i) for s in sentences for t in s.tokens if t.text == label.trigger]
        if not hits:
            raise InputError(rec.task, f"trigger {label.trigger!r} is not a word of the record", rec.record.id)
        sentence, verb = hits[0]
        got = resolver.event_date(sentence, Tree.of(sentence), verb, rec.record.date)
        out.append((rec, expected_event_date(label, rec.record.date), got.date))
    return out


# --- the task -----------------------------------------------------------------------------


def evaluate_petr_dates(coder: Any, records: Sequence[DateRecord], limit: int | None = None,
                        *, task: str = "petr_dates", nlp: Any = None,
                        labels: dict[tuple[str, str], TriggerLabel] | None = None) -> TaskResult:  # fmt: skip
    """Score the date-dependent records: story dates read, dated codes, event dates. The coder is
    not called (our lexicons do not know the fictional actors); the task measures the date logic
    the coder relies on."""
    records = list(records) if limit is None else list(records)[: max(limit, 0)]
    labels = load_trigger_labels() if labels is None else labels
    labelled = [r for r in records if (r.task, r.record.id) in labels]
    nlp = nlp or (_shared_nlp() if labelled else None)  # loaded before the clock starts
    started = time.perf_counter()
    codes = [(rec, m, code_on(rec.officials or to_officials([m.actor]), m.text, rec.record.date))
             for rec in records for m in rec.mentions]  # fmt: skip
    dated = event_dates(labelled, nlp, labels) if labelled else []
    seconds = time.perf_counter() - started
    errors = [ErrorCase(rec.record.id, rec.record.text, [f"{m.text}: {m.expected}"],
                        [f"{m.text}: {got or 'no code'} on {rec.record.date}"])
              for rec, m, got in codes if got != m.expected]  # fmt: skip
    errors += [ErrorCase(rec.record.id, rec.record.text, [f"event date {want}"], [f"event date {got}"])
               for rec, want, got in dated if want != got]  # fmt: skip
    read = sum(r.record.date is not None for r in records)
    right = sum(got == m.expected for _, m, got in codes)
    on_date = sum(want == got for _, want, got in dated)
    unlabelled = f" ({len(records) - len(labelled)} unlabelled)" if len(labelled) < len(records) else ""
    metrics = [
        _share("story_date_read", read, len(records), ""),
        _share("dated_code_accuracy", right, len(codes), " mentions"),
        _share("event_date_accuracy", on_date, len(dated), unlabelled),
    ]
    return TaskResult(task, len(records), seconds, metrics, errors)


def _share(name: str, hits: int, total: int, note: str) -> Metric:
    return Metric(name, hits / total if total else 0.0, f"{hits}/{total}{note}")


def _shared_nlp() -> Any:
    """The process's one spaCy pipeline (the one `code_text` uses), loaded on first use."""
    from tacitus.api import _nlp

    return _nlp()
