"""The event coder: verb frames over dependency parses, actors from our lexicons, CAMEO + PLOVER out.

For each verb with a frame in our lexicon, the most specific matching frame gives the CAMEO code
and says which phrase is the target; the source is the subject (or the passive "by" agent, or the
frame's SRC). Both are resolved to coded actors; a compound ("The United States and South Korea
proposed ...") yields one event per actor, and a compound subject with no target ("Washington and
Pyongyang have talked") yields the events between its members.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import __version__
from ..actors.lexicon import ActorLexicon
from ..dates import DateResolver, EventDate, is_historical
from ..geo import Gazetteer, PlaceResolver
from ..actors.officials import load_officials
from ..actors.resolve import ActorResolver, DocContext
from ..records import Actor, Document, Event, Sentence, Token
from .codebook import Codebook
from .frames import FrameIndex, FrameMatch, load_frames
from .guards import DocumentGuard
from .modality import modality
from .syntax import Tree

EVENT_POS = frozenset({"VERB", "AUX", "NOUN"})
# Where a target may hang off the event words when the frame's slot holds none.
FALLBACK_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "pcomp", "acl", "xcomp", "attr", "oprd", "agent"})
FALLBACK_DEPTH = 3
# Appeals, demands, accusations, rejections and threats: their complement verb is what was asked,
# alleged, refused or threatened ("urged Iran to suspend enrichment"), not an event of its own.
CONTENT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
# PLOVER's auxiliary modes, by our modality (the manual puts them in the event's context).
AUXILIARY_MODES = {"intended": "future", "hypothetical": "hypothetical", "negated": "negation"}
FUTURE_AS_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
LOCATIVE_PREPS = frozenset({"in", "inside", "within", "throughout", "across"})
PARTNER_ROOTS = frozenset({"03", "04", "05", "06"})
PLACE_TIME_PREPS = frozenset(
    "in at near inside outside across within throughout around during after before since until "
    "amid despite".split()
)
MAX_TRIGGER_TOKENS = 8
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj"})
SYMMETRIC_ROOTS = frozenset({"04", "06", "19"})  # consult, cooperate materially, fight
SYMMETRIC_CODES = frozenset({"057"})  # sign a formal agreement
SYMMETRIC_VERBS = frozenset({"agree", "sign", "cooperate", "reconcile", "normalize", "normalise", "negotiate"})


@dataclass(frozen=True, slots=True)
class CoderOptions:
    require_dyad: bool = False  # drop events with no coded target (one-sided events)
    min_confidence: float = 0.0


@dataclass(slots=True)
class Candidate:
    """One frame match in one sentence, before actors are attached."""

    sentence: Sentence
    tree: Tree
    verb: Token
    match: FrameMatch


@dataclass(slots=True)
class Context:
    """When, where and how of one candidate: shared by the events its actors expand to."""

    when: EventDate
    historical: bool
    location: dict | None
    modality: str


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
    ):
        self.frames = frames
        self.codebook = codebook
        self.resolver = resolver
        self.guard = guard
        self.dates = dates
        self.places = places
        self.options = options
        self.version = coder_version(options)

    # --- the stage --------------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        """Pipeline stage: code an English document in place (rejected ones get no events)."""
        doc.events = self.code_document(doc) if doc.status == "ok" else []
        return doc

    def code_document(self, doc: Document) -> list[Event]:
        if not doc.sentences or self.guard.skip_document(doc):
            return []
        ctx = self.resolver.start(doc.date)
        events: list[Event] = []
        seen: set[str] = set()
        for sentence in doc.sentences:
            tree = Tree.of(sentence)
            self.resolver.observe(tree, ctx)
            if self.guard.skip_sentence(sentence):
                continue
            for cand in self._candidates(sentence, tree):
                for event in self._events(doc, cand, ctx):
                    if event.event_id not in seen and event.confidence >= self.options.min_confidence:
                        seen.add(event.event_id)
                        events.append(event)
        return events

    # --- frames -----------------------------------------------------------------------------

    def _candidates(self, sentence: Sentence, tree: Tree) -> list[Candidate]:
        """Frame matches in the sentence; a verb another frame already used ("agreed to OPEN
        negotiations") is part of that event, not an event of its own."""
        found: list[Candidate] = []
        for tok in sentence.tokens:
            if tok.pos not in EVENT_POS or tok.lemma.lower() not in self.frames:
                continue
            if tok.pos == "NOUN" and tok.dep != "ROOT":
                continue  # nominal events are read through their light verbs ("hold talks")
            match = self.frames.match(tree, tok.i)
            if match is not None:
                found.append(Candidate(sentence, tree, tok, match))
        used = {i for c in found for i in c.match.tokens if i != c.verb.i}
        inside = {i for c in found for i in _argument_span(c)}
        content = {c.verb.i for c in found if c.match.frame.code[:2] in CONTENT_ROOTS}
        return [
            c for c in found
            if c.verb.i not in used and c.verb.i not in inside
            and not (c.verb.dep in ("xcomp", "ccomp") and c.verb.head in content)
        ]

    # --- actors -----------------------------------------------------------------------------

    def _events(self, doc: Document, cand: Candidate, ctx: DocContext) -> Iterator[Event]:
        tree, verb, match = cand.tree, cand.verb.i, cand.match
        agent = tree.agent(verb) if tree.is_passive(verb) else None
        subject = agent or tree.subject(verb)
        if match.swap:
            src_tok, tgt_tok = match.source, subject
        else:
            src_tok, tgt_tok = subject, match.target
        sources = self.resolver.actors(tree, src_tok, ctx) if src_tok is not None else []
        if not sources:
            return
        targets = self.resolver.actors(tree, tgt_tok, ctx) if tgt_tok is not None else []
        if not targets:
            targets = self._fallback_targets(cand, src_tok, ctx)
        context = self._context(doc, cand, ctx)
        pairs: list[tuple[Actor, Actor | None]]
        if targets:
            pairs = [(s, t) for s in sources for t in targets if s.code != t.code]
        elif len(sources) > 1 and tgt_tok is None and _symmetric(match):  # "X and Y have talked"
            pairs = [(s, t) for s in sources for t in sources if s is not t and s.code != t.code]
        else:
            pairs = [] if self.options.require_dyad else [(s, None) for s in sources]
        for source, target in pairs:
            yield self._event(doc, cand, context, source, target)

    def _context(self, doc: Document, cand: Candidate, ctx: DocContext) -> Context:
        when = self._when(doc, cand.sentence, cand.tree, cand.verb.i)
        location = self.places.event_location(
            cand.sentence, cand.tree, cand.verb.i,
            doc_countries=[c for c, _ in ctx.countries.most_common()], dateline=doc.dateline,
        )
        return Context(
            when=when,
            historical=is_historical(when, doc.date),
            location=location,
            modality=modality(cand.tree, cand.verb.i),
        )

    def _fallback_targets(self, cand: Candidate, exclude: Token | None, ctx: DocContext) -> list[Actor]:
        """No target in the frame's slot: the first of `_target_candidates` that is an actor,
        else, for a one-sided act, the country it is done in."""
        tree = cand.tree
        skip = set(range(*tree.subtree(exclude.i))) if exclude is not None else set()
        for tok in _target_candidates(cand, skip):
            found = self.resolver.actors(tree, tok, ctx)
            if found:
                return found
        if cand.match.frame.code[:2] in PARTNER_ROOTS:
            return []  # talks, diplomacy and cooperation need a partner, not a venue
        # Last resort for a one-sided act: the country it is done in ("lifted restrictions on
        # visits to relatives in Cuba", "imposed blockades on towns in the West Bank").
        lo, hi = tree.subtree(cand.verb.i)
        for i in range(lo, hi):
            tok = tree.tokens[i]
            if i in skip or tok.dep != "pobj" or tree.tokens[tok.head].lemma.lower() not in LOCATIVE_PREPS:
                continue
            if self.resolver.names_country(tree, tok, ctx):
                return self.resolver.actors(tree, tok, ctx)
        return []

    def _when(self, doc: Document, sentence: Sentence, tree: Tree, verb: int) -> EventDate:
        """The verb's own date; a complement with none takes its governor's ("In 1993 the North
        refused to let inspectors visit": the visit is dated 1993 too)."""
        own = when = self.dates.event_date(sentence, tree, verb, doc.date)
        tok = tree.tokens[verb]
        for _ in range(3):
            if when.source == "expression" or tok.dep not in COMPLEMENT_DEPS or tok.head == tok.i:
                break
            tok = tree.tokens[tok.head]
            when = self.dates.event_date(sentence, tree, tok.i, doc.date)
        return when if when.source == "expression" else own

    def _event(
        self, doc: Document, cand: Candidate, context: Context, source: Actor, target: Actor | None
    ) -> Event:
        code = cand.match.frame.code
        cameo = self.codebook.cameo(code)
        plover = self.codebook.plover(code)
        trigger = _trigger(cand)
        sentence = cand.sentence
        key = f"{doc.id}|{sentence.index}|{trigger['span'][0]}|{source.code}|{target.code if target else ''}|{code}"
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
            trigger=trigger,
            date=context.when.date,
            date_precision=context.when.precision,
            date_text=context.when.text,
            date_source=context.when.source,
            modality=context.modality,
            historical=context.historical,
            location=context.location,
            confidence=_confidence(cand, source, target),
        )


def _target_candidates(cand: Candidate, skip: set[int]) -> Iterator[Token]:
    """Where a target may be when the frame's slot holds none, nearest first: the subject of a
    demanded clause ("demanded that [Canada] release ..."), the frame's own object noun ("expel
    [Russian diplomats]"), then the nouns hanging off the event words, breadth first ("refuse to
    lift sanctions on [Abkhazia]"), never through a place or time phrase ("held talks in Lima")."""
    tree = cand.tree
    if cand.match.frame.code[:2] in CONTENT_ROOTS:
        for clause in tree.kids(cand.verb.i, {"ccomp"}):
            subject = tree.kid(clause.i, {"nsubj", "nsubjpass"})
            if subject is not None:
                yield subject
    for i in cand.match.tokens:
        tok = tree.tokens[i]
        if i != cand.verb.i and i not in skip and tok.pos in ("NOUN", "PROPN"):
            yield tok
    frontier = list(cand.match.tokens)
    seen = set(frontier) | skip
    for _ in range(FALLBACK_DEPTH):
        nxt = []
        for i in frontier:
            for c in tree.children[i]:
                tok = tree.tokens[c]
                if c in seen or tok.dep not in FALLBACK_DEPS:
                    continue
                if tok.dep == "prep" and tok.lemma.lower() in PLACE_TIME_PREPS:
                    continue
                seen.add(c)
                if tok.pos in ("NOUN", "PROPN"):
                    yield tok
                nxt.append(c)
        frontier = nxt


def _argument_span(cand: Candidate) -> set[int]:
    """Tokens inside the event's object phrases ("condemned [Trump's decision to recognise
    Jerusalem]"): a verb in there describes the object, and is not an event of its own."""
    tree, toks = cand.tree, cand.tree.tokens
    heads = [i for i in cand.match.tokens if toks[i].pos in ("NOUN", "PROPN") and i != cand.verb.i]
    if cand.match.target is not None:
        heads.append(cand.match.target.i)
    span: set[int] = set()
    for h in heads:
        lo, hi = tree.subtree(h)
        span.update(range(lo, hi))
    return span - {cand.verb.i}


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


def _symmetric(match: FrameMatch) -> bool:
    """Events that a compound subject does with each other ("X and Y met", "signed a treaty",
    "clashed"), as opposed to together towards someone else ("X and Y proposed talks")."""
    code = match.frame.code
    return code[:2] in SYMMETRIC_ROOTS or code in SYMMETRIC_CODES or match.frame.verb in SYMMETRIC_VERBS


def _trigger(cand: Candidate) -> dict:
    toks = cand.sentence.tokens
    lo, hi = min(cand.match.tokens), max(cand.match.tokens)
    if hi - lo >= MAX_TRIGGER_TOKENS:
        lo = hi = cand.verb.i
    start, end = toks[lo].start, toks[hi].end
    text = cand.sentence.text[start - cand.sentence.start : end - cand.sentence.start]
    return {"text": text, "span": [start, end]}


def _confidence(cand: Candidate, source: Actor, target: Actor | None) -> float:
    """A transparent score: specific frames and fully coded actors earn more (see docs)."""
    score = 0.5 + 0.08 * min(3, cand.match.frame.specificity)
    if cand.match.target is not None:
        score += 0.1
    if target is None:
        score -= 0.2
    if source.sector:
        score += 0.03
    if target is not None and target.sector:
        score += 0.03
    if cand.match.frame.code.startswith("01"):
        score -= 0.1  # a bare statement says least about what happened
    return round(min(score, 0.99), 2)


# Everything that decides what the coder emits: its code and its data, by package folder.
CODER_PARTS = ("events", "actors", "dates", "geo", "geo_data")


@cache
def _sources_digest() -> str:
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha1()
    for part in CODER_PARTS:
        for path in sorted((root / part).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".tsv", ".txt") and "__pycache__" not in path.parts:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def coder_version(options: CoderOptions = CoderOptions()) -> str:
    """Package version, a digest of the coder's code and lexicons, and its options: stored
    codings are reused only when all three are the same."""
    opts = hashlib.sha1(repr(options).encode()).hexdigest()[:6]
    return f"{__version__}+{_sources_digest()}.{opts}"


def load_coder(options: CoderOptions = CoderOptions()) -> EventCoder:
    """The coder with the packaged lexicons (each loaded once per process)."""
    resolver = ActorResolver(ActorLexicon.load(), load_officials())
    places = PlaceResolver(Gazetteer.load())
    return EventCoder(load_frames(), Codebook.load(), resolver, DocumentGuard(), DateResolver(), places, options)
