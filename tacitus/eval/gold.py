"""Loaders for the event gold sets: PETRARCH-style validation XML and the PLOVER GSR JSON.

The PETRARCH validation files are not well-formed XML (free-text comment banners outside
comments, self-closing `<Sentence .../>` tags followed by their children, attributes written as
`id ="x"`), so they are read with a tolerant tag scanner instead of an XML parser: comments are
dropped, then every `<Sentence ...>` opens a record that runs to the next one. Each loader takes
a path and returns typed records; nothing here knows about any coder.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tacitus.errors import InputError

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\s([^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b([^>]*?)/?>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)
_ATTR = re.compile(r"""([A-Za-z_]\w*)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class GoldEvent:
    """One coded (source, target, event) triple as the gold file states it."""

    source: str  # CAMEO actor code, "---" prefix for an unknown country
    target: str
    code: str  # CAMEO event code, e.g. "042" or "0352"

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(slots=True)
class GoldSentence:
    """One validation record: a sentence and the events (or absence of events) it must yield."""

    id: str
    text: str
    date: dt.date | None  # None when the record's date is absent or not YYYYMMDD
    category: str
    events: list[GoldEvent] = field(default_factory=list)
    noevent: bool = False  # the record says explicitly that nothing should be coded
    evaluate: bool = True  # False: the file itself asks to skip this record
    errors: list[str] = field(default_factory=list)  # expected error kinds ("dateline", ...)


@dataclass(slots=True)
class PloverActor:
    text: str
    code: str
    sector: str | None = None


@dataclass(slots=True)
class PloverRecord:
    """One PLOVER gold-standard event record (PLOVER 0.5b1 categories)."""

    id: str
    event: str  # PLOVER event type, e.g. "AGREE"
    text: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    sources: list[PloverActor] = field(default_factory=list)
    targets: list[PloverActor] = field(default_factory=list)
    event_text: str | None = None
    date: str | None = None


def _read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(str(path), "file not found") from None
    except UnicodeDecodeError as err:
        raise InputError(str(path), f"not UTF-8 text ({err.reason} at byte {err.start})") from None


def _attrs(tag_body: str) -> dict[str, str]:
    return {name.lower(): dq or sq for name, dq, sq in _ATTR.findall(tag_body)}


def _parse_date(raw: str | None) -> dt.date | None:
    """PETRARCH dates are YYYYMMDD; anything else (one record has "121108") becomes None."""
    if not raw or not re.fullmatch(r"\d{8}", raw.strip()):
        return None
    try:
        return dt.datetime.strptime(raw.strip(), "%Y%m%d").date()
    except ValueError:
        return None


def _clean_text(raw: str) -> str:
    """Text blocks are hard-wrapped at ~100 columns; rejoin them into one line."""
    return _SPACE.sub(" ", html.unescape(raw)).strip()


def _text_from_conllu(chunk: str) -> str:
    """Rebuild a sentence from its CoNLL-U parse; one GSR record has an empty <Text>."""
    match = _PARSE.search(chunk)
    words: list[str] = []
    for line in (match.group(1) if match else "").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            words.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(words).strip()


def _codings(chunk: str, origin: str, rid: str) -> tuple[list[GoldEvent], bool, list[str]]:
    events: list[GoldEvent] = []
    noevent = False
    errors: list[str] = []
    for body in _CODING.findall(chunk):
        attrs = _attrs(body)
        if "noevents" in attrs:
            noevent = attrs["noevents"].strip().lower() == "true"
        elif "error" in attrs:
            errors.append(attrs["error"])
        elif {"sourcecode", "targetcode", "eventcode"} <= attrs.keys():
            events.append(GoldEvent(attrs["sourcecode"], attrs["targetcode"], attrs["eventcode"]))
        else:
            problem = f"EventCoding without codes or noevents: <{body.strip()}>"
            raise InputError(origin, problem, rid)
    return events, noevent, errors


def _sentence(attrs: dict[str, str], chunk: str, origin: str, index: int) -> GoldSentence:
    rid = attrs.get("id") or f"sentence {index + 1}"
    match = _TEXT.search(chunk)
    if match is None:
        raise InputError(origin, "record has no <Text> element", rid)
    events, noevent, errors = _codings(chunk[: match.start()], origin, rid)
    text = _clean_text(match.group(1)) or _text_from_conllu(chunk[match.end() :])
    flag = attrs.get("evaluate", attrs.get("sentence", "true"))
    return GoldSentence(
        id=rid,
        text=text,
        date=_parse_date(attrs.get("date")),
        category=attrs.get("category", ""),
        events=events,
        noevent=noevent,
        evaluate=flag.strip().lower() != "false",
        errors=errors,
    )


def load_petr_records(path: Path) -> list[GoldSentence]:
    """Read a PETRARCH validation file (PETR2 GSR, PETR unit tests, UD validate records).

    Only the `<Sentences>` section is read, so `<Sentence>` mentions in banners do not count.
    """
    origin = str(path)
    text = _COMMENT.sub("", _read_text(Path(path)))
    start = text.find("<Sentences>")
    if start < 0:
        raise InputError(origin, "no <Sentences> section: not a PETRARCH validation file")
    end = text.find("</Sentences>", start)
    body = text[start : end if end > 0 else len(text)]
    tags = list(_SENTENCE.finditer(body))
    records = []
    for i, tag in enumerate(tags):
        stop = tags[i + 1].start() if i + 1 < len(tags) else len(body)
        records.append(_sentence(_attrs(tag.group(1)), body[tag.end() : stop], origin, i))
    return records


def load_petr2_gsr(path: Path) -> list[GoldSentence]:
    """The PETR2 GSR validation set (78 real news sentences); same format as the unit tests."""
    return load_petr_records(path)


def _actors(value: Any) -> list[PloverActor]:
    """Actor lists; a few records carry a bare string ("" or a stray context word) instead."""
    if not isinstance(value, list):
        return []
    return [
        PloverActor(str(a.get("actorText", "")), str(a.get("code", "")), a.get("sector"))
        for a in value
        if isinstance(a, dict)
    ]


def _context(value: Any) -> list[str]:
    if not isinstance(value, str):
        return []
    return [part.strip() for part in value.split(",") if part.strip()]


def _plover_record(raw: Any, origin: str, index: int) -> PloverRecord | None:
    where = f"record {index}"
    if not isinstance(raw, dict):
        raise InputError(origin, "expected a JSON object", where)
    event = raw.get("event")
    if event == "DOCUMENT":
        return None
    if not isinstance(event, str) or not isinstance(raw.get("text"), str):
        raise InputError(origin, "record lacks a string 'event' or 'text'", where)
    return PloverRecord(
        id=str(raw.get("id", where)),
        event=event,
        text=raw["text"],
        mode=raw.get("mode") or None,
        context=_context(raw.get("context")),
        sources=_actors(raw.get("source")),
        targets=_actors(raw.get("target")),
        event_text=raw.get("eventText"),
        date=raw.get("date"),
    )


def load_plover_gsr(path: Path) -> list[PloverRecord]:
    """Read PLOVER_GSR_CAMEO.txt (a JSON list); the DOCUMENT header record is skipped."""
    origin = str(path)
    try:
        data = json.loads(_read_text(Path(path)))
    except json.JSONDecodeError as err:
        raise InputError(origin, f"invalid JSON: {err.msg} at line {err.lineno}") from None
    if not isinstance(data, list):
        raise InputError(origin, "expected a JSON list of records")
    records = (_plover_record(raw, origin, i) for i, raw in enumerate(data))
    return [r for r in records if r is not None]
