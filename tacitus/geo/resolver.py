"""Where an event happened: the place its sentence puts it in, as the event contract's dict.

Why this order: the event's own locative ("met *in Pyongyang*", "talks *at the State
Department*") says where that event happened; failing that, a place named elsewhere in the
sentence ("Kim, who arrived *in Beijing*, met Hu") is the next best evidence; failing that, the
dateline says where the story was filed. A place that is an actor of the sentence ("*Pyongyang*
said", "*Seoul and Washington* agreed") is not a location: actors are the coder's business.

The resolver reads our `Sentence`/`Tree` records only (no spaCy objects) and asks the
`Gazetteer` for every name, passing the countries the sentence and the document mention so
that "Tripoli" in a story about Lebanese troops is Lebanon's Tripoli.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..events.syntax import Tree
from ..records import Sentence, Token
from .gazetteer import Gazetteer
from .place import WATER_HEADS, Place

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "within", "across",
                            "throughout", "around", "through"})
# Entity types that are never places, whatever the gazetteer holds ("in March", "at Kim's").
NOT_PLACES = frozenset({"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                        "QUANTITY", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
                        "PRODUCT"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Heads of the names of waters, named whole ("the Bay of Bengal"), never by their head alone
# "the southern city of Basra", "the U.S. state of Georgia", "the truce village of Panmunjom"
CONTAINERS = frozenset({"city", "town", "village", "port", "state", "province", "region",
                        "district", "island", "enclave", "area", "suburb", "outskirts",
                        # "parts of Kashmir", "the north of the country"
                        "part", "north", "south", "east", "west", "northeast", "northwest",
                        "southeast", "southwest"})
# The word after a region's name ("Rakhine State", "Helmand Province", "Donetsk Oblast").
REGION_WORDS = frozenset({"state", "province", "region", "governorate", "district", "oblast", "prefecture",
                          "county", "territory", "valley"})
# Roles that make a name an actor (or part of one), not a location.
ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "dobj", "dative", "attr",
                        "oprd", "poss", "agent", "compound", "amod", "nmod", "pobj", "pcomp"})
CLAUSE_UP = frozenset({"conj", "xcomp", "ccomp", "advcl"})
NAME_DEPS = frozenset({"compound", "flat", "nmod"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr"})


@dataclass(frozen=True, slots=True)
class Located:
    """A place and the words it was read from. `span` holds offsets into the document text
    (None for a dateline, which lies outside the sentences); `how` is "locative" (the event's
    own clause), "sentence" (elsewhere in the sentence) or "dateline"."""

    place: Place
    text: str
    span: tuple[int, int] | None
    how: str

    def to_json(self) -> dict[str, Any]:
        """The event contract's `location` dict."""
        p = self.place
        return {"name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat,
                "lon": p.lon, "feature": p.feature, "text": self.text,
                "span": [self.span[0], self.span[1]] if self.span else None}


@dataclass(frozen=True, slots=True)
class _Found:
    place: Place
    lo: int  # token range in the sentence, inclusive
    hi: int


class PlaceResolver:
    """Finds the location of an event in its sentence; stateless apart from the gazetteer."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer

    def event_location(self, sentence: Sentence, tree: Tree, verb: int,
                       doc_countries: Sequence[str] = (),
                       dateline: str | None = None) -> dict[str, Any] | None:
        """The contract's location dict for the event whose trigger is token `verb`, or None."""
        found = self.locate(sentence, tree, verb, doc_countries, dateline)
        return found.to_json() if found else None

    def locate(self, sentence: Sentence, tree: Tree, verb: int,
               doc_countries: Sequence[str] = (), dateline: str | None = None) -> Located | None:
        """Locative of the event's clause, else a place elsewhere in the sentence that is not an
        actor, else the dateline city (`dateline` like "SEOUL, March 2, 2004")."""
        mentioned = self._context_countries(sentence, doc_countries)
        tried: set[int] = set()
        for how, candidates in (("locative", self._clause_locatives(tree, verb)),
                                ("sentence", self._sentence_places(tree))):
            for tok in candidates:
                if tok.i in tried:
                    continue
                tried.add(tok.i)
                found = self._phrase(tree, tok, mentioned)
                if found is not None:
                    return _located(sentence, found, how)
        return self.dateline_place(dateline, mentioned) if dateline else None

    def place_of(self, sentence: Sentence, tree: Tree, tok: Token, doc_countries: Sequence[str] = ()) -> Located | None:
        """The place the phrase headed by `tok` names ("Raqqa", "the city of Basra"), whatever
        its role in the sentence; None when it names none."""
        found = self._phrase(tree, tok, self._context_countries(sentence, doc_countries))
        return _located(sentence, found, "argument") if found is not None else None

    def _context_countries(self, sentence: Sentence, doc_countries: Sequence[str]) -> tuple[str, ...]:
        """The countries that decide an ambiguous place name: the sentence's, then the story's."""
        return tuple(dict.fromkeys([*self.mentioned(sentence), *doc_countries]))

    def mentioned(self, sentence: Sentence) -> list[str]:
        """Countries the sentence names as countries or demonyms, in order. Capitals are left
        out: the capital reading of the very name being resolved ("Tripoli" is Libya's) would
        vote for itself."""
        words = [t.text for t in sentence.tokens]
        codes: list[str] = []
        for _, _, entries in self.gazetteer.lexicon.scan(words):
            codes.extend(e.country for e in entries if e.kind in ("country", "demonym")
                         and e.country and len(e.country) == 3)
        return list(dict.fromkeys(codes))

    def dateline_place(self, dateline: str, mentioned: Sequence[str] = ()) -> Located | None:
        """The city of a dateline: "SEOUL, March 2, 2004", "WASHINGTON (Reuters) -",
        "SEOUL, South Korea, March 2", "ATLANTA, Ga. -"."""
        parts = [p.strip() for p in re.split(r",|\(|\s[-\u2013\u2014]+\s?|\s*[\u2013\u2014]",
                                             dateline.strip()) if p.strip()]
        if not parts or not any(ch.isalpha() for ch in parts[0]):
            return None
        qualifier = parts[1] if len(parts) > 1 else None
        place = self._qualified(parts[0], qualifier) if qualifier else None
        place = place or self.gazetteer.lookup(parts[0], mentioned)
        return Located(place, parts[0], None, "dateline") if place else None

    # --- where to look -----------------------------------------------------------------------

    def _clause_locatives(self, tree: Tree, verb: int) -> Iterator[Token]:
        """Objects of locative prepositions on the verb, on its arguments ("the talks in
        Beijing ended"), then on the clauses it hangs from ("said in Seoul that ...")."""
        toks = tree.tokens
        head, seen = verb, set[int]()
        while head not in seen:
            seen.add(head)
            yield from _locative_objects(tree, head)
            for arg in tree.kids(head, ARGUMENT_DEPS):
                yield from _locative_objects(tree, arg.i)
            for prep in tree.kids(head, {"prep"}):
                for obj in tree.kids(prep.i, {"pobj"}):
                    yield from _locative_objects(tree, obj.i)
            if toks[head].dep not in CLAUSE_UP or toks[head].head == head:
                break
            head = toks[head].head

    def _sentence_places(self, tree: Tree) -> Iterator[Token]:
        """Locative objects anywhere in the sentence, then place entities in no actor role."""
        for tok in tree.tokens:
            if tok.dep == "pobj" and tree.tokens[tok.head].lemma.lower() in LOCATIVE_PREPS:
                yield tok
        for tok in _entity_heads(tree):
            if _role(tree, tok) not in ACTOR_DEPS:
                yield tok

    # --- reading one phrase ------------------------------------------------------------------

    def _phrase(self, tree: Tree, tok: Token, mentioned: Sequence[str],
                depth: int = 0) -> _Found | None:
        """The place a locative object names: "Pyongyang", "the State Department", "the
        Kenyan capital", "the city of Basra", "Columbus, Georgia", "the embassy in Seoul"."""
        if depth > 3 or (tok.ent_type in NOT_PLACES and not (tok.ent_type == "PERSON" and (
                tok.text.lower() in REGION_WORDS or self._capital_as_person(tree, tok)))):
            return None  # (the small model tags "Rakhine State" and "in Dakar" as a person)
        inner = None
        for obj in _locative_objects(tree, tok.i):
            inner = inner or self._phrase(tree, obj, mentioned, depth + 1)
        near = (inner.place.country,) if inner else mentioned
        lemma = tok.lemma.lower()
        if lemma == "capital":
            return self._capital(tree, tok, mentioned, depth) or inner
        if lemma in CONTAINERS:
            found = self._container(tree, tok, mentioned, depth)
            if found is not None:
                return found
        if lemma in WATER_HEADS and any(p == "of" for p, _ in tree.prep_objects(tok.i)):
            # "the Bay of Bengal", "the Gulf of Aden": the whole name or nothing, never "Bay"
            lo, hi = tree.subtree(tok.i)
            lo = max(lo, tok.i)
            place = self.gazetteer.lookup(_text(tree, lo, hi), near)
            return _Found(place, lo, hi) if place is not None else None
        found = self._name(tree, tok, near)
        if found is not None:
            return found
        if inner is not None:
            return inner
        if tok.pos == "PROPN":  # "the West Bank" is not Bank, nor "the Gaza Strip" Gaza
            return None
        for kid in tree.kids(tok.i, {"compound"}):  # "the Geneva talks", "Camp David summit"
            if kid.pos == "PROPN":
                found = self._name(tree, kid, mentioned)
                if found is not None and found.place.feature in ("city", "site"):
                    return found
        return None

    def _capital_as_person(self, tree: Tree, tok: Token) -> bool:
        """A one-word name the small model calls a person that is a national capital's
        ("clashed with protesters in Dakar"): a person is seldom the object of a locative."""
        alone = not tree.kids(tok.i, {"compound", "poss", "appos", "flat"}) and tok.pos == "PROPN"
        return alone and self.gazetteer.capital_named(tok.text) is not None

    def _name(self, tree: Tree, tok: Token, near: Sequence[str]) -> _Found | None:
        """Look the words of a name up (see `_name_spans`); a trailing ", Georgia" / ", South
        Korea" qualifies it; "Washington state" is a US state."""
        for lo, hi in _name_spans(tree, tok):
            text = _text(tree, lo, hi)
            words = text.split()
            if len(words) > 1 and words[-1].lower() == "state":
                state = self.gazetteer.us_state(" ".join(words[:-1]))
                if state is not None:
                    return _Found(state, lo, hi)
            if len(words) > 1 and words[-1].lower() in REGION_WORDS:  # "Rakhine State", "Helmand Province"
                region = self.gazetteer.lookup(" ".join(words[:-1]), near)
                if region is not None and region.feature == "admin1":
                    return _Found(region, lo, hi)
            qualified = self._qualifier(tree, hi, text)
            if qualified is not None:
                return _Found(qualified[0], lo, qualified[1])
            place = self.gazetteer.lookup(text, near)
            if place is not None:
                return _Found(place, lo, hi)
        return None

    def _qualifier(self, tree: Tree, hi: int, text: str) -> tuple[Place, int] | None:
        """"Columbus, Georgia" / "Tripoli, Lebanon": the name inside the US state or country
        that follows it after a comma, with the index of the qualifier's last token; None when
        no such qualifier follows or the name is not found inside it."""
        toks = tree.tokens
        if hi + 2 >= len(toks) or toks[hi + 1].text != "," or toks[hi + 2].pos != "PROPN":
            return None
        end = hi + 2
        while end + 1 < len(toks) and toks[end + 1].pos == "PROPN":
            end += 1
        place = self._qualified(text, _text(tree, hi + 2, end))
        return (place, end) if place is not None else None

    def _qualified(self, name: str, qualifier: str) -> Place | None:
        """A name in the US state or the country the qualifier names."""
        state = self.gazetteer.us_state(qualifier)
        if state is not None:
            place = self.gazetteer.lookup(name, ("USA",), admin1=state.admin1)
            if place is not None:
                return place
        codes = self.gazetteer.country_codes(qualifier)
        if codes:
            place = self.gazetteer.lookup(name, codes[:1], diplomatic=False)
            if place is not None and place.country == codes[0]:
                return place
        return None

    def _capital(self, tree: Tree, tok: Token, mentioned: Sequence[str],
                 depth: int) -> _Found | None:
        """"the Kenyan capital", "Georgia's capital", "the capital, Tbilisi"."""
        mods = [k for k in tree.kids(tok.i, {"amod", "compound", "poss", "nmod"}) if k.i < tok.i]
        if mods:
            lo = min(tree.subtree(m.i)[0] for m in mods)
            words = [t.text for t in tree.tokens[lo:tok.i] if t.dep not in ("det", "case")]
            codes = self.gazetteer.countries_named(" ".join(words))
            codes = [c for c in codes if c in mentioned] or codes
            capital = self.gazetteer.capital(codes[0]) if codes else None
            if capital is not None:
                return _Found(capital, lo, tok.i)
        for appos in tree.kids(tok.i, {"appos"}):
            found = self._phrase(tree, appos, mentioned, depth + 1)
            if found is not None:
                return found
        return None

    def _container(self, tree: Tree, tok: Token, mentioned: Sequence[str],
                   depth: int) -> _Found | None:
        """"the city of Basra", "the Iraqi city of Basra", "the U.S. state of Georgia"."""
        for prep in tree.kids(tok.i, {"prep"}):
            if prep.lemma.lower() != "of":
                continue
            for obj in tree.kids(prep.i, {"pobj"}):
                if tok.lemma.lower() == "state":
                    lo, hi = _name_spans(tree, obj)[0]
                    state = self.gazetteer.us_state(_text(tree, lo, hi))
                    if state is not None:
                        return _Found(state, lo, hi)
                mods = [k.text for k in tree.kids(tok.i, {"amod", "compound"})]
                codes = [c for m in mods for c in self.gazetteer.countries_named(m)]
                if obj.ent_type == "PERSON" and obj.pos == "PROPN":
                    # "the city of Kherson" tagged a person: after "the city of", a name is a place
                    return self._name(tree, obj, codes or mentioned)
                return self._phrase(tree, obj, codes or mentioned, depth + 1)
        return None


# --- helpers -----------------------------------------------------------------------------------

def _locative_objects(tree: Tree, i: int) -> Iterator[Token]:
    for prep in tree.kids(i, {"prep"}):
        if prep.lemma.lower() in LOCATIVE_PREPS:
            yield from tree.kids(prep.i, {"pobj"})


def _name_spans(tree: Tree, tok: Token) -> list[tuple[int, int]]:
    """Inclusive token ranges to try, longest first: the named entity around the token, the
    token with its compound modifiers, and the token alone only when it is the whole name (the
    "Bank" of "the West Bank" is not a place); a leading "the" is left out."""
    toks = tree.tokens
    spans: list[tuple[int, int]] = []
    if tok.ent_type:
        lo = hi = tok.i
        while lo > 0 and toks[lo].ent_iob == "I" and toks[lo - 1].ent_type == tok.ent_type:
            lo -= 1
        while hi + 1 < len(toks) and toks[hi + 1].ent_iob == "I":
            hi += 1
        spans.append((lo, hi))
    lo = tok.i
    stack = [tok.i]
    while stack:
        for kid in tree.kids(stack.pop(), NAME_DEPS):
            if kid.i < tok.i:
                lo = min(lo, tree.subtree(kid.i)[0])
                stack.append(kid.i)
    spans.append((lo, tok.i))
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        while lo < hi and toks[lo].dep == "det":
            lo += 1
        if (lo, hi) not in out:
            out.append((lo, hi))
    return out


def _entity_heads(tree: Tree) -> Iterator[Token]:
    """The syntactic head of each GPE/LOC/FAC entity ("Korea" of "North Korea")."""
    toks = tree.tokens
    i = 0
    while i < len(toks):
        if toks[i].ent_iob != "B" or toks[i].ent_type not in PLACE_ENTITIES:
            i += 1
            continue
        j = i
        while j + 1 < len(toks) and toks[j + 1].ent_iob == "I":
            j += 1
        yield next((t for t in toks[i:j + 1] if not i <= t.head <= j or t.head == t.i), toks[j])
        i = j + 1


def _role(tree: Tree, tok: Token) -> str:
    """The dependency that says what a name does in the sentence, seen through conjunctions
    and appositions ("Seoul and Washington agreed": Washington is a subject too)."""
    toks = tree.tokens
    j = tok.i
    for _ in range(8):
        if toks[j].dep not in ("conj", "appos") or toks[j].head == j:
            break
        j = toks[j].head
    return toks[j].dep


def _text(tree: Tree, lo: int, hi: int) -> str:
    toks = tree.tokens
    start = toks[lo].start - tree.sentence.start
    return tree.sentence.text[start:toks[hi].end - tree.sentence.start]


def _located(sentence: Sentence, found: _Found, how: str) -> Located:
    toks = sentence.tokens
    start, end = toks[found.lo].start, toks[found.hi].end
    return Located(found.place, sentence.text[start - sentence.start:end - sentence.start],
                   (start, end), how)
