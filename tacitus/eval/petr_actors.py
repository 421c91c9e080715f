"""A PETRARCH validation actor dictionary as extra phrases for our actor lexicon, at eval time.

The PETR unit-test and validation records code fictional states and people (Arnor, Gondor,
"Calenardhon", Aragorn) with the dictionary that sits beside them in the reference folder. To
score who-did-what-to-whom on those records, `tacitus eval` reads that dictionary when it runs
and adds its phrases to a copy of our actor lexicon (`ActorLexicon.extended`); nothing from it
is copied into the project, and the coder's verbs, grammar and agent nouns stay our own.

Dictionary format facts (PETRARCH's documentation): one actor per line, `PHRASE [CODE]`, words
joined by "_" or spaces; `+PHRASE` lines are synonyms of the actor above; indented `[CODE DATE]`
lines restrict a code to a time (the first unrestricted code is the default, used here: the
dated cases are measured by petr_dates.py); `---` is the null code; text after `#` or `;` is a
comment. A phrase with no trailing "_" matches any word that begins with its last word
("ARGENTIN" = "Argentina", "Argentine"), which is expanded here against the records' own words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tacitus.actors.lexicon import ActorEntry, ActorLexicon
from tacitus.errors import InputError

NULL_CODE = "---"
MIN_STEM = 3  # "AU", "KU": too short to stand for a word's beginning
INTERNATIONAL = ("IGO", "IMG", "NGO", "NGM", "MNC", "INT", "UIS")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CODE_BRACKETS = re.compile(r"\[([^\]]*)\]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One actor of a PETRARCH actor dictionary, as written (comments cut)."""

    line: str  # the actor's own line: its phrase and bracketed codes
    synonyms: tuple[str, ...]  # its "+" lines, without the "+"
    restrictions: tuple[str, ...]  # the bracketed bodies of its indented lines ("HOBGOV >950601")


def read_dictionary(path: Path) -> list[DictionaryEntry]:
    """The dictionary's actors in file order; an unreadable file is an InputError."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the actor dictionary: {exc}") from exc
    entries: list[tuple[str, list[str], list[str]]] = []
    for raw in _COMMENT.sub("", text).splitlines():
        line = re.split(r"[#;]", raw, maxsplit=1)[0]
        if not line.strip():
            continue
        if line[0].isspace():
            if entries:
                entries[-1][2].extend(CODE_BRACKETS.findall(line))
        elif line.startswith("+"):
            if entries:
                entries[-1][1].append(line[1:])
        else:
            entries.append((line, [], []))
    return [DictionaryEntry(line, tuple(syn), tuple(res)) for line, syn, res in entries]


def load_petr_actors(path: Path) -> list[tuple[str, str]]:
    """(phrase, code) for every actor phrase and synonym with a non-null default code; a stem
    phrase keeps its trailing "*" ("ARGENTIN*")."""
    out: list[tuple[str, str]] = []
    for entry in read_dictionary(path):
        if entry.line.lstrip().startswith("<"):
            continue  # a stray tag
        codes = [c.strip().upper() for c in CODE_BRACKETS.findall(entry.line)]
        code = codes[0].split()[0] if codes and codes[0] else None
        if code is None or code == NULL_CODE:
            continue
        out.append((_phrase(CODE_BRACKETS.sub("", entry.line)), code))
        out.extend((_phrase(synonym), code) for synonym in entry.synonyms)
    return [(p, c) for p, c in out if p.strip("*")]


def _phrase(text: str) -> str:
    """Words joined by spaces; a trailing "*" marks a stem (no trailing "_" in the dictionary)."""
    body = text.strip()
    exact = body.endswith("_")
    words = body.replace("_", " ").split()
    return " ".join(words) + ("" if exact or not words else "*")


def petr_lexicon(base: ActorLexicon, actors: Sequence[tuple[str, str]], texts: Iterable[str]) -> ActorLexicon:
    """`base` with the dictionary's phrases read first; stems become the words of `texts` that
    begin with them."""
    # a word the dictionary names on its own is that entry's, never another's stem ("THE_KU"
    # does not take "the Kuwait government" from "KUWAIT")
    named = {p.rstrip("*").upper() for p, _ in actors if " " not in p}
    vocabulary = {w for text in texts for w in _WORD.findall(text) if w.upper() not in named}
    entries: list[tuple[str, ActorEntry]] = []
    for phrase, code in actors:
        entry = _entry(phrase.rstrip("*").title(), code)
        for form in _forms(phrase, vocabulary):
            entries.append((form, entry))
    return base.extended(entries)


def _forms(phrase: str, vocabulary: set[str]) -> list[str]:
    words = phrase.rstrip("*").split()
    stem = words[-1].upper()
    if not phrase.endswith("*") or len(stem) < MIN_STEM:
        return [" ".join(words)]
    found = sorted({w for w in vocabulary if w.upper().startswith(stem)})
    return [" ".join(words)] + [" ".join(words[:-1] + [w]) for w in found]


def _entry(name: str, code: str) -> ActorEntry:
    """A state-like code (three letters) reads as a country, so agent nouns add their role
    ("Arnor officials" -> ARNGOV); a longer code keeps its own role after its country; an
    international code is an organisation with no country."""
    if code.startswith(INTERNATIONAL):
        return ActorEntry(code, None, code[:3], name, "igo")
    if len(code) == 3:
        return ActorEntry(code, code, None, name, "country")
    return ActorEntry(code, code[:3], code[3:6], name, "organ")
