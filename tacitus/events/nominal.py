"""Nominal events: nouns that name an event, with their actors in the noun phrase.

"Israel's attack on Gaza", "Israeli airstrikes on Gaza", "the talks between Seoul and
Pyongyang", "food aid from Japan to North Korea": the verb lexicon reads such nouns only through
light verbs ("held talks with"); here the noun itself is the trigger, its possessor, actor
modifier or "by" phrase the source, and its prepositional object the target (data/nouns.tsv).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import ConfigError
from ..records import Token
from .syntax import Tree

# Modifiers of the noun that may be its source: "Israeli", "U.S.", "NATO", "the army's".
SOURCE_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
SOURCE_MODIFIER_ENTS = frozenset({"NORP", "GPE", "ORG"})


@dataclass(frozen=True, slots=True)
class NounEntry:
    code: str
    source_preps: frozenset[str]
    target_preps: frozenset[str]
    line: int


@dataclass(frozen=True, slots=True)
class NominalMatch:
    entry: NounEntry
    source: Token | None
    target: Token | None
    between: bool  # "talks between X and Y": the conjuncts of `target` act on each other


def parse_nouns(text: str, origin: str) -> dict[str, NounEntry]:
    entries: dict[str, NounEntry] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("code\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 4 or not cols[0].isdigit():
            raise ConfigError(f"{origin}:{n}: expected 'code<TAB>nouns<TAB>source<TAB>target', got {line!r}")
        code, nouns, source, target = cols

        def words(col: str) -> frozenset[str]:
            return frozenset(w.strip().lower() for w in col.split("|") if w.strip())

        entry = NounEntry(code, words(source), words(target), n)
        for noun in words(nouns):
            if noun in entries:
                raise ConfigError(f"{origin}:{n}: noun {noun!r} is listed twice")
            entries[noun] = entry
    return entries


@cache
def load_nouns() -> dict[str, NounEntry]:
    text = resources.files("tacitus.events").joinpath("data", "nouns.tsv").read_text(encoding="utf-8")
    return parse_nouns(text, "tacitus/events/data/nouns.tsv")


def read_nominal(tree: Tree, i: int, nouns: dict[str, NounEntry]) -> NominalMatch | None:
    """The event a common noun names, with the tokens of its source and target; None when the
    noun is no event noun or names neither."""
    tok = tree.tokens[i]
    if tok.pos != "NOUN" or tok.tag not in ("NN", "NNS") or tree.kid(i, {"aux"}) is not None:
        return None  # not a verb mistagged as a noun ("to protest", "killing 17 soldiers")
    entry = nouns.get(tok.lemma.lower()) or nouns.get(tok.text.lower())
    if entry is None:
        return None
    source = target = None
    between = False
    for prep, obj in tree.prep_objects(i):
        if prep == "between" and prep in entry.target_preps and target is None:
            target, between = obj, True
        elif prep in entry.target_preps and target is None:
            target = obj
        elif prep in entry.source_preps and source is None:
            source = obj
    if source is None:
        source = _modifier_source(tree, i)
    if source is None and target is None:
        return None
    return NominalMatch(entry, source, target, between)


def _modifier_source(tree: Tree, i: int) -> Token | None:
    """ "Israel's attack", "Israeli airstrikes", "NATO airstrikes": a possessor, or a modifier
    naming a nation, place or organisation."""
    poss = tree.kid(i, {"poss"})
    if poss is not None and poss.pos != "PRON":
        return poss
    for kid in tree.kids(i, SOURCE_MODIFIER_DEPS):
        if kid.ent_type in SOURCE_MODIFIER_ENTS:
            return kid
    return None
