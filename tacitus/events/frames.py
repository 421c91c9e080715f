"""Our verb-frame lexicon: reading it, and matching frames against a dependency parse.

Lexicon lines (see docs/lexicons-verbs.md):

    CODE  PATTERN [| PATTERN ...]      # comment

A PATTERN is a verb lemma followed by elements, read left to right along the parse:

    TGT          the event's target: the current verb's object (or the object of a preceding preposition)
    SRC          the event's source, when it is not the subject (the subject then becomes the target)
    +verb        a complement verb ("agree +open negotiation"): xcomp/ccomp of the current verb;
                 with its particle: +step_down
    prep X       a prepositional phrase on the current noun or verb; X is TGT, SRC or a noun
                 (prepositions too may be alternatives: to/with TGT)
    noun         the current verb's object noun, by lemma ("hold talk with TGT"); a/b for alternatives
    verb_particle  a particle verb is written with an underscore: call_off, set_forth, pull_out

A word class names a list once and stands for it in any slot of a later line:

    @aid = aid/assistance/help/support/package
    070   send @aid to TGT | provide/supply TGT with @aid/relief

The most specific matching pattern (most elements) wins; ties go to the first in the file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError
from ..records import Token
from .syntax import OBJECT_DEPS, PARTICLE_PREPS, PASSIVE_SUBJECT_DEPS, Tree, describes_guest

PREPOSITIONS = frozenset(
    "with to for on against from into in at of over about by toward towards between among "
    "across through upon under within without as during along near".split()
)
# Nouns that take their sense from a compound modifier: "shelter materials" are shelter,
# "relief items" relief, "curfew hours" the curfew, a "ceasefire agreement" the ceasefire.
MONEY_WORD = "money"
# Currency names (singular): a sum in one of them is money, whatever the parser tags it.
CURRENCIES = frozenset(
    "dollar euro pound yen yuan renminbi rupee rupiah ruble rouble won franc krona krone kroner "
    "peso real rand naira shekel riyal rial dinar dirham lira ringgit baht dong taka zloty forint "
    "hryvnia lari tenge shilling birr cedi kwacha afghani lek lev leu kuna koruna manat dram som "
    "sol bolivar quetzal lempira cordoba colon guarani kip riel kyat tugrik ducat".split()
)
LETTING_VERBS = frozenset({"let", "make", "help"})  # "help [Myanmar] resolve the crisis": its object
# Particle verbs that mean something else than their verb ("kick off" begins, "play down"
# minimizes): a frame of the bare verb does not read them
IDIOMS = frozenset({
    ("kick", "off"), ("put", "off"), ("set", "off"), ("carry", "on"), ("hold", "off"), ("pull", "off"),
    ("take", "off"), ("write", "off"), ("play", "down"), ("laugh", "off"), ("brush", "off"), ("shake", "off"),
    ("ward", "off"), ("fend", "off"), ("show", "up"), ("turn", "up"), ("wind", "down"), ("fire", "up"), ("strike", "down"),
})
HYPHEN_PARTICLES = frozenset({"in", "out", "up", "off", "down", "over"})
GENERIC_HEADS = frozenset(
    "material item kit package shipment consignment hour agreement accord deal pact operation mission force "
    "guarantee team crew effort initiative drive system strike weapon".split()
)
# Nouns that take their sense from an "of" phrase: "a team of paratroopers" are paratroopers, "a
# shipment of weapons" weapons, "thousands of troops" troops, "tonnes of food" food, "the sale of
# Patriot missiles" missiles.
PARTITIVE_HEADS = frozenset(
    "team squad detachment contingent group number batch lot shipment consignment delivery convoy "
    "load planeload truckload shipload cargo tonne ton quantity amount thousand hundred dozen sale transfer "
    "most part bulk half portion one".split()  # "write off most of North Korea's debt": the debt
)
_CODE = re.compile(r"^\d{2,4}$")
_CLASS_DEF = re.compile(r"^@([a-z][a-z_]*)\s*=\s*(\S+)$")
_CLASS_USE = re.compile(r"@([a-z][a-z_]*)")
TIME_ENTS = frozenset({"DATE", "TIME"})
ANY_NOUN = "*"  # the wildcard of opened frames (FrameIndex.loose_matches), never in the lexicon
# "a bombing campaign", "a military operation": a campaign or operation armed by its modifier is
# force, never a protest ("launch campaign against TGT", 140)
PROTEST_ROOT = "14"
ARMED_HEADS = frozenset({"campaign", "operation", "action", "movement", "effort"})
ARMED_MODIFIERS = frozenset({"military", "bombing", "air", "aerial", "armed", "ground", "naval", "artillery", "missile", "drone"})
# Verbs that also name their object ("called him a liar", "called the move illegal") or convene
# it ("called an emergency meeting"): with an object predicate (oprd), or a gathering as object,
# a frame that ends on the bare object is not this sense ("call TGT", a telephone call); frames
# that name the predicate ("call TGT terrorist", 111) or the noun still match.
NAMING_VERBS = frozenset({"call"})
CONVENED = frozenset({"meeting", "session", "summit", "conference", "election", "referendum", "vote", "strike",
                      "halt", "ceasefire", "truce", "recess", "poll", "rally", "protest", "inquiry"})


@dataclass(frozen=True, slots=True)
class Element:
    kind: str  # "TGT" | "SRC" | "verb" | "prep" | "noun" | "particle"
    words: tuple[str, ...] = ()  # lemmas (alternatives) for verb / noun / particle / prep
    fill: str | None = None  # for prep: "TGT", "SRC", or None when followed by nouns (`nouns`)
    nouns: tuple[str, ...] = ()  # for prep followed by a noun


@dataclass(frozen=True, slots=True)
class Frame:
    code: str
    verb: str
    elements: tuple[Element, ...]
    text: str  # the pattern as written, for explanations
    line: int

    @property
    def specificity(self) -> int:
        return len(self.elements)


@dataclass(slots=True)
class FrameMatch:
    frame: Frame
    source: Token | None  # None: the subject is the source
    target: Token | None
    swap: bool  # SRC element used: the subject is the target
    tokens: list[int]  # the tokens that matched literal elements (the trigger)


def parse_pattern(text: str, code: str, line: int, origin: str) -> list[Frame]:
    """One written pattern; `a/b` alternatives on the verb expand to one frame per verb."""
    words = text.split()
    if not words:
        raise ConfigError(f"{origin}:{line}: empty pattern for code {code}")
    verb_word, rest = words[0].lower(), words[1:]
    elements = _elements(rest, text, line, origin)
    frames = []
    for alternative in verb_word.split("/"):
        verb, _, particle = alternative.partition("_")
        if not re.fullmatch(r"[a-z][a-z\-]*", verb):
            raise ConfigError(f"{origin}:{line}: cannot read verb {alternative!r} in pattern {text!r}")
        lead = (Element(kind="particle", words=(particle,)),) if particle else ()
        frames.append(Frame(code=code, verb=verb, elements=lead + elements, text=text, line=line))
    return frames


def _elements(rest: list[str], text: str, line: int, origin: str) -> tuple[Element, ...]:
    elements: list[Element] = []
    i = 0
    while i < len(rest):
        w = rest[i]
        alternatives = tuple(w.lower().split("/"))
        if w in ("TGT", "SRC"):
            elements.append(Element(kind=w))
        elif w.startswith("+"):
            elements.append(Element(kind="verb", words=tuple(w[1:].lower().split("/"))))
        elif all(a in PREPOSITIONS for a in alternatives):
            if i + 1 == len(rest):
                raise ConfigError(f"{origin}:{line}: preposition {w!r} needs TGT, SRC or a noun after it")
            nxt = rest[i + 1]
            if nxt in ("TGT", "SRC"):
                elements.append(Element(kind="prep", words=alternatives, fill=nxt))
            else:
                elements.append(Element(kind="prep", words=alternatives, nouns=tuple(nxt.lower().split("/"))))
            i += 1
        elif any(a in PREPOSITIONS for a in alternatives):
            raise ConfigError(f"{origin}:{line}: {w!r} mixes prepositions and other words in pattern {text!r}")
        elif re.fullmatch(r"[a-z][a-z/\-]*", w):
            elements.append(Element(kind="noun", words=alternatives))
        else:
            raise ConfigError(f"{origin}:{line}: cannot read {w!r} in pattern {text!r}")
        i += 1
    if sum(e.kind == "SRC" or e.fill == "SRC" for e in elements) > 1:
        raise ConfigError(f"{origin}:{line}: more than one SRC in pattern {text!r}")
    return tuple(elements)


def parse_lexicon(text: str, origin: str) -> list[Frame]:
    frames: list[Frame] = []
    classes: dict[str, str] = {}
    for n, raw in enumerate(text.splitlines(), start=1):
        body = raw.split("#", 1)[0].strip()
        if not body:
            continue
        if body.startswith("@"):
            name, words = _class_definition(body, classes, n, origin)
            classes[name] = words
            continue
        parts = body.split(None, 1)
        if len(parts) != 2 or not _CODE.match(parts[0]):
            raise ConfigError(f"{origin}:{n}: expected 'CODE PATTERN [| PATTERN ...]', got {raw.strip()!r}")
        code, patterns = parts
        for pattern in _expand_classes(patterns, classes, n, origin).split("|"):
            frames.extend(parse_pattern(pattern.strip(), code, n, origin))
    return frames


def _class_definition(body: str, classes: dict[str, str], line: int, origin: str) -> tuple[str, str]:
    """`@name = a/b/c` (its words may use classes defined above it)."""
    m = _CLASS_DEF.match(body)
    if m is None:
        raise ConfigError(f"{origin}:{line}: expected '@name = word/word/...', got {body!r}")
    name = m.group(1)
    if name in classes:
        raise ConfigError(f"{origin}:{line}: word class @{name} is defined twice")
    words = _expand_classes(m.group(2), classes, line, origin)
    if not re.fullmatch(r"[a-z][a-z_\-]*(/[a-z][a-z_\-]*)*", words):
        raise ConfigError(f"{origin}:{line}: cannot read the words of @{name}: {m.group(2)!r}")
    return name, words


def _expand_classes(text: str, classes: dict[str, str], line: int, origin: str) -> str:
    """Each `@name` replaced by its words; a slot's alternatives keep their first order, once."""

    def words_of(m: re.Match) -> str:
        try:
            return classes[m.group(1)]
        except KeyError:
            raise ConfigError(f"{origin}:{line}: word class @{m.group(1)} is not defined above this line") from None

    def slot(token: str) -> str:
        if "@" not in token:
            return token
        lead = "+" if token.startswith("+") else ""
        expanded = _CLASS_USE.sub(words_of, token[len(lead):])
        return lead + "/".join(dict.fromkeys(expanded.split("/")))

    return " ".join(
        "|" if token == "|" else slot(token) for token in text.replace("|", " | ").split()
    )


class FrameIndex:
    """Frames by verb lemma, most specific first."""

    def __init__(self, frames: list[Frame]):
        by_verb: dict[str, list[Frame]] = defaultdict(list)
        for f in frames:
            by_verb[f.verb].append(f)
        self._by_verb = {v: sorted(fs, key=lambda f: (-f.specificity, f.line)) for v, fs in by_verb.items()}
        self.frames = frames

    def __contains__(self, lemma: str) -> bool:
        return lemma in self._by_verb

    def candidates(self, lemma: str) -> list[Frame]:
        return self._by_verb.get(lemma, [])

    def match(self, tree: Tree, verb: int, as_lemma: str | None = None) -> FrameMatch | None:
        """The most specific frame that matches the verb at token index `verb`; with `as_lemma`,
        the verb is read through that lemma's frames ("says X must" as "demand")."""
        lemma = as_lemma or tree.tokens[verb].lemma.lower()
        for frame in self.candidates(lemma):
            found = match_frame(frame, tree, verb)
            if found is not None:
                return found
        return None

    def matches(self, tree: Tree, verb: int) -> list[FrameMatch]:
        """Every frame that matches the verb, most specific first, one per CAMEO code: the
        rules' choice and the readings a classifier may prefer ("called on X" as an appeal or
        a visit)."""
        found: list[FrameMatch] = []
        codes: set[str] = set()
        for frame in self.candidates(tree.tokens[verb].lemma.lower()):
            if frame.code in codes:
                continue
            m = match_frame(frame, tree, verb)
            if m is not None:
                found.append(m)
                codes.add(frame.code)
        return found


    def loose_matches(self, tree: Tree, verb: int, class_of) -> list[FrameMatch]:
        """For a verb none of whose frames match: each frame with its object nouns opened to any
        noun ("supply weapon/arm to TGT" read as "supply <anything> to TGT"), its syntax kept,
        one per class (`class_of(code)`), the most specific frame first. The rules cannot tell
        which sense is meant ("supplied equipment to"); these readings are for the learned
        reranker to choose among, never coded by the rules alone."""
        best: dict[int, FrameMatch] = {}
        for frame in self.candidates(tree.tokens[verb].lemma.lower()):
            cls = class_of(frame.code)
            if cls in best:
                continue
            found = match_frame(_opened(frame), tree, verb)
            if found is not None:
                best[cls] = found
        return list(best.values())


def _opened(frame: Frame) -> Frame:
    """The frame with its object-noun lists replaced by the wildcard; a preposition's noun
    ("remain on alert", "call for reform") still decides the sense."""
    elements: list[Element] = []
    for e in frame.elements:
        # a noun after the target is a predicate ("call TGT terrorist"), and decides the sense
        after_target = any(x.kind in ("TGT", "SRC") for x in elements)
        elements.append(Element(kind="noun", words=(ANY_NOUN,)) if e.kind == "noun" and not after_target else e)
    return Frame(frame.code, frame.verb, tuple(elements), frame.text, frame.line)


def match_frame(frame: Frame, tree: Tree, verb: int) -> FrameMatch | None:
    if not any(el.kind == "particle" for el in frame.elements) and _idiom(tree, verb):
        return None  # "kicked off their drills" is no kick, "played down" no play
    head = verb
    noun: int | None = None
    source = target = None
    swap = False
    used: list[int] = [verb]
    passive = tree.is_passive(verb)
    for el in frame.elements:
        if el.kind == "particle":
            prt = [t for t in tree.kids(head, {"prt"}) if t.lemma.lower() in el.words]
            # ... or parsed as a preposition that holds the next phrase ("pulled [out] of Jenin")
            prt = prt or [t for t in tree.kids(head, {"prep"}) if t.lemma.lower() in el.words
                          and t.lemma.lower() in PARTICLE_PREPS and tree.kids(t.i, {"prep"})]
            # ... or as a preposition whose object is the verb's ("cordoned [off] the area")
            prt = prt or [p for p, _ in _particle_objects(tree, head) if p.lemma.lower() in el.words]
            # ... or as an adverb right after it ("pushed [back] migrants": back(advmod))
            prt = prt or [t for t in tree.kids(head, {"advmod"}) if t.i == head + 1
                          and t.lemma.lower() in el.words and t.lemma.lower() in PARTICLE_PREPS]
            if not prt:
                return None
            used.append(prt[0].i)
        elif el.kind == "verb":
            comp = [
                t for t in tree.kids(head, {"xcomp", "ccomp", "advcl", "conj", "pcomp"})
                if _verb_forms(tree, t) & set(el.words)
            ]
            if noun is not None and not comp:
                # "plans to", and an adjective's own complement: "is ready [to contribute]"
                comp = [t for t in tree.kids(noun, {"acl", "relcl", "xcomp"}) if _verb_forms(tree, t) & set(el.words)]
            if not comp:
                return None
            head, noun = comp[0].i, None
            used.append(head)
        elif el.kind == "noun":
            obj = _object_noun(tree, head, el.words, passive and head == verb)
            if obj is None or (frame.code[:2] == PROTEST_ROOT and _armed(tree, obj)):
                return None
            noun = obj.i
            used.append(noun)
        elif el.kind in ("TGT", "SRC"):
            obj = _object(tree, head, passive and head == verb)
            if obj is not None and passive and head == verb and _named_later(frame, el, obj):
                # "Ukraine was promised [more weapons]": the object is the frame's noun, the
                # one promised is the passive's subject
                obj = tree.kid(head, PASSIVE_SUBJECT_DEPS)
            if obj is None or _names_object(frame, el, tree, head, obj):
                return None
            if el.kind == "TGT":
                target = obj
            else:
                source, swap = obj, True
        elif el.kind == "prep":
            pobj = _prep_object(tree, head, noun, el.words, el.nouns)
            if pobj is None:
                return None
            if el.fill == "TGT":
                target = pobj
            elif el.fill == "SRC":
                source, swap = pobj, True
            else:
                noun = pobj.i
                used.append(noun)
    return FrameMatch(frame=frame, source=source, target=target, swap=swap, tokens=sorted(set(used)))


def _verb_forms(tree: Tree, tok: Token) -> set[str]:
    """A complement verb's lemma, and with its particle as the lexicon writes it: "step_down"."""
    lemma = tok.lemma.lower()
    return {lemma} | {f"{lemma}_{p.lemma.lower()}" for p in tree.kids(tok.i, {"prt"})}


def _armed(tree: Tree, tok: Token) -> bool:
    """A campaign or operation that its modifier makes military ("a bombing campaign")."""
    return tok.lemma.lower() in ARMED_HEADS and any(
        m.lemma.lower() in ARMED_MODIFIERS for m in tree.kids(tok.i, {"compound", "amod", "nmod"}))


def _names_object(frame: Frame, el: Element, tree: Tree, head: int, obj: Token) -> bool:
    """The frame ends on the object of a naming verb that has an object predicate, or that is
    a gathering the verb convenes ("called an emergency meeting") (NAMING_VERBS)."""
    return (frame.verb in NAMING_VERBS and el is frame.elements[-1]
            and (tree.kid(head, {"oprd"}) is not None or obj.lemma.lower() in CONVENED))


def _object(tree: Tree, head: int, passive: bool) -> Token | None:
    obj = tree.kid(head, OBJECT_DEPS)
    if obj is not None and obj.pos != "PROPN":
        # the small model's two objects for a title and its name: "meet his counterpart |
        # Italian President Sergio Mattarella": the name is the object
        named = next((o for o in tree.kids(head, {"dobj"}) if o.pos == "PROPN"), None)
        if named is not None and named.i > obj.i:
            return named
    if obj is None and passive:
        obj = tree.kid(head, PASSIVE_SUBJECT_DEPS)
    if obj is None:
        obj = _small_clause(tree, head)[0]
    if obj is None:  # "cordoned off the embassy": off(prep) -> embassy, the particle next to its verb
        obj = next((o for p, o in _particle_objects(tree, head) if p.i == head + 1), None)
    if obj is None:  # "received [visiting] Japanese Foreign Minister Kono": the guest
        obj = next((o for g in tree.kids(head, {"xcomp"}) if describes_guest(tree, g)
                    for o in tree.kids(g.i, {"dobj"})), None)
    return obj if obj is not None else _misparsed_object(tree, head)


def _named_later(frame: Frame, el: Element, obj: Token) -> bool:
    """Whether a noun element after `el` in the frame names the object ("promise TGT weapon")."""
    later = frame.elements[frame.elements.index(el) + 1:]
    return any(e.kind == "noun" and obj.lemma.lower() in e.words for e in later)


def _particle_objects(tree: Tree, head: int) -> list[tuple[Token, Token]]:
    """(particle, object) for a particle the small model parses as a preposition holding the
    verb's object ("cordoned [off] the area": off(prep) -> area), when the verb has no object."""
    if tree.kid(head, OBJECT_DEPS) is not None:
        return []
    # ... or as a particle with an object of its own ("sealed [off] the West Bank": off(prt) -> Bank)
    return [(p, o) for p in tree.kids(head, {"prep", "prt"}) if p.lemma.lower() in PARTICLE_PREPS
            for o in tree.kids(p.i, {"pobj"})]


def _idiom(tree: Tree, verb: int) -> bool:
    """Whether the verb's particle makes another verb of it (`IDIOMS`)."""
    key = ("idiom", verb)
    found = tree.memo.get(key)
    if found is None:
        lemma = tree.tokens[verb].lemma.lower()
        found = tree.memo[key] = any((lemma, p.lemma.lower()) in IDIOMS for p in tree.kids(verb, {"prt"}))
    return found


def _small_clause(tree: Tree, head: int) -> tuple[Token | None, Token | None]:
    """ "allow [UN agencies] [access] to Rakhine": the small model makes the second object a
    noun clause whose subject is the first; (first object, second object), or (None, None)."""
    for clause in tree.kids(head, {"ccomp"}):
        if clause.pos != "NOUN":
            continue
        subject = tree.kid(clause.i, {"nsubj"})
        if subject is not None and head < subject.i < clause.i:
            return subject, clause
    return None, None


def _misparsed_object(tree: Tree, head: int) -> Token | None:
    """The object the small model hangs elsewhere: the noun a past participle modifies ("the
    aid provided by Japan"), or the subject of a bare clause under the verb ("accept [refugees
    fleeing violence]")."""
    if _is_participle_modifier(tree, head):
        return tree.tokens[tree.tokens[head].head]
    return _participle_clause_subject(tree, head)


def _participle_clause_subject(tree: Tree, head: int) -> Token | None:
    """ "will not accept any refugees fleeing violence", "declared a state of siege to begin at
    midnight": the small model makes the object the subject of a clause ("refugees fleeing
    violence", "a state of siege to begin"); that subject is the verb's object."""
    for clause in tree.kids(head, {"ccomp"}):
        aux = tree.kids(clause.i, {"aux", "auxpass", "mark"})
        infinitive = clause.tag == "VB" and [a.tag for a in aux] == ["TO"]
        # "let inspectors visit": a bare infinitive after a verb of letting
        bare = clause.tag == "VB" and not aux and tree.tokens[head].lemma.lower() in LETTING_VERBS
        # ... and "reopened [border crossings] closed for years": a past participle's noun
        participle = clause.tag in ("VBG", "VBN") and not aux
        if not (infinitive or bare or participle):
            continue
        subject = tree.kid(clause.i, {"nsubj"})
        if subject is not None and head < subject.i < clause.i:
            return subject
    return None


def _is_participle_modifier(tree: Tree, verb: int) -> bool:
    """ "the aid provided by Japan": a past participle modifying its noun, which is its object."""
    tok = tree.tokens[verb]
    return tok.dep == "acl" and tok.tag == "VBN" and tok.head != verb


def _object_noun(tree: Tree, head: int, lemmas: tuple[str, ...], passive: bool) -> Token | None:
    for tok in _object_noun_candidates(tree, head, passive):
        if _generic_head_of(tree, tok, lemmas):
            return tok  # "a team of paratroopers" are paratroopers, "shelter materials" shelter
        if tok.lemma.lower() in lemmas or tok.text.lower() in lemmas or ANY_NOUN in lemmas:
            return tok
        if MONEY_WORD in lemmas and (tok.ent_type == "MONEY" or _currency(tok)):
            return tok  # "gave 352.5 million euros to": a sum of money in any currency
        if any(w in lemmas for w in _hyphen_forms(tree, tok)):
            return tok  # "staged a sit-in", split "sit - in" with "in" the head
    return None


def _object_noun_candidates(tree: Tree, head: int, passive: bool) -> list[Token]:
    """The words that may be a frame's object noun, in the order they are tried (the same for
    every frame of the verb, so worked out once per sentence)."""
    key = ("object nouns", head, passive)
    found = tree.memo.get(key)
    if found is None:
        found = tree.memo[key] = _find_object_noun_candidates(tree, head, passive)
    return found


def _find_object_noun_candidates(tree: Tree, head: int, passive: bool) -> list[Token]:
    # an adjective predicate is the object word of a copula ("is skeptical about", "remains hopeful")
    # ... and a noun the small model makes an adverb ("eased [curfew hours]": npadvmod), when it
    # is the frame's own word
    deps = OBJECT_DEPS | {"acomp", "npadvmod"} | (PASSIVE_SUBJECT_DEPS if passive else frozenset())
    candidates = tree.kids(head, deps) or [t for t in [_misparsed_object(tree, head)] if t is not None]
    # "cordoned off the area" parsed off(prep) -> area: the particle's object is the verb's
    candidates = candidates or [o for _, o in _particle_objects(tree, head)]
    candidates += [t for t in [_small_clause(tree, head)[1]] if t is not None]
    # a gerund complement is the object of a verb of stopping: "agreed to halt fighting"
    candidates += [t for t in tree.kids(head, {"xcomp"}) if t.tag == "VBG"]
    return [tree.tokens[j] for obj in candidates for j in tree.conjuncts(obj.i)]


def _hyphen_forms(tree: Tree, tok: Token) -> tuple[str, ...]:
    """A hyphenated noun the small model heads by its particle ("sit - [in]", "build - [up]"):
    its first part and the joined word ("sit", "sitin"; "build", "buildup")."""
    i = tok.i
    if i < 2 or tree.tokens[i - 1].text != "-" or tok.text.lower() not in HYPHEN_PARTICLES:
        return ()
    first = tree.tokens[i - 2]
    if first.head != i:
        return ()
    return first.lemma.lower(), first.text.lower() + tok.text.lower()


def _generic_head_of(tree: Tree, tok: Token, words: tuple[str, ...]) -> bool:
    """A generic head whose compound modifier is one of `words` ("shelter materials"), or a
    partitive head whose "of" phrase is ("a team of paratroopers", "tonnes of food")."""
    head = tok.lemma.lower()
    if head in GENERIC_HEADS and any(
        tree.tokens[j].lemma.lower() in words
        for c in tree.kids(tok.i, {"compound", "amod", "nmod"}) for j in tree.conjuncts(c.i)
    ):
        return True  # "search-and-rescue teams", "medical teams", "shelter materials"
    return head in PARTITIVE_HEADS and any(
        lemma == "of" and (obj.lemma.lower() in words or obj.text.lower() in words)
        for lemma, obj in tree.prep_objects(tok.i)
    )


def _currency(tok: Token) -> bool:
    word = tok.lemma.lower()
    return word in CURRENCIES or word.rstrip("s") in CURRENCIES or tok.text.lower().rstrip("s") in CURRENCIES


def _prep_object(
    tree: Tree, head: int, noun: int | None, preps: tuple[str, ...], nouns: tuple[str, ...]
) -> Token | None:
    for host in _noun_hosts(tree, noun) + [head]:
        for lemma, obj in tree.prep_objects(host):
            if lemma not in preps or obj.ent_type in TIME_ENTS:
                continue  # "lifted on 16 January": a date is no one's phrase
            if not nouns or obj.lemma.lower() in nouns or obj.text.lower() in nouns:
                return obj
            if _generic_head_of(tree, obj, nouns):
                return obj  # "participate in peacekeeping operations": the operations are peacekeeping
            if MONEY_WORD in nouns and (obj.ent_type == "MONEY" or _currency(obj)):
                return obj  # "provided Kyiv with 100 million pounds": a sum is money
    return None


def _noun_hosts(tree: Tree, noun: int | None) -> list[int]:
    """The noun whose phrases a frame reads, the "of" object of a partitive head ("a team of
    paratroopers to Lebanon": the phrase hangs on the paratroopers), and what a sum is "in"."""
    if noun is None:
        return []
    # "200 million dollars in loans to Indonesia": the phrase hangs on what the sum is in
    inner = [obj.i for lemma, obj in tree.prep_objects(noun) if lemma == "in" and _is_sum(tree.tokens[noun])]
    if tree.tokens[noun].lemma.lower() in PARTITIVE_HEADS:
        inner += [obj.i for lemma, obj in tree.prep_objects(noun) if lemma == "of"]
    return [noun] + inner


def _is_sum(tok: Token) -> bool:
    return tok.ent_type == "MONEY" or _currency(tok) or tok.lemma.lower() in ("million", "billion")


def load_frames(path: Path | None = None) -> FrameIndex:
    """The packaged verb lexicon (or a file of the same format)."""
    if path is not None:
        return FrameIndex(parse_lexicon(Path(path).read_text(encoding="utf-8"), str(path)))
    return _packaged_frames()


@cache
def _packaged_frames() -> FrameIndex:
    data = resources.files("tacitus.events").joinpath("data", "verbs.txt")
    return FrameIndex(parse_lexicon(data.read_text(encoding="utf-8"), "tacitus/events/data/verbs.txt"))
