"""Nominal events: nouns that name an event, with their actors in the noun phrase.

"Israel's attack on Gaza", "Israeli airstrikes on Gaza", "the talks between Seoul and
Pyongyang", "food aid from Japan to North Korea": the verb lexicon reads such nouns only through
light verbs ("held talks with"); here the noun itself is the trigger, its possessor, actor
modifier or "by" phrase the source, and its prepositional object the target (data/nouns.tsv).

A support verb lends the noun its subject: "Israel and Lebanon renewed negotiations", "the UN
will provide food aid to refugees", "the two sides agreed upon a pact". A support verb adds no
meaning of its own beyond doing, starting, continuing or completing what the noun names, so the
noun's code stands; the verb's subject is the source, and a target may hang off the verb
("provided aid TO refugees"). Verbs that change the meaning ("ended talks", "rejected aid",
"received aid") are not support verbs. When the verb has a frame of its own that matches, the
frame reads the pair instead (candidates.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from ..errors import ConfigError
from ..records import Token
from .syntax import SPEECH_VERBS, Tree

# Modifiers of the noun that may be its source: "Israeli", "U.S.", "NATO", "the army's".
SOURCE_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
SOURCE_MODIFIER_ENTS = frozenset({"NORP", "GPE", "ORG"})


# Verbs whose object is the event itself: doing it, starting or going on with it, completing
# it, or handing it over (aid, loans, arms). Lemmas, with the small model's odd ones.
SUPPORT_VERBS = frozenset(
    "hold conduct have stage carry mount launch wage undertake make pay "
    "begin start open resume renew continue restart reopen relaunch enter pursue "
    "conclude complete finish sign reach seal clinch strike ink finalize finalise initial "
    "provide give deliver send extend grant supply ship airlift donate allocate contribute "
    "dispatch hand_over impose slap announce unveil earmark allot tighten expand "
    "intensify escalate step_up kick_off speed_up accelerate expedite".split()
)
# "ended two days of talks", "wrapped up a round of negotiations": a stretch of the event that
# ended was held ("ended talks" alone is no support: the talks may have been broken off)
STRETCHES = frozenset({"day", "week", "month", "round", "hour", "session"})
ENDING_VERBS = frozenset({"end", "wrap_up", "close", "conclude", "finish", "complete"})
# Verbs whose prepositional object is the event: "agreed upon a pact", "engaged in talks".
SUPPORT_PREPS = frozenset({
    ("agree", "on"), ("agree", "upon"), ("embark", "on"), ("engage", "in"), ("participate", "in"),
    ("provide", "with"), ("supply", "with"),  # "provided Egypt with aid": Egypt is the target
})


# "came under attack", "remained under fire": the subject is what the event noun is done to
UNDERGOING_VERBS = frozenset({"come", "be", "remain", "fall"})
# Heads that name a batch of what their compound names: "a military aid package for Ukraine" is
# aid for Ukraine.
BATCH_HEADS = frozenset({"package", "tranche", "programme", "program"})
# What kind of aid an adjective or compound makes it (CAMEO 071-073): "military aid" 072.
AID_KINDS = {
    "military": "072", "defense": "072", "defence": "072", "security": "072", "weapon": "072",
    "humanitarian": "073", "food": "073", "medical": "073", "relief": "073",
    "economic": "071", "financial": "071", "budget": "071", "budgetary": "071", "development": "071",
}
AID_CODE = "070"


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
    support: Token | None = None  # the support verb that lent its subject ("renewed talks")


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
    if entry is None and tok.lemma.lower() in BATCH_HEADS:
        entry = next((nouns[k.lemma.lower()] for k in tree.kids(i, {"compound"})
                      if k.lemma.lower() in nouns and nouns[k.lemma.lower()].code[:2] == AID_CODE[:2]), None)
    if entry is None:
        return None
    if entry.code == AID_CODE:
        entry = _aid_kind(tree, i, entry)
    source = target = None
    between = False
    for prep, obj in tree.prep_objects(i):
        if obj.ent_type in ("DATE", "TIME"):
            continue  # "attack on Monday": a date is no one's phrase
        if prep == "between" and prep in entry.target_preps and target is None:
            target, between = obj, True
        elif prep in entry.target_preps and target is None:
            target = obj
        elif prep in entry.source_preps and source is None:
            source = obj
    if source is None:
        source = _modifier_source(tree, i)
    if target is None:
        target = _under_attack(tree, tok)
    support = None
    if source is None:
        support = support_verb(tree, i)
        if support is not None:
            # "Sanctions were imposed by the EU": a passive support verb's doer is its agent
            source = tree.agent(support.i) if tree.is_passive(support.i) else tree.subject(support.i)
            if target is None:
                target = next((obj for prep, obj in tree.prep_objects(support.i)
                               if prep in entry.target_preps and obj.i != i), None)
                between = target is not None and tree.tokens[target.head].lemma.lower() == "between"
            if target is None:  # "gave Egypt aid", "provided Egypt with aid"
                target = next((k for k in tree.kids(support.i, {"dative", "dobj"})
                               if k.i != i and k.pos in ("PROPN", "NOUN") and i not in range(*tree.subtree(k.i))), None)
            if source is None:
                support = None
    if source is None and target is not None and entry.code[:2] == TALKS_ROOT and tree.tokens[target.head].lemma.lower() == "with":
        source = _party_speaking(tree, tok)  # "described the talks with China as constructive"
    if source is None and target is None:
        return None
    return NominalMatch(entry, source, target, between, support)


TALKS_ROOT = "04"
OPEN_DEPS = frozenset({"dobj", "pobj", "prep", "acomp", "nsubj", "nsubjpass"})
# Verbs by which a party speaks of talks it holds: "described the talks with China as constructive"
SPEAKING_OF = SPEECH_VERBS | frozenset({"describe", "call", "term", "characterize", "characterise", "hail",
                                        "praise", "welcome", "be"})


def _party_speaking(tree: Tree, tok: Token) -> Token | None:
    """Whoever speaks of talks "with" someone is their other party: the subject of the verb the
    talks hang on ("Australia's prime minister described the talks with China as constructive",
    "Russia said it was open to talks with Ukraine")."""
    i = tok.i
    for _ in range(4):
        t = tree.tokens[i]
        if t.dep not in OPEN_DEPS or t.head == i:
            return None
        i = t.head
        if tree.tokens[i].pos in ("VERB", "AUX"):
            if tree.tokens[i].lemma.lower() not in SPEAKING_OF:
                return None  # "Israel ended negotiations with Syria": no talks to speak of
            subject = tree.subject(i)
            return subject if subject is not None and subject.i != tok.i else None
    return None


def _under_attack(tree: Tree, tok: Token) -> Token | None:
    """The subject of "came under (Russian missile) attack", "was under fire": whom it is done to."""
    prep = tree.tokens[tok.head]
    if tok.dep != "pobj" or prep.lemma.lower() != "under" or prep.head == prep.i:
        return None
    verb = tree.tokens[prep.head]
    return tree.subject(verb.i) if verb.lemma.lower() in UNDERGOING_VERBS else None


def aid_kind(tree: Tree, i: int) -> str | None:
    """The last digit of the kind of aid noun `i` is: "military aid" 2 (072), "humanitarian
    assistance" 3, "economic aid" 1; also through a batch head's compound ("a military aid
    package"); None for aid of no named kind."""
    mods = list(tree.kids(i, {"amod", "compound"}))
    mods += [m for c in tree.kids(i, {"compound"}) for m in tree.kids(c.i, {"amod", "compound"})]
    return next((AID_KINDS[m.lemma.lower()][-1] for m in mods if m.lemma.lower() in AID_KINDS), None)


def _aid_kind(tree: Tree, i: int, entry: NounEntry) -> NounEntry:
    kind = aid_kind(tree, i)
    return entry if kind is None else replace(entry, code=AID_CODE[:2] + kind)


def support_verb(tree: Tree, i: int) -> Token | None:
    """The active support verb whose object noun `i` is ("renewed negotiations", "agreed upon a
    pact"), or a passive one with a "by" agent whose subject it is ("sanctions were imposed by
    the EU"); "aid was provided" has none (no doer is named)."""
    toks = tree.tokens
    tok = toks[i]
    if tok.dep == "pobj" and toks[tok.head].lemma.lower() == "of" and toks[toks[tok.head].head].dep == "dobj":
        tok = toks[toks[tok.head].head]  # "provided 25,000 tons of aid", "held a series of talks"
    if tok.dep == "dobj":
        verb = toks[tok.head]
        lemma = verb.lemma.lower()
        particle = tree.kid(verb.i, {"prt"})
        if particle is not None:
            lemma = f"{lemma}_{particle.text.lower()}"
        ok = lemma in SUPPORT_VERBS or verb.lemma.lower() in SUPPORT_VERBS
        # "ended two days of talks": a stretch of the event ended is the event held
        ok = ok or (tok.i != i and tok.lemma.lower() in STRETCHES and lemma in ENDING_VERBS)
    elif tok.i == i and tok.dep == "pobj" and toks[tok.head].dep == "prep":
        prep = toks[tok.head]
        verb = toks[prep.head]
        ok = (verb.lemma.lower(), prep.lemma.lower()) in SUPPORT_PREPS
    elif tok.i == i and tok.dep == "nsubjpass":
        # "sanctions were imposed by the EU", "talks were held by ...": passive with its doer named
        verb = toks[tok.head]
        ok = verb.lemma.lower() in SUPPORT_VERBS and tree.agent(verb.i) is not None
        return verb if ok and verb.pos in ("VERB", "AUX") else None
    else:
        return None
    if not ok or verb.pos not in ("VERB", "AUX") or tree.is_passive(verb.i):
        return None
    return verb


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
