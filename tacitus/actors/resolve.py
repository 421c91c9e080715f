"""Actor resolution: from a noun phrase in a parsed sentence to coded CAMEO actors.

A noun phrase is read from its head token outwards (modifiers, compounds, appositions, "of"
phrases), matched against our lexicons, and coded as COUNTRY + SECTOR ("North Korean Vice Foreign
Minister Kim Gye Gwan" -> PRKGOV). People named with a title or a country are remembered for the
rest of the document, so a later bare "Kim" or "Kartman" resolves to the same actor; a name with no
title and no country is coded only from the dated officials lexicon ("Clinton" in 1996 -> USAGOV).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..events.syntax import Tree
from ..geo.place import WATER_HEADS
from ..records import Actor, Token
from .lexicon import ActorEntry, ActorLexicon
from .officials import OfficialsIndex

# Dependents that belong to a noun phrase's own words (names, titles, modifiers).
NP_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "appos", "case", "flat"})
# "officials of X", "a court in Britain", "protesters from Gaza": phrases that carry the country.
NP_PREPS = frozenset({"of", "in", "from"})
PLACE_PREPS = NP_PREPS | {"near"}  # an agent's or site's place: "a court in Britain", "a base near Damascus"
COORDINATING_DETS = frozenset({"both", "either", "neither"})
# counts whose "of" phrase is the actor ("dozens of protesters", "a group of soldiers")
PARTITIVE_NOUNS = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million",
                             "millions", "score", "scores", "number", "handful", "couple", "group", "batch"})
# readings that are one body's full name, never a country or a role to combine with others
NAMED_KINDS = frozenset({"organ", "igo", "group"})
NOT_ACTORS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
REFERRING_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})
PLURAL_PRONOUNS = frozenset({"they", "we"})
OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her"})
LEADING_VERBS = frozenset({"lead", "head"})
# Envoys and delegations "from" someone are theirs ("a delegation from the Taliban")
ENVOY_NOUNS = frozenset({"delegation", "delegate", "envoy", "emissary", "negotiator", "representative", "mission"})
# "former", "ex-": out of office, an elite (CAMEO ELI)
FORMER = frozenset({"former", "ex", "ex-"})
INSTITUTIONS = frozenset({"government", "administration", "regime", "cabinet", "ministry", "leadership", "authority"})
# Supporters of an elite, a party or the opposition are the opposition
SUPPORTER_NOUNS = frozenset({"supporter", "follower", "loyalist", "partisan"})
FOLLOWED_SECTORS = frozenset({"ELI", "OPP", "PTY"})
# A state's leader is its government ("the Belarusian leader"), when nothing else qualifies it
LEADER_NOUNS = frozenset({"leader", "leadership", "strongman", "ruler"})
LEADER_QUALIFIERS = frozenset("top new former late supreme current interim veteran de facto then incoming "
                              "outgoing longtime long-time political national visiting".split())
# Tournaments named after a region or country are no actor
SPORTS_EVENTS = frozenset({"games", "olympics", "cup", "championship", "championships", "tournament", "open"})
# Sports teams named after their country act for no state
TEAM_HEADS = frozenset({"team", "squad", "side", "eleven", "club", "player", "players"})
SPORTS = frozenset("cricket football soccer rugby hockey basketball tennis baseball volleyball handball "
                   "olympic golf chess polo swimming athletics gymnastics".split())
RELATION_PREPS = frozenset({"with", "against", "on", "to", "at"})
RELATION_NOUNS = frozenset({"tie", "relation", "relationship", "contact", "talk", "dialogue", "agreement", "deal",
                            "lawsuit", "suit", "complaint", "case", "charge", "sanction", "protest"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "us"})
# "his country", "their government": the state of whoever the pronoun stands for
OWN_STATE_NOUNS = frozenset({"country", "nation", "government"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "our"})
NAME_ENTS = frozenset({"PERSON"})
# "US-backed forces", "Russia-backed separatists": a modifier naming who backs the actor
# ("armed" is not one: "armed forces", "armed men" are armed, not armed by someone)
BACKERS = frozenset({"back", "backed", "support", "supported", "fund", "funded", "train", "trained",
                     "sponsor", "sponsored", "finance", "financed", "aid", "aided", "recognise", "recognize"})
# Accords and meetings named after the city where they were made ("the Paris agreement").
VENUE_NAMED = frozenset({"agreement", "accord", "treaty", "protocol", "talk", "process", "format", "conference",
                         "convention", "declaration", "pact", "framework", "summit", "negotiation", "roadmap"})
# Sites an attack is made on: their place phrase is theirs, and gives the country ("a military
# base in northeast Nigeria": NGAMIL; "a military airport near Homs": SYRMIL). Not embassies,
# which stand in another state's capital.
SITE_NOUNS = frozenset({"base", "camp", "position", "target", "headquarters", "outpost", "checkpoint",
                        "post", "barracks", "garrison", "installation", "stronghold", "hideout", "depot",
                        "station", "airport", "airbase", "airfield", "facility"})
FOREIGN_POSTS = frozenset({"embassy", "consulate"})
PLACE_ENTS = frozenset({"LOC", "GPE", "FAC"})
# Drills are held, not done: "suspended a joint military exercise" aims at no one; a
# state's own drills still name it ("the US-Korean drills": USA, KOR)
DRILL_NOUNS = frozenset({"exercise", "drill", "manoeuvre", "maneuver", "wargame"})
# Statements whose author is their "from" or "by" phrase, and speakers "for" someone
STATEMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "message"})
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "mouthpiece"})
# Plans, decisions and words that are their possessor's: their compound nouns are their topic
AUTHORED = frozenset({"plan", "decision", "proposal", "policy", "programme", "program", "initiative", "move",
                      "reform", "bill", "law", "order", "request", "offer", "demand", "statement", "remark",
                      "comment", "strategy", "agenda", "deal", "visit"})
# Acts whose "of" phrase is what they are done to, not whose they are ("Egyptian criticism of
# Hamas leaders" is Egypt's): with an owner of their own, the "of" phrase is left out.
OBJECTIVE_OF = frozenset({"criticism", "condemnation", "denunciation", "recognition", "invasion", "occupation",
                          "annexation", "blockade", "bombing", "shelling", "killing", "murder", "assassination",
                          "arrest", "detention", "release", "expulsion", "deportation", "rejection", "approval", "execution",
                          "treatment", "persecution", "sanctioning", "isolation"})
# "opponents/critics of the government": the opposition of the state their phrase names
OPPONENTS = frozenset({"opponent", "critic"})
OPPOSITION = "OPP"
COUNTRY_KINDS = frozenset({"country", "demonym", "capital", "contextual"})


@dataclass(slots=True)
class DocContext:
    """What the resolver has learnt about one document so far."""

    date: dt.date | None
    people: dict[str, tuple[str, str | None, str | None, str]] = field(default_factory=dict)
    countries: Counter = field(default_factory=Counter)

    def countries_by_mentions(self) -> list[str]:
        """The countries the story has named so far, most often named first."""
        return [c for c, _ in self.countries.most_common()]


@dataclass(slots=True)
class Resolved:
    code: str
    country: str | None
    sector: str | None
    name: str | None


class ActorResolver:
    def __init__(self, lexicon: ActorLexicon, officials: OfficialsIndex):
        self.lexicon = lexicon
        self.officials = officials

    def start(self, date: dt.date | None) -> DocContext:
        return DocContext(date=date)

    # --- noun phrases -------------------------------------------------------------------------

    def actors(self, tree: Tree, head: Token, ctx: DocContext) -> list[Actor]:
        """Actors for the noun phrase headed by `head`, one per conjunct ("X and Y"). A country
        modifier before the first conjunct also holds for a bare role noun after it ("Danish
        media and government": DNKMED, DNKGOV), and conjoined country modifiers each make an
        actor ("Chinese and Russian diplomats": CHNGOV, RUSGOV)."""
        if head.text.lower() in PLURAL_PRONOUNS:
            antecedent = _antecedent(tree, head)
            if antecedent is not None and len(tree.conjuncts(antecedent.i)) > 1:
                # "Cuba and the United States said they would restore ties": both of them
                return self.actors(tree, antecedent, ctx)
        heads = tree.conjuncts(head.i)
        listed = _listed_apposition(tree, head)
        if listed is not None:
            # "The EU, the US and Britain imposed": the small model makes the list's second
            # member an apposition of the first, the rest its conjuncts
            heads = sorted(set(heads) | set(tree.conjuncts(listed.i)))
        found = [self.actor(tree, tree.tokens[i], ctx) for i in heads]
        found = _shared_role(tree, heads, found)
        lead = found[0]
        if lead is not None and lead.country is not None and self._modifier_country(tree, heads[0], ctx) == lead.country:
            found = [found[0]] + [self._with_country(a, lead.country) if _bare(tree, i) else a
                                  for i, a in zip(heads[1:], found[1:])]
        out: list[Actor] = []
        for i, actor in zip(heads, found):
            for each in [actor] + self._conjoined_countries(tree, i, actor, ctx) + _other_korea(actor):
                if each is not None and all(a.code != each.code or a.span != each.span for a in out):
                    out.append(each)
        if not out:
            # "Critics, including the European Commission, ...", "countries such as France and
            # Germany": an uncoded group's named members are the actors
            for member in self._named_members(tree, head):
                out.extend(a for a in self.actors(tree, member, ctx) if a not in out)
        return out

    def _named_members(self, tree: Tree, head: Token) -> list[Token]:
        """The objects of a group's "including" or "such as" phrase."""
        members = []
        for prep in tree.kids(head.i, {"prep"}):
            word = prep.text.lower()
            if word == "including" or (word == "as" and any(m.lemma.lower() == "such" for m in tree.kids(prep.i, {"amod"}))):
                members.extend(tree.kids(prep.i, {"pobj"}))
        return members

    def _modifier_country(self, tree: Tree, i: int, ctx: DocContext) -> str | None:
        """The country a premodifier of token i names ("Danish" in "Danish media")."""
        for m in tree.kids(i, {"amod", "compound"}):
            if m.i < i:
                country = self._word_country(tree, m, ctx)
                if country is not None:
                    return country
        return None

    def _conjoined_countries(self, tree: Tree, i: int, actor: Actor | None, ctx: DocContext) -> list[Actor]:
        """ "Chinese and Russian diplomats", "people in Somalia, Ethiopia and Kenya": the actor
        again for each country conjoined to the modifier or place that gave its country."""
        if actor is None or actor.country is None or not actor.code.startswith(actor.country):
            return []
        role = actor.code[len(actor.country):]
        # "Hezbollah targets in southern Lebanon and Syria": a named group is not placed again
        named_group = bool(role) and role not in self.lexicon.roles
        out = []
        # the country words: premodifiers, and the places of "people in Somalia, Ethiopia and Kenya"
        places = [p for prep in tree.kids(i, {"prep"}) if prep.lemma.lower() in NP_PREPS
                  for p in tree.kids(prep.i, {"pobj"})]
        for m in tree.kids(i, {"amod", "compound", "nmod"}) + places:
            for c in (tree.tokens[j] for j in tree.conjuncts(m.i) if j != m.i):
                country = self._word_country(tree, c, ctx)
                if country is None or country == actor.country:
                    # "Hamas and Fatah officials": a second named group, of the same country or none
                    group = self.actor(tree, c, ctx) if c.pos == "PROPN" else None
                    if group is not None and group.code not in (actor.code, group.country):
                        out.append(group)
                    continue
                if named_group:
                    continue
                if role:  # "Chinese and Russian diplomats": the role in each country
                    out.append(self._with_country(replace(actor, code=role, country=None, name=None), country))
                else:  # "Iraqi and Turkish policies": each country itself
                    out.append(replace(actor, code=country, country=country, name=self.lexicon.country_name(country)))
        return out

    def _word_country(self, tree: Tree, tok: Token, ctx: DocContext) -> str | None:
        """The country a word with its compounds names, as a name or a demonym ("Danish": DNK,
        "South Sudan": SSD)."""
        # ... "North" may hang as an adjective: "U.S. and [North] Korean negotiators"
        words = [t.text for t in tree.kids(tok.i, {"compound", "amod"}) if t.i < tok.i] + [tok.text]
        return _country_role(self._matches(words, ctx))[0]

    def _with_country(self, actor: Actor | None, country: str) -> Actor | None:
        """A role-only actor ("government": GOV) placed in `country` (DNKGOV)."""
        if actor is None or actor.country is not None or not actor.sector or not actor.code.startswith(actor.sector):
            return actor
        return replace(actor, code=country + actor.code, country=country, name=actor.name or self.lexicon.country_name(country))

    def actor(self, tree: Tree, head: Token, ctx: DocContext) -> Actor | None:
        if head.pos == "PRON" or (head.text.lower() in PRONOUNS and head.text != head.text.upper()):
            return self._pronoun(tree, head, ctx)
        if head.ent_type in NOT_ACTORS and not (head.pos == "PROPN" and self._is_country_name(head, ctx)):
            # "called Morrison on Wednesday": a date is no target; but the small model's "the
            # coup in [Niger]" tagged a date is the country
            return None
        if head.lemma.lower() in OWN_STATE_NOUNS and any(
            p.text.lower() in POSSESSIVE_PRONOUNS for p in tree.kids(head.i, {"poss"})
        ):
            return self._own_state(tree, head, ctx)
        counted = self._partitive(tree, head, ctx)
        if counted is not None:
            return counted
        # an embassy stands in another state's capital: its place is not its country
        idx = np_tokens(tree, head.i, places=(self.agent_sector(head) is not None or head.lemma.lower() in SITE_NOUNS)
                        and head.lemma.lower() not in FOREIGN_POSTS)
        idx = _whole_words(tree, idx, head.i)
        if head.lemma.lower() in OBJECTIVE_OF and tree.kids(head.i, {"poss", "amod", "compound"}):
            # "Australian criticism [of its military operations]": the act's object is not its owner
            inner = {k for p in tree.kids(head.i, {"prep"}) if p.lemma.lower() == "of" for k in range(*tree.subtree(p.i))}
            idx = [i for i in idx if i not in inner]
        named = self._whole_name(tree, head, idx, ctx)
        if named is not None:
            return named
        if head.lemma.lower() in WATER_HEADS and (head.pos == "PROPN" or head.ent_type in PLACE_ENTS):
            return None  # "the South China Sea", "the Sea of Japan": open water is no state
        if head.text.lower() in SPORTS_EVENTS and head.pos == "PROPN":
            return None  # "the Asian Games", "the World Cup": a tournament is no actor
        toks = [tree.tokens[i] for i in idx]
        backers = {k for t in toks if t.dep == "amod" and (t.lemma.lower() in BACKERS or _after_noun(t))
                   for k in range(*tree.subtree(t.i))}
        # "the Paris climate agreement", "the Astana talks": the venue, not a party
        backers |= {t.i for t in toks if self.names_venue(tree, t, ctx)}
        if head.lemma.lower() in AUTHORED and any(p.pos != "PRON" for p in tree.kids(head.i, {"poss"})):
            # "the president's student loan forgiveness plan": the plan's owner, not its topic
            backers |= {k for c in tree.kids(head.i, {"compound", "amod"}) for k in range(*tree.subtree(c.i))}
        # "US-backed forces", "rebels loyal to Riek Machar": the backer or leader is in the span
        # but is another actor
        resolved = self._resolve([t for t in toks if t.i not in backers], head, ctx)
        if resolved is None and head.lemma.lower() in LEADER_NOUNS:
            # "The Group of Seven leaders pledged": the body they lead
            for kid in tree.kids(head.i, {"nmod", "compound"}):
                body = self.actor(tree, kid, ctx)
                if body is not None and body.sector == "IGO":
                    return body
        if resolved is None and head.lemma.lower() in STATEMENT_NOUNS:
            # "The statement from the Iranian foreign ministry condemned": its author's
            author = self._author(tree, head, ("from", "by"), ctx)
            if author is not None:
                return _coded(tree, *_trim(toks), author)
        if resolved is not None and role_only(resolved) and head.lemma.lower() in SPOKES_NOUNS:
            # "A spokesman for the Israeli military": who speaks for it
            author = self._author(tree, head, ("for",), ctx)
            if author is not None and author.code != author.sector:  # a named body, not "for the government"
                return _coded(tree, *_trim(toks), author)
        if resolved is None or (head.lemma.lower() in FOREIGN_POSTS and resolved.country is None):
            return None  # "its embassy", "the embassy": whose, the phrase does not say
        if head.lemma.lower() in DRILL_NOUNS and role_only(resolved):
            return None  # "a joint military exercise": whose, the phrase does not say
        if head.lemma.lower() in OPPONENTS and resolved.country is not None and resolved.sector != OPPOSITION:
            # "(political) opponents of the Maldives government": the opposition in that state
            resolved = _as_role(resolved, OPPOSITION)
        if role_only(resolved) and head.lemma.lower() in ENVOY_NOUNS:
            sender = self._sender(tree, head, ctx)  # "a delegation from the Taliban": AFGREBTAL
            if sender is not None:
                return _coded(tree, *_trim(toks), sender)
        if role_only(resolved):
            # "his country's army": a role whose country is the possessive's own state
            for owner in tree.kids(head.i, {"poss"}):
                if owner.text.lower() in POSSESSIVE_PRONOUNS:
                    # "Moscow vowed to retaliate against the expulsion of its diplomats": the
                    # pronoun's state is the governing clause's subject's (RUSGOV), when no
                    # other actor stands between them ("the court ... its chief prosecutor")
                    state = self._own_state(tree, head, ctx, pronoun=owner)
                else:
                    state = self.actor(tree, owner, ctx) if owner.lemma.lower() in OWN_STATE_NOUNS else None
                if state is not None and state.country is not None:
                    resolved = Resolved(state.country + resolved.code, state.country, resolved.sector, resolved.name)
                    break
            else:
                # "a delegation led by the Iranian deputy foreign minister": the leader's country;
                # "the expulsion of its diplomats": the placed role of the "of" phrase
                leader = self._leader(tree, head, ctx) or self._of_role(tree, head, resolved.code, ctx)
                if leader is not None and leader.country is not None:
                    resolved = Resolved(leader.country + resolved.code, leader.country, resolved.sector, resolved.name)
        if resolved.code == resolved.country and self.sports_team(tree, head):
            return None  # "India's cricket team will tour Pakistan": a national team is no state
        if (resolved.sector == "GOV" and head.lemma.lower() not in INSTITUTIONS
                and (any(t.text.lower() in FORMER for t in toks) or _ex_prefixed(tree, head))
                and (resolved.country or resolved.code == resolved.sector)):
            # "former Pakistani Prime Minister Imran Khan", "an ex-president": an elite, no
            # longer the government
            resolved = _as_role(resolved, "ELI")
        if resolved.country and resolved.sector in FOLLOWED_SECTORS and head.lemma.lower() in SUPPORTER_NOUNS:
            # "supporters of former Prime Minister Imran Khan": the opposition in that state
            resolved = _as_role(resolved, OPPOSITION)
        elif resolved.country and resolved.sector == "GOV" and head.lemma.lower() in SUPPORTER_NOUNS:
            # "supporters of President Maduro rallied": civilians, not the government
            resolved = _as_role(resolved, "CVL")
        if resolved.code == resolved.country and resolved.country and (
                self._state_leader(tree, head, ctx)
                or any(self._state_leader(tree, k, ctx) for k in tree.kids(head.i, {"compound", "appos"})
                       if head.ent_type in NAME_ENTS)):
            # "the Belarusian leader", "China's leaders", "North Korean leader Kim Jong Un": the
            # state's government
            resolved = _as_role(resolved, "GOV")
        return _coded(tree, *_trim(toks), resolved)

    def _state_leader(self, tree: Tree, head: Token, ctx: DocContext) -> bool:
        """ "the Belarusian leader", "China's new leaders": a leader qualified only by a state
        (and by rank or time); not a religious, tribal, party or rebel leader."""
        if head.lemma.lower() not in LEADER_NOUNS:
            return False
        for mod in tree.kids(head.i, {"amod", "compound", "poss", "nmod"}):
            if mod.lemma.lower() in LEADER_QUALIFIERS or mod.text.lower() in LEADER_QUALIFIERS:
                continue
            found = self.actor(tree, mod, ctx) if mod.pos in ("PROPN", "ADJ", "NOUN") else None
            if found is None or found.code != found.country:
                return False
        return True

    @staticmethod
    def sports_team(tree: Tree, head: Token) -> bool:
        """Whether the phrase is a sports team or player ("India's cricket team")."""
        return head.lemma.lower() in TEAM_HEADS and any(
            k.lemma.lower() in SPORTS for k in tree.kids(head.i, {"compound", "amod", "nmod"}))

    def _of_role(self, tree: Tree, head: Token, role: str, ctx: DocContext) -> Actor | None:
        """The "of" object of `head` when it resolves to the same role placed in a country."""
        for lemma, obj in tree.prep_objects(head.i):
            if lemma == "of":
                found = self.actor(tree, obj, ctx)
                if found is not None and found.country is not None and found.code == found.country + role:
                    return found
        return None

    def _author(self, tree: Tree, head: Token, preps: tuple[str, ...], ctx: DocContext) -> Resolved | None:
        """The actor of the first of `preps` phrases on `head` that names one."""
        for lemma, obj in tree.prep_objects(head.i):
            found = self.actor(tree, obj, ctx) if lemma in preps else None
            if found is not None:
                return Resolved(found.code, found.country, found.sector, found.name)
        return None

    def _sender(self, tree: Tree, head: Token, ctx: DocContext) -> Resolved | None:
        """Who sent an envoy or delegation "from" somewhere: a state's government, or a group."""
        found = self._author(tree, head, ("from",), ctx)
        if found is not None and found.country is not None and found.code == found.country:
            return _as_role(found, "GOV")
        return found

    def _leader(self, tree: Tree, head: Token, ctx: DocContext) -> Actor | None:
        """The actor a group is "led by" or "headed by"."""
        for clause in tree.kids(head.i, {"acl"}):
            if clause.lemma.lower() in LEADING_VERBS:
                agent = tree.agent(clause.i)
                if agent is not None:
                    return self.actor(tree, agent, ctx)
        return None

    def counted(self, tree: Tree, head: Token) -> Token:
        """The noun a count is of ("dozens of [activists]"), else the head itself."""
        if head.lemma.lower() not in PARTITIVE_NOUNS and head.pos != "NUM":
            return head
        return next((p for prep in tree.kids(head.i, {"prep"}) if prep.text.lower() == "of"
                     for p in tree.kids(prep.i, {"pobj"})), head)

    def _partitive(self, tree: Tree, head: Token, ctx: DocContext) -> Actor | None:
        """ "dozens of supporters of opposition leader Alexei Navalny", "a group of Kurdish
        fighters": a count's "of" phrase is the actor, and the count stays in its span."""
        inner = self.counted(tree, head)
        if inner is head:
            return None
        found = self.actor(tree, inner, ctx)
        if found is None or found.span is None:
            return None
        start, end = tree.tokens[tree.subtree(head.i)[0]].start, found.span[1]
        return replace(found, text=_span_text(tree, start, end), span=(start, end))

    def _whole_name(self, tree: Tree, head: Token, idx: list[int], ctx: DocContext) -> Actor | None:
        """A named organ, IGO or group whose name the parse splits into phrases the noun
        phrase does not keep ("Immigration and Customs Enforcement", "the Organization for
        Security and Co-operation in Europe"): the lexicon's longest name that starts where
        the phrase starts and runs through its head."""
        lo, hi = tree.subtree(head.i)
        if hi - lo < 3:
            return None  # one or two words: the noun phrase reads them as well
        words = [t.text for t in tree.tokens[lo:hi]]
        hit = self.lexicon.longest_match(words, 0)
        if hit is None or lo + hit[0] <= head.i or set(range(lo, lo + hit[0])) <= set(idx):
            return None  # no name through the head, or one the noun phrase keeps whole
        entry = next(iter(_usable(hit[1], ctx)), None)
        if entry is None or entry.kind not in NAMED_KINDS or not entry.complete:
            return None
        resolved = Resolved(entry.code, entry.country, entry.sector, entry.name)
        return _coded(tree, tree.tokens[lo], tree.tokens[lo + hit[0] - 1], resolved)

    def names_venue(self, tree: Tree, tok: Token, ctx: DocContext) -> bool:
        """A city that names an accord or a meeting after where it was made ("the Paris climate
        agreement", "the Astana talks"): its venue, not a party to it. A country name still is
        a party ("the Iran deal")."""
        head = tree.tokens[tok.head]
        return (tok.dep == "compound" and tok.pos == "PROPN" and tok.i < head.i
                and head.lemma.lower() in VENUE_NAMED and not self._is_country_name(tok, ctx))

    def _is_country_name(self, tok: Token, ctx: DocContext) -> bool:
        entries = self._matches([tok.text], ctx)
        return len(entries) == 1 and entries[0].kind == "country"

    def names_country(self, tree: Tree, head: Token, ctx: DocContext) -> bool:
        """Whether the phrase names a country or territory itself ("in Cuba", "in the West
        Bank"), not a city or a thing."""
        words = [tree.tokens[i].text for i in np_tokens(tree, head.i)]
        entries = self._matches(words, ctx)
        return bool(entries) and entries[-1].kind in ("country", "contextual", "region")

    def _own_state(self, tree: Tree, head: Token, ctx: DocContext, pronoun: Token | None = None) -> Actor | None:
        """ "Putin said his country will not lift the ban": a possessive pronoun's country or
        government is the country of the subject of a clause that governs the phrase, nearest
        first (RUS; "his government", RUSGOV)."""
        lo, hi = tree.subtree(head.i)
        j = head.i
        for _ in range(5):
            if tree.tokens[j].head == j:
                return None
            j = tree.tokens[j].head
            subject = tree.subject(j)
            if subject is None or subject.pos == "PRON" or lo <= subject.i < hi:
                continue
            if tree.subtree(subject.i)[0] <= head.i < tree.subtree(subject.i)[1]:
                continue  # "20 of its soldiers were killed": the phrase is in the subject itself
            if pronoun is not None and self._nearer_antecedent(tree, subject, pronoun):
                return None
            owner = self.actor(tree, subject, ctx)
            if owner is None or owner.country is None:
                continue
            sector = "GOV" if head.lemma.lower() == "government" else None
            state = Resolved(owner.country + (sector or ""), owner.country, sector, self.lexicon.country_name(owner.country))
            return _coded(tree, tree.tokens[lo], head, state)
        return None

    def _nearer_antecedent(self, tree: Tree, subject: Token, pronoun: Token) -> bool:
        """Whether a name or an agent noun stands between the subject's phrase and the pronoun
        (or the pronoun comes first): then "its" may be that one's."""
        end = tree.subtree(subject.i)[1]
        if pronoun.i < end:
            return True
        return any(t.pos == "PROPN" or (t.pos == "NOUN" and self.agent_sector(t) is not None)
                   for t in tree.tokens[end:pronoun.i])

    def _pronoun(self, tree: Tree, pron: Token, ctx: DocContext) -> Actor | None:
        """ "UNRWA said it had suspended aid": a subject pronoun in a reported or subordinate
        clause refers to the subject of the clause that governs it, when that is an actor."""
        antecedent = _antecedent(tree, pron)
        if antecedent is not None:
            return self.actor(tree, antecedent, ctx)
        if pron.text.lower() in OBJECT_PRONOUNS and pron.dep in ("dobj", "pobj", "dative"):
            # "cut ties with Qatar, accusing it of ...": the governing verb's object
            for tok in _governing_objects(tree, pron):
                found = self.actor(tree, tok, ctx)
                if found is not None:
                    return found
        return None

    def _resolve(self, toks: list[Token], head: Token, ctx: DocContext) -> Resolved | None:
        entries = self._matches([t.text for t in toks], ctx)
        person = _person_name(toks)
        country, role, igo = _country_role(entries)
        if igo is not None:  # an international organisation or a named group: its own full code
            return Resolved(code=igo.code, country=igo.country, sector=igo.sector or "IGO", name=igo.name)
        if role is None:
            role = self._title_sector(toks)
        if person and any(_definite(toks, t) for t in toks if t.ent_type in NAME_ENTS):
            person = None
        if country is None and (person or (head.pos == "PROPN" and not _definite(toks, head)) or _initial_name(head)):
            # a name: one met earlier in the story, or in the officials table (the small model
            # does not always tag a name at the start of a sentence as a person: "Obama lifts")
            # the phrase's whole proper name first: the small model tags only part of some names
            # as a person ("Imran | Khan"), and a surname alone may be someone else's alias
            # ("Édouard Philippe" is not King Philippe); then the person's name alone ("US
            # Secretary of State Mike Pompeo")
            names = [_proper_name(toks), person] if person else [_proper_name(toks) or head.text]
            known = None
            for name in dict.fromkeys(n for n in names if n):
                known = self._known_person(name, ctx)
                if known is not None:
                    break
            if known is not None:
                return known
        if country is None:
            # A generic agent with no country ("rebels", "the court") is coded by its role alone;
            # a bare name is not coded at all.
            if role:
                return Resolved(code=role, country=None, sector=role[:3], name=person)
            # ... and a region named alone is the region ("cut gas supplies to Europe": EUR)
            region = next((e for e in entries if e.kind == "region" and e.code == e.country), None)
            if region is not None and len(entries) == 1 and head.pos == "PROPN":
                return Resolved(code=region.code, country=None, sector=None, name=region.name)
            return None
        if person and role is None:
            # "Russian leader Vladimir Putin": no title gives the role, the officials table does
            for name in dict.fromkeys(n for n in (_proper_name(toks), person) if n):
                known = self._known_person(name, ctx)
                if known is not None and known.country == country:
                    return known
        if person and role:
            self._remember(person, country, role, ctx)
        name = person or self.lexicon.country_name(country)
        return Resolved(code=country + (role or ""), country=country, sector=role[:3] if role else None, name=name)

    def _matches(self, words: list[str], ctx: DocContext) -> list[ActorEntry]:
        """One reading per lexicon phrase found in the words, left to right."""
        found: list[ActorEntry] = []
        for _, _, entries in self.lexicon.scan(words):
            usable = _usable(entries, ctx)
            if usable:
                found.append(usable[0])
        return found

    def _title_sector(self, toks: list[Token]) -> str | None:
        for t in reversed(toks):
            if t.ent_type in NAME_ENTS:
                continue
            sector = self.agent_sector(t)
            if sector:
                return sector
        return None

    def agent_sector(self, tok: Token) -> str | None:
        """The sector of a generic agent noun, by lemma or, when the lemma is off, by surface form."""
        return self.lexicon.agent_sector(tok.lemma.lower()) or self.lexicon.agent_sector(tok.text.lower())

    def _known_person(self, name: str, ctx: DocContext) -> Resolved | None:
        for key in _name_keys(name):
            if key in ctx.people:
                code, country, sector, full = ctx.people[key]
                return Resolved(code=code, country=country, sector=sector, name=full)
        # With a date: who held office then. Without one: only a name that ever meant one code.
        matches = self.officials.lookup(name, ctx.date)
        codes = {o.code for o in matches}
        if len(codes) == 1:
            official = matches[0]
            country = official.country if len(official.country) == 3 else None
            return Resolved(code=official.code, country=country, sector=official.code[3:] or None, name=official.name)
        return None

    def _remember(self, name: str, country: str, role: str, ctx: DocContext) -> None:
        code = country + role
        for key in _name_keys(name):
            ctx.people.setdefault(key, (code, country, role[:3], name))

    # --- document memory ---------------------------------------------------------------------

    def observe(self, tree: Tree, ctx: DocContext) -> None:
        """Learn from a sentence before coding it: the countries it names (for contextual forms
        such as "the North") and the people it introduces with a title or a nationality."""
        for entry in self._matches([t.text for t in tree.tokens], ctx):
            if entry.country and entry.kind in COUNTRY_KINDS:
                ctx.countries[entry.country] += 1
        for tok in tree.tokens:
            if tok.ent_type in NAME_ENTS and tok.pos == "PROPN" and tok.dep not in ("compound", "flat"):
                # resolving a titled name remembers it; a name in apposition is titled by its head
                self.actor(tree, tree.tokens[tok.head] if tok.dep == "appos" else tok, ctx)


# Verbs whose condition is about the one they address: "warned Australia ... if it joined"
WARNING_VERBS = frozenset({"warn", "threaten", "caution", "tell", "urge"})


def _listed_apposition(tree: Tree, head: Token) -> Token | None:
    """The apposition on `head` that opens the rest of a list ("The EU, [the US] and Britain"):
    a proper name after a comma that has conjuncts of its own. An apposition that restates its
    head ("Kim Jong Un, the North Korean leader") has none."""
    for appos in tree.kids(head.i, {"appos"}):
        if (appos.pos == "PROPN" and len(tree.conjuncts(appos.i)) > 1
                and tree.tokens[appos.i - 1].text in (",", "the", "The")):
            return appos
    return None


def _antecedent(tree: Tree, pron: Token) -> Token | None:
    """The subject a subject pronoun of a reported or subordinate clause refers to: that of the
    clause governing it ("UNRWA said [it] had suspended aid")."""
    if pron.text.lower() not in REFERRING_PRONOUNS or pron.dep not in ("nsubj", "nsubjpass"):
        return None
    j = pron.head
    for _ in range(4):
        tok = tree.tokens[j]
        if tok.dep not in ("ccomp", "xcomp", "advcl", "conj", "relcl") or tok.head == j:
            return None
        if tok.dep == "advcl" and j in {c.i for c in tree.conditions(tok.head)}:
            # "warned Australia of consequences if [it] joined the patrols", "warned Finland that
            # it would respond if [it] joined NATO": the one warned
            warner = tree.tokens[tok.head]
            if warner.lemma.lower() not in WARNING_VERBS and warner.dep == "ccomp" and warner.head != warner.i:
                warner = tree.tokens[warner.head]
            warned = tree.kid(warner.i, {"dobj"}) if warner.lemma.lower() in WARNING_VERBS else None
            if warned is not None and warned.pos != "PRON":
                return warned
        j = tok.head
        subject = tree.subject(j)
        if subject is not None and subject.pos != "PRON":
            return subject
    return None


def _governing_objects(tree: Tree, pron: Token) -> list[Token]:
    """What an object pronoun of a participle or conjoined verb may refer to: the objects of the
    verb that governs it, direct object first ("cut ties with [Qatar], accusing it", "warned
    [Ukraine] and urged it", "holding [2000 people] to use them as shields")."""
    j = pron.head
    if tree.tokens[j].dep == "prep":
        j = tree.tokens[j].head
    for _ in range(3):
        tok = tree.tokens[j]
        if tok.dep not in ("advcl", "xcomp", "conj", "pcomp", "prep") or tok.head == j:
            return []
        j = tok.head
        if tree.tokens[j].pos not in ("VERB", "AUX"):
            continue
        direct = [o for o in tree.kids(j, {"dobj"}) if o.i < pron.i]
        if not direct:  # "sided with [Kyiv] and armed it"
            return [o for lemma, o in tree.prep_objects(j) if lemma in RELATION_PREPS and o.i < pron.i]
        # a relation's partner ("cut ties with [Qatar]"), not a thing's owner ("seized the tanker
        # from Britain and released it": the tanker)
        partners = [o for d in direct if d.lemma.lower() in RELATION_NOUNS for lemma, o in tree.prep_objects(d.i)
                    if lemma in RELATION_PREPS and o.i < pron.i]
        partners += [o for d in direct if d.lemma.lower() in RELATION_NOUNS for lemma, o in tree.prep_objects(j)
                     if lemma in RELATION_PREPS and o.i < pron.i]
        return direct + partners
    return []


def np_tokens(tree: Tree, head: int, places: bool = False) -> list[int]:
    """The noun phrase's own tokens: head, modifiers, compounds, "of" phrases, and appositions
    that name or describe a person ("the US Ambassador to Seoul, James Laney"); with `places`
    (the head is an agent noun: "a court in Britain") also "in"/"from" phrases naming a place."""
    toks = tree.tokens
    out = {head}
    stack = [head]
    while stack:
        j = stack.pop()
        for c in tree.children[j]:
            tok = toks[c]
            if tok.dep == "appos" and not (_personal(tree, toks[j], tok) or _bracketed(tree, tok) or _close_name(tree, j, tok)):
                continue  # "Kuwait, its first ever involvement": a description, not the actor
            if tok.dep == "punct" and tok.text in "()" and _bracketed(tree, _bracket_inner(tree, c)):
                pass  # the brackets of "the World Food Program (WFP)"
            elif tok.dep == "prep" and (j == head or toks[j].dep == "appos") and _np_prep(tree, tok, places):
                pass
            elif tok.dep == "prep" and _after_noun(toks[j]):
                pass  # "rebels loyal to Riek Machar": the adjective's phrase is in the span
            elif tok.dep == "pobj" and toks[j].dep == "prep" and c != head:
                pass
            elif tok.dep == "advmod" and _counted(tree, j):
                pass  # "at least 165 Venezuelans"
            elif tok.dep == "npadvmod" and tok.ent_type not in NOT_ACTORS:
                pass  # "the Saudi-led coalition", not "airstrikes this month"
            elif tok.dep not in NP_DEPS:
                continue
            if c not in out:
                out.add(c)
                stack.append(c)
    # a preposition whose object is a clause ("accused Chinese vessels of [ramming ...]") is not
    # the phrase's: no dangling "of"
    out -= {i for i in out if toks[i].dep == "prep" and not any(c in out for c in tree.children[i])}
    return sorted(out)


def _shared_role(tree: Tree, heads: list[int], found: list[Actor | None]) -> list[Actor | None]:
    """ "Azerbaijani and Armenian foreign ministers", which the small model parses as the
    adjective "Azerbaijani" coordinated with "ministers": a bare demonym takes the role of the
    conjunct after it (AZEGOV, ARMGOV)."""
    out = list(found)
    for k, (i, actor) in enumerate(zip(heads, found)):
        if actor is None or tree.tokens[i].pos != "ADJ" or actor.country is None or actor.code != actor.country:
            continue
        later = next((a for a in found[k + 1:] if a is not None and a.country and a.code.startswith(a.country)
                      and a.code != a.country), None)
        if later is not None:
            out[k] = replace(actor, code=actor.country + later.code[len(later.country):])
    return out


def _span_text(tree: Tree, start: int, end: int) -> str:
    """The sentence's words between two document offsets."""
    sentence = tree.sentence
    return sentence.text[start - sentence.start : end - sentence.start]


def _usable(entries: list[ActorEntry], ctx: DocContext) -> list[ActorEntry]:
    """Readings the document allows: a contextual form ("the North") only where the story
    names one of the countries it may stand for."""
    return [e for e in entries if not e.requires or any(ctx.countries[c] for c in e.requires)]


def _bare(tree: Tree, i: int) -> bool:
    """A noun with no modifier, determiner or possessor of its own ("government")."""
    return not tree.kids(i, {"amod", "compound", "det", "poss", "nummod"})


def _initial_name(head: Token) -> bool:
    """A lone capitalised word opening the sentence as its subject, which the small model
    tags as a common noun ("Trump and King Abdullah will meet"): worth a look in the names
    already met and the officials table, which alone can code it."""
    return head.i == 0 and head.pos == "NOUN" and head.text[:1].isupper() and head.dep in ("nsubj", "nsubjpass")


def _counted(tree: Tree, j: int) -> bool:
    """Whether token j is a number modifying a noun, or an adverb on one ("least" in "at least
    26 soldiers")."""
    tok = tree.tokens[j]
    if tok.dep == "advmod" and tok.head != j:
        tok = tree.tokens[tok.head]
    return tok.dep in ("nummod", "quantmod")


def _coded(tree: Tree, first: Token, last: Token, resolved: Resolved) -> Actor:
    """The actor record for a resolved phrase running from `first` to `last`; a bracket the
    phrase opens is closed with it ("the World Health Organization (WHO)", not "(WHO")."""
    toks = tree.tokens
    words = [t.text for t in toks[first.i : last.i + 1]]
    if words.count("(") > words.count(")") and last.i + 1 < len(toks) and toks[last.i + 1].text == ")":
        last = toks[last.i + 1]
    start, end = first.start, last.end
    return Actor(
        code=resolved.code,
        country=resolved.country,
        sector=resolved.sector,
        name=resolved.name,
        text=_span_text(tree, start, end),
        span=(start, end),
    )


def _bracketed(tree: Tree, tok: Token | None) -> bool:
    """Whether a dependent stands in brackets right after its head's words: the short name of
    "the African National Congress (ANC)"."""
    if tok is None:
        return False
    lo, hi = tree.subtree(tok.i)
    toks = tree.tokens
    return lo > 0 and toks[lo - 1].text == "(" and hi < len(toks) and toks[hi].text == ")"


def _bracket_inner(tree: Tree, i: int) -> Token | None:
    """The apposition that the bracket at `i` opens or closes, if that is what it encloses."""
    toks = tree.tokens
    j = i + 1 if toks[i].text == "(" else i - 1
    if not 0 <= j < len(toks):
        return None
    while toks[j].head != toks[i].head and toks[j].head != j:  # climb to the bracket's sibling
        j = toks[j].head
    return toks[j] if toks[j].head == toks[i].head and toks[j].dep == "appos" else None


def _after_noun(tok: Token) -> bool:
    """An adjective after its noun, with a phrase of its own ("rebels loyal to X", "forces
    allied with Y")."""
    return tok.dep == "amod" and tok.i > tok.head


def _close_name(tree: Tree, head: int, appos: Token) -> bool:
    """A name in close apposition, with no comma before it: "the group al-Nusra Front", "the
    militant group Hamas"."""
    lo = tree.subtree(appos.i)[0]
    return appos.pos == "PROPN" and head < lo and all(t.text != "," for t in tree.tokens[head + 1 : lo])


def _personal(tree: Tree, head: Token, appos: Token) -> bool:
    """Whether an apposition names a person: the head or the apposition is a name, or the
    apposition is a title with the name in apposition to it ("regional rival Japan's Prime
    Minister Shinzo Abe")."""
    if head.ent_type in NAME_ENTS or appos.ent_type in NAME_ENTS:
        return True
    return appos.pos == "PROPN" and any(t.ent_type in NAME_ENTS for t in tree.kids(appos.i, {"appos"}))


TWO_KOREAS = re.compile(r"\bKoreas\b|\b(?:North and South|South and North) Korea\b")


def _whole_words(tree: Tree, idx: list[int], head: int) -> list[int]:
    """The phrase with the rest of a hyphenated name its head is part of: the small model splits
    "Hezb-e-Islami" into five tokens and makes "Islami" a subject of its own."""
    toks = tree.tokens
    lo = hi = head
    while lo > 0 and not toks[lo - 1].ws and (toks[lo].text == "-" or toks[lo - 1].text == "-"):
        lo -= 1
    while hi + 1 < len(toks) and not toks[hi].ws and (toks[hi].text == "-" or toks[hi + 1].text == "-"):
        hi += 1
    if lo == hi or toks[head].pos != "PROPN":
        return idx
    return sorted(set(idx) | set(range(lo, hi + 1)))


def _other_korea(actor: Actor | None) -> list[Actor]:
    """ "Officials from the two Koreas", "both Koreas", "North and South Korea": South Korea's and
    North Korea's (the lexicon reads "Koreas" as KOR, its first reading)."""
    if actor is None or actor.country not in ("KOR", "PRK") or not TWO_KOREAS.search(actor.text):
        return []
    other, name = ("PRK", "North Korea") if actor.country == "KOR" else ("KOR", "South Korea")
    return [replace(actor, code=other + actor.code[3:], country=other, name=name)]


def role_only(actor: Actor | Resolved) -> bool:
    """A role with no country of its own ("troops": MIL, "the foreign minister": GOV, "police": COP)."""
    return actor.country is None and actor.sector is not None and actor.code == actor.sector


def _as_role(resolved: Resolved, role: str) -> Resolved:
    """The same state's `role` ("Maldives government" -> its opposition, MDVOPP); a role of no
    state stays one ("an ex-president": ELI)."""
    return Resolved((resolved.country or "") + role, resolved.country, role, resolved.name)


def _ex_prefixed(tree: Tree, head: Token) -> bool:
    """ "ex-president", which the small model splits into "ex", "-", "president"."""
    toks = tree.tokens
    return head.i >= 2 and toks[head.i - 1].text == "-" and toks[head.i - 2].text.lower() == "ex"


def _np_prep(tree: Tree, prep: Token, places: bool) -> bool:
    """ "of" always belongs to the phrase; "in"/"from"/"near" only after an agent or site noun, and
    only when their object is a place ("a court in Britain", not "gunmen in reaction")."""
    lemma = prep.lemma.lower()
    if lemma == "of":
        return True
    if not places or lemma not in PLACE_PREPS:
        return False
    obj = tree.kid(prep.i, {"pobj"})
    return obj is not None and obj.ent_type in ("GPE", "LOC", "NORP")


def _trim(toks: list[Token]) -> tuple[Token, Token]:
    lo, hi = 0, len(toks) - 1
    while lo < hi and (toks[lo].pos == "PUNCT" or toks[lo].text.lower() in COORDINATING_DETS):
        lo += 1  # "against both India and Pakistan": "both" belongs to the pair, not to India
    while hi > lo and toks[hi].pos in ("PUNCT", "PART") and toks[hi].text in (",", "'s", "’s", "'", "’", "."):
        hi -= 1
    return toks[lo], toks[hi]


def _person_name(toks: list[Token]) -> str | None:
    """The longest run of PERSON-entity tokens in the phrase."""
    best: list[Token] = []
    run: list[Token] = []
    for t in toks:
        if t.ent_type in NAME_ENTS and t.pos == "PROPN":
            if run and t.ent_iob == "B":
                best = max(best, run, key=len)
                run = []
            run.append(t)
        else:
            best = max(best, run, key=len)
            run = []
    best = max(best, run, key=len)
    return " ".join(t.text for t in best) if best else None


def _definite(toks: list[Token], head: Token) -> bool:
    """ "the Moon", "the Kremlin": a name with the definite article is a thing, not a person
    (President Moon)."""
    return any(t.dep == "det" and t.text.lower() == "the" and t.head == head.i for t in toks)


def _proper_name(toks: list[Token]) -> str:
    return " ".join(t.text for t in toks if t.pos == "PROPN")


def _name_keys(name: str) -> list[str]:
    parts = name.split()
    keys = [name.lower()]
    if len(parts) > 1:
        keys += [parts[-1].lower(), parts[0].lower()]
    return keys


def _country_role(entries: list[ActorEntry]) -> tuple[str | None, str | None, ActorEntry | None]:
    """The first country named, the role suffix (an organ's over a generic agent's), any IGO.

    Roles are CAMEO suffixes, possibly compound ("GOV", "MIL", "GOVMIL"): a complete organ code
    ("USAMIL") contributes its suffix, a context-dependent one ("GOV") the code itself.
    """
    country: str | None = None
    country_kind: str | None = None
    organ_role: str | None = None
    agent_role: str | None = None
    igo: ActorEntry | None = None
    for e in entries:
        if e.kind == "group":  # a named group wins over a nationality ("Palestinian Hamas militants")
            if igo is None or igo.kind != "group":
                igo = e
            continue
        if e.complete and e.country is None:
            if igo is None and country is None:
                igo = e
            continue
        if e.country and country is None and e.kind != "region":
            country, country_kind = e.country, e.kind
        if e.kind == "organ":
            suffix = e.code[3:] if e.complete else e.code
            organ_role = organ_role or suffix or None
        elif e.kind == "agent":
            agent_role = e.code  # the last agent word is nearest the head: "Vice Foreign Minister"
    if (country is not None and igo is not None and igo.kind == "group" and "namesake" in igo.ambiguous
            and igo.country not in (None, country) and igo.sector):
        # "the German Social Democratic Party": a party of that name in the state named, not
        # the namesake the table lists
        return country, igo.sector, None
    if country is not None and igo is not None and igo.kind != "group":
        if country_kind == "capital":
            # "the IMF delegation in Beirut" (an IGO is only kept when it comes before any
            # country): where the body's people are, not whose they are
            return None, organ_role or agent_role, igo
        igo = None
    return country, organ_role or agent_role, igo
