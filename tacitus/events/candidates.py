"""Candidates: where a sentence may hold an event, before actors are attached.

A candidate is a verb with a matching frame of our lexicon; when none of a verb's frames match,
its stripped readings for the learned reranker (frames.loose_matches); or an event noun with an
actor in its phrase (nominal.py). A verb that another frame already uses ("agreed to OPEN
negotiations"), or that sits inside an event's object ("condemned the decision to RECOGNISE"),
is part of that event, not one of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..records import Sentence, Token
from .classifier import root_class
from .frames import Frame, FrameIndex, FrameMatch
from .judgement import censure_judgement
from .nominal import NominalMatch, NounEntry, read_nominal
from .syntax import SPEECH_VERBS, Tree, describes_guest, message_carrier, stopped_message

EVENT_POS = frozenset({"VERB", "AUX", "NOUN"})
# Where a target may hang off the event words when the frame's slot holds none.
FALLBACK_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "pcomp", "acl", "xcomp", "attr", "oprd", "agent"})
FALLBACK_DEPTH = 5
NEAR_DEPTH = 3  # below this, only "of/with/between/to" phrases are followed
PARTNER_PREPS = frozenset({"of", "with", "between", "to"})
# Appeals, demands, accusations, rejections and threats: their complement verb is what was asked,
# alleged, refused or threatened ("urged Iran to suspend enrichment"), not an event of its own.
CONTENT_ROOTS = frozenset({"02", "10", "11", "12", "13"})
THREAT_ROOT = "13"
# Talks whose own verb says they failed are talks halted
TALKS_ROOT, HALTED_TALKS = "04", "164"
FAILING_VERBS = frozenset({"collapse", "fail", "stall", "founder", "falter", "flounder"})
# Force postures and pullbacks: the forces the frame names are the doer's own, not its target
POSTURE_ROOT, DEESCALATE = "15", "087"
# A verb and an adjective that the small model hangs on the verb's object, read as the verb the
# phrase means: "let free activists", "set free two sailors" (released), "made available
# ambulances and experts to" (provided).
LIGHT_PHRASES = {("let", "free"): "free", ("set", "free"): "free", ("make", "available"): "provide"}
# Verbs of force ("fight", "combat", "attack", "battle") aimed at an affliction are no violence.
FORCE_ROOTS = frozenset({"18", "19", "20"})
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
# What a message that acts was carried by: a statement ("issued a statement condemning X") or
# an endorsement ("approved a resolution criticizing X"), no event beside the act it carries.
VEHICLE_ROOTS = frozenset({"01", "05"})
LEGAL_NOUNS = frozenset({"order", "decree", "law", "bill", "directive", "resolution"})
SANCTION_CODE = "163"  # impose embargo, boycott or sanctions
CLAIM_VERBS = frozenset({"claim", "admit", "acknowledge"})  # "claimed that they had attacked"
CLAIM_CODE = "015"  # acknowledge or claim responsibility
AFFLICTIONS = frozenset(
    "disease diseases epidemic epidemics pandemic pandemics virus viruses coronavirus ebola malaria "
    "cholera aids hiv polio measles tuberculosis cancer outbreak outbreaks infection infections "
    "poverty hunger famine malnutrition corruption inflation unemployment drought "
    "wildfire wildfires flood floods locust locusts pollution illiteracy obesity "
    "climate warming".split()
)
# Material cooperation and aid (06, 07): a "to help X" clause under them names whom it is for.
GIVING_ROOTS = frozenset({"06", "07"})
PLEDGE_CODES = frozenset({"033", "0331", "0332", "0333", "0334"})  # intent to give: "pledged $1 billion to help X"
HELP_VERBS = frozenset({"help", "assist", "support", "aid", "bolster", "boost", "benefit"})
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl"})
# "Russia says Israel must end its attacks": a speaker who says that someone must act demands it
# (CAMEO 10), so such a speech verb (syntax.SPEECH_VERBS) is read through the frames of "demand"
# ("demand +end attack" is 1056; plain "demand", 100); "should" advises: an appeal (below).
OBLIGATION_AUX = frozenset({"must"})
DEMAND_VERB = "demand"
# "said that X should ...": advice, an appeal (02); "told Y that X must ...": a demand too
ADVICE_AUX = frozenset({"should"})
APPEAL_VERB = "urge"
TELLING_VERBS = frozenset({"tell"})
# "said it should be possible", "should have": no act is asked for
STATIVE_VERBS = frozenset({"be", "have", "remain", "become", "seem"})
PLACE_TIME_PREPS = frozenset(
    "in at near inside outside across within throughout around during after before since until "
    "amid despite".split()
)
# Where a protest is held names whom it is against when that is an institution ("a sit-in outside
# the Indian parliament", "rallied at the US embassy"); a place that is no actor is skipped later
# ... and so does where force is aimed "near" ("fired two shells near a naval vessel from South
# Korea"): the coder keeps only a state's people or institutions found there
PROTEST_ROOT = "14"
VENUE_ROOTS = frozenset({PROTEST_ROOT, "18", "19", "20"})
PROTEST_VENUE_PREPS = frozenset({"outside", "at", "near"})
# "used water cannon to drive them out": the infinitive is what the means were used for
MEANS_VERBS = frozenset({"use", "employ"})
# Who says so is no one the act is done to: "withdrew from the region, according to [residents]"
ATTRIBUTION_PREPS = frozenset({"according", "as"})  # "according to X"; "banned Meta as [an extremist organisation]": a predicate
MAX_TRIGGER_TOKENS = 8
EXERCISE_CODES = frozenset({"150"})
JOINT_WORDS = frozenset({"joint", "combined", "bilateral", "trilateral", "multinational"})
JOINT_EXERCISE_CODE = "062"
# A verb modifying a noun ("countries said to engage in") describes it: no loose reading.
NOUN_MODIFIER_DEPS = frozenset({"acl", "relcl", "amod"})
SYMMETRIC_ROOTS = frozenset({"04", "06", "19"})  # consult, cooperate materially, fight
SYMMETRIC_CODES = frozenset({"057", "050"})  # sign a formal agreement; restore or improve relations
SYMMETRIC_VERBS = frozenset({"agree", "sign", "cooperate", "reconcile", "normalize", "normalise", "negotiate", "exchange", "swap", "trade",
                             "establish", "restore", "upgrade"})


@dataclass(slots=True)
class Candidate:
    """One frame match in one sentence, before actors are attached."""

    sentence: Sentence
    tree: Tree
    verb: Token
    match: FrameMatch
    loose: list[FrameMatch] | None = None  # no frame matched: the stripped readings (frames.loose_matches)
    nominal: NominalMatch | None = None  # an event noun ("Israeli airstrikes on Gaza")


def find_candidates(
    sentence: Sentence, tree: Tree, frames: FrameIndex, nouns: dict[str, NounEntry], with_loose: bool
) -> list[Candidate]:
    """The sentence's candidates (see the module's docstring); `with_loose` adds the stripped
    readings of verbs whose frames do not match, for the learned reranker."""
    found: list[Candidate] = []
    for tok in sentence.tokens:
        if tok.pos == "NOUN" and tok.dep != "ROOT":
            nominal = _nominal(sentence, tree, tok, nouns)
            if nominal is not None:
                found.append(nominal)
            continue
        demanded = obligation_demand(tree, tok, frames)
        if demanded is not None:
            found.append(Candidate(sentence, tree, tok, demanded))
            continue
        judged = censure_judgement(tree, tok)
        if judged is not None:  # "said the launch was a provocation": a criticism (judgement.py)
            found.append(Candidate(sentence, tree, tok, judged))
            continue
        meant = _light_phrase(tree, tok)
        if meant is not None:  # "set free two sailors": released; "made available": provided
            read = frames.match(tree, tok.i, as_lemma=meant)
            if read is not None:
                found.append(Candidate(sentence, tree, tok, read))
                continue
        if tok.pos not in EVENT_POS or tok.lemma.lower() not in frames:
            continue
        if (tok.dep == "amod" and tok.i < tok.head) or (tok.tag in ("VBN", "VBD") and tok.dep in NOMINAL_DEPS) \
                or describes_guest(tree, tok):
            # "the internationally recognised government", "detained leaders": a description; a
            # past form the small model makes a subject or object is one too
            continue
        match = frames.match(tree, tok.i)
        if match is not None and _fights_an_affliction(tree, tok, match):
            continue  # "to fight COVID-19", "fighting corruption": no violence
        if match is not None:
            found.append(Candidate(sentence, tree, tok, joint_exercise(tree, match, tok.i)))
        elif with_loose and tok.pos == "VERB" and tok.dep not in NOUN_MODIFIER_DEPS:
            readings = frames.loose_matches(tree, tok.i, root_class)
            if readings:
                found.append(Candidate(sentence, tree, tok, readings[0], readings))
    found += [claim for c in found if (claim := responsibility_claim(tree, c)) is not None]
    strict = [c for c in found if c.loose is None and c.nominal is None]
    used = {i for c in strict for i in c.match.tokens if i != c.verb.i}
    # a support verb is part of its noun's event ("supplied equipment"): no loose reading of its own
    supports = {c.nominal.support.i for c in found if c.nominal is not None and c.nominal.support is not None}
    inside = {i for c in strict for i in argument_span(c)} | _describing_subjects(tree, strict)
    # "issued a statement condemning X": the condemnation is the event, the statement its vehicle
    carriers = {c.verb.i: message_carrier(tree.tokens, c.verb) for c in found if c.loose is None}
    carried = {i for i, carrier in carriers.items() if carrier is not None}
    inside -= carried
    vehicles = {carriers[i] for i in carried}
    # "signed an executive order targeting seven Russian officials": a law does not shoot; what it
    # aims at people is a sanction
    found = [_sanction(c) if c.verb.i in carried and tree.tokens[c.verb.head].lemma.lower() in LEGAL_NOUNS
             and c.match.frame.code[:2] in FORCE_ROOTS else c for c in found]
    content = {c.verb.i for c in strict if c.match.frame.code[:2] in CONTENT_ROOTS}
    # "provided $1.7 billion in assistance to support Syrian refugees": the help is what was given
    givers = {c.verb.i for c in found if c.loose is None and gives(c.match.frame.code)}
    givers |= {c.nominal.support.i for c in found
               if c.nominal is not None and c.nominal.support is not None and gives(c.match.frame.code)}
    # "took to the streets to protest", "used water cannon to disperse the crowd": a purpose of
    # the same kind as its act is that act, not a second one
    roots = {c.verb.i: c.match.frame.code[:2] for c in strict}
    return [
        c for c in found
        if c.verb.i not in used and c.verb.i not in inside
        and not (_purpose(tree, c.verb) and roots.get(c.verb.head) == c.match.frame.code[:2])
        and not stopped_message(tree.tokens, c.verb)  # "blocked a statement condemning X"
        and not (c.verb.i in vehicles and c.match.frame.code[:2] in VEHICLE_ROOTS)
        and not (_content_clause(tree, c.verb) and _governor(tree, c.verb) in content and not _reported_before(tree, c.verb))
        and not (purpose_of_help(tree, c.verb) and c.verb.head in givers)
        and not (c.loose is not None and c.verb.i in supports)
    ]


def _sanction(cand: Candidate) -> Candidate:
    frame = replace(cand.match.frame, code=SANCTION_CODE)
    return replace(cand, match=replace(cand.match, frame=frame))


def responsibility_claim(tree: Tree, cand: Candidate) -> Candidate | None:
    """ "The Houthis claimed that they had attacked the Saudi airport": the claim is an event of
    its own, a claim of responsibility (015) for the act, with the act's target; the act stays,
    with its modality `claimed`. Only when the claimant claims its own act (a pronoun subject):
    "Iran claimed that Israel attacked" is an accusation."""
    verb = cand.verb
    if cand.loose is not None or cand.nominal is not None or cand.match.swap:
        return None
    if cand.match.frame.code[:2] not in FORCE_ROOTS or verb.dep != "ccomp" or verb.head == verb.i:
        return None
    claimer = tree.tokens[verb.head]
    subject = tree.kid(verb.i, {"nsubj"})
    if claimer.pos != "VERB" or claimer.lemma.lower() not in CLAIM_VERBS or subject is None or subject.pos != "PRON":
        return None
    frame = replace(cand.match.frame, code=CLAIM_CODE)
    target = cand.match.target or tree.kid(verb.i, {"dobj"})  # "attacked the school": its own noun
    match = FrameMatch(frame=frame, source=None, target=target, swap=False, tokens=[claimer.i])
    return Candidate(cand.sentence, tree, claimer, match)


def joint_exercise(tree: Tree, match: FrameMatch, verb: int) -> FrameMatch:
    """A military exercise held jointly is military cooperation (062, as the code book has it),
    not a show of force (150): "began a joint military exercise", "combined drills"."""
    if match.frame.code not in EXERCISE_CODES:
        return match
    joint = any(
        c.lemma.lower() in JOINT_WORDS for i in match.tokens for c in tree.kids(i, {"amod", "compound"})
    )
    return replace(match, frame=replace(match.frame, code=JOINT_EXERCISE_CODE)) if joint or _several_doers(tree, match, verb) else match


def _several_doers(tree: Tree, match: FrameMatch, verb: int) -> bool:
    """ "The war game was staged by U.S. marines and Jordanian forces", "Russian and Chinese
    navies held drills", "Russia and China held drills": doers of two names (a proper noun, or
    one as a modifier), not "French police and soldiers" of one country."""
    doer = tree.agent(verb) if tree.is_passive(verb) else tree.subject(verb)
    if doer is None or match.swap:
        return False
    names = [_name_of(tree, tree.tokens[i]) for i in tree.conjuncts(doer.i)]
    if len(names) > 1:
        return None not in names and len(set(names)) > 1
    # conjoined modifiers only: "Russian and Chinese navies", not "Kim Jong Un" (one man's name)
    modifiers = [tree.tokens[j] for m in tree.kids(doer.i, {"amod", "compound"}) if len(tree.conjuncts(m.i)) > 1
                 for j in tree.conjuncts(m.i)]
    return len({m.text for m in modifiers if m.text[:1].isupper()}) > 1


def _name_of(tree: Tree, tok: Token) -> str | None:
    """A proper noun's text, or its capitalised modifier's ("Jordanian forces")."""
    if tok.pos == "PROPN":
        return tok.text
    return next((m.text for m in tree.kids(tok.i, {"amod", "compound"}) if m.text[:1].isupper()), None)


def _fights_an_affliction(tree: Tree, verb: Token, match: FrameMatch) -> bool:
    """A verb of force whose object is a disease, a disaster or a social ill ("donated
    supplies to fight COVID-19", "fighting the Ebola epidemic", "combat corruption")."""
    if match.frame.code[:2] not in FORCE_ROOTS:
        return False
    objects = list(tree.kids(verb.i, {"dobj"}))
    objects += [o for lemma, o in tree.prep_objects(verb.i) if lemma in ("against", "with")]
    return any(_affliction(o) for o in objects)


def _affliction(tok: Token) -> bool:
    return bool({tok.lemma.lower(), tok.text.lower()} & AFFLICTIONS) or tok.text.lower().startswith("covid")


def content_subject(tree: Tree, verb: int, match: FrameMatch) -> Token | None:
    """The subject of the clause a stated attitude is about: "expressed hopes (that) the Croatian
    government will change", "is confident that Syria will allow", "hoped Iran would release".
    The clause hangs on the verb, on its object noun or on its adjective."""
    hosts = [verb] + [i for i in match.tokens if i != verb]
    hosts += [a.i for a in tree.kids(verb, {"acomp"})]
    for host in hosts:
        for clause in tree.kids(host, {"ccomp", "acl"}):
            if clause.pos not in ("VERB", "AUX"):
                continue
            subject = next(iter(tree.kids(clause.i, {"nsubj", "nsubjpass"})), None)
            if subject is not None:
                return subject
    return None


def _light_phrase(tree: Tree, tok: Token) -> str | None:
    """The verb a light verb means with the adjective on its object (LIGHT_PHRASES), if any."""
    if tok.pos != "VERB":
        return None
    adjectives = {a.lemma.lower() for o in tree.kids(tok.i, {"dobj"}) for a in tree.kids(o.i, {"amod"})}
    return next((meant for (verb, adjective), meant in LIGHT_PHRASES.items()
                 if tok.lemma.lower() == verb and adjective in adjectives), None)


def _purpose(tree: Tree, verb: Token) -> bool:
    """An infinitive clause of purpose on another verb ("marched [to protest]", "used water
    cannon [to drive] demonstrators out", which the small model parses as a complement)."""
    means = verb.dep == "xcomp" and tree.tokens[verb.head].lemma.lower() in MEANS_VERBS
    return (verb.dep == "advcl" or means) and tree.infinitive(verb.i)


def gives(code: str) -> bool:
    """Material cooperation, aid, or a pledge of it: events whose purpose clause names the helped."""
    return code[:2] in GIVING_ROOTS or code in PLEDGE_CODES


def helped(tree: Tree, verb: Token) -> list[Token]:
    """Whom a "to help" clause helps: its object, or the subject of the clause it governs ("to
    help [Ukraine] rebuild", which the small model parses as a clause of its own)."""
    objects = tree.kids(verb.i, {"dobj"})
    if objects:
        return objects
    return [s for c in tree.kids(verb.i, {"ccomp", "xcomp"}) for s in tree.kids(c.i, {"nsubj"})]


def purpose_of_help(tree: Tree, verb: Token) -> bool:
    """ "to help/assist/support ...": a purpose clause that says whom a gift or a deployment is
    for ("donated ventilators to assist Ethiopia"), not an event of its own."""
    return verb.lemma.lower() in HELP_VERBS and verb.dep in PURPOSE_DEPS and tree.infinitive(verb.i)


def _content_clause(tree: Tree, verb: Token) -> bool:
    """A clause that can be what an appeal, demand or threat is about: a complement ("urged
    Iran to suspend"), a "for" clause ("called for Britain to stay"), or a warning's "against"
    ("warned China against providing lethal aid")."""
    if verb.dep == "pcomp":
        return tree.tokens[verb.head].lemma.lower() == "against"
    return verb.dep in ("xcomp", "ccomp") or tree.for_clause(verb.i)


def _reported_before(tree: Tree, verb: Token) -> bool:
    """A clause reported before its verb ("Russia may cut gas supplies, analysts warned") is news
    told, not what a warning or demand asks."""
    return verb.dep == "ccomp" and verb.i < verb.head


def _governor(tree: Tree, verb: Token) -> int:
    """The verb a content clause belongs to: its head, or its preposition's head."""
    return tree.tokens[verb.head].head if verb.dep == "pcomp" else verb.head


def obligation_demand(tree: Tree, tok: Token, frames: FrameIndex) -> FrameMatch | None:
    """The demand a speech verb makes when what it reports is an obligation ("said that Turkey
    must mediate" -> 108, demand mediation), read through the frames of "demand"; None when the
    verb is not one of SPEECH_VERBS or reports no clause with "must"."""
    if tok.pos != "VERB" or tok.lemma.lower() not in SPEECH_VERBS | TELLING_VERBS:
        return None
    clauses = tree.kids(tok.i, {"ccomp"})
    if any(a.text.lower() in OBLIGATION_AUX for clause in clauses for a in tree.kids(clause.i, {"aux"})):
        return frames.match(tree, tok.i, as_lemma=DEMAND_VERB)
    advised = [c for c in clauses if tree.kid(c.i, {"neg"}) is None and c.lemma.lower() not in STATIVE_VERBS]
    if any(a.text.lower() in ADVICE_AUX for clause in advised for a in tree.kids(clause.i, {"aux"})):
        # "China said Britain should stop interfering in Hong Kong": an appeal, read through "urge"
        return frames.match(tree, tok.i, as_lemma=APPEAL_VERB)
    return None


def _nominal(sentence: Sentence, tree: Tree, tok: Token, nouns: dict[str, NounEntry]) -> Candidate | None:
    """An event noun with an actor in its phrase, as a candidate (nominal.py); a noun that
    a verb's frame uses ("held talks") is read there instead."""
    found = read_nominal(tree, tok.i, nouns)
    if found is None:
        return None
    lemma = tok.lemma.lower()
    code = found.entry.code
    words = [tok.i] if found.support is None else sorted({found.support.i, tok.i})
    failed = _failed(tree, tok)
    if failed is not None and code[:2] == TALKS_ROOT:
        # "Peace talks between the government and the rebels collapsed": talks halted (164)
        code, words = HALTED_TALKS, sorted({failed.i, tok.i})
    frame = Frame(code, lemma, (), f"{lemma} (event noun)", found.entry.line)
    match = FrameMatch(frame=frame, source=found.source, target=found.target, swap=False, tokens=words)
    return Candidate(sentence, tree, tok, match, nominal=found)


def _failed(tree: Tree, tok: Token) -> Token | None:
    """The verb that says the event noun, its subject, came to nothing ("talks collapsed",
    "negotiations broke down")."""
    if tok.dep not in ("nsubj", "nsubjpass") or tok.head == tok.i:
        return None
    verb = tree.tokens[tok.head]
    lemma = verb.lemma.lower()
    particles = {p.lemma.lower() for p in tree.kids(verb.i, {"prt", "advmod"})}
    return verb if lemma in FAILING_VERBS or (lemma == "break" and "down" in particles) else None


def own_forces(code: str) -> bool:
    """Whether the forces a frame names are its doer's own: force postures and pullbacks."""
    return code[:2] == POSTURE_ROOT or code.startswith(DEESCALATE)


def target_candidates(cand: Candidate, skip: set[int], far: set[int] | None = None,
                      venues: set[int] | None = None) -> Iterator[Token]:
    """Where a target may be when the frame's slot holds none, nearest first: the subject of a
    demanded clause ("demanded that [Canada] release ..."), the frame's own object noun ("expel
    [Russian diplomats]"), then the nouns hanging off the event words, breadth first ("refuse to
    lift sanctions on [Abkhazia]"), never through a place or time phrase ("held talks in Lima").
    Nouns found below NEAR_DEPTH are added to `far` (when given): only a state or an IGO is a
    target that far away; where a protest is held is added to `venues`: only an institution of
    state is a target there."""
    far = set() if far is None else far
    venues = set() if venues is None else venues
    tree = cand.tree
    if cand.match.frame.code[:2] in CONTENT_ROOTS:
        # the clause on the verb, or on its noun: "reiterated its demand [that US ease sanctions]"
        nouns = [i for i in cand.match.tokens if i != cand.verb.i and tree.tokens[i].pos == "NOUN"]
        clauses = tree.kids(cand.verb.i, {"ccomp"}) + [c for i in nouns for c in tree.kids(i, {"acl", "ccomp"})
                                                       if tree.kid(c.i, {"mark"}) is not None]
        for clause in clauses:
            subject = tree.kid(clause.i, {"nsubj", "nsubjpass"})
            if subject is not None:
                yield subject
            # ... then whoever its condition names: "warned that Beijing would retaliate [if
            # Washington] went ahead" (the speaker's own side is skipped by the coder)
            yield from tree.condition_doers(clause.i)
        if cand.match.frame.code[:2] == THREAT_ROOT:
            # "threatened military action [if Armenian forces] did not withdraw"
            for verb in [cand.verb] + tree.kids(cand.verb.i, {"xcomp"}):  # ... or on "to retaliate"
                yield from (k for k in tree.condition_doers(verb.i) if k.i not in skip)
    forces = own_forces(cand.match.frame.code)
    for i in cand.match.tokens:
        tok = tree.tokens[i]
        if forces and tok.pos == "NOUN":
            continue  # "mobilised thousands of troops along its border with Belarus": its own
        if i != cand.verb.i and i not in skip and tok.pos in ("NOUN", "PROPN"):
            yield tok
            if tok.dep == "ccomp" and tok.pos == "NOUN":
                # "allow [IAEA inspectors] access": the small model's subject of the second object
                yield from (k for k in tree.kids(i, {"nsubj"}) if k.i not in skip)
    if gives(cand.match.frame.code):  # "donated ventilators to assist [Ethiopia]"
        for clause in tree.kids(cand.verb.i, PURPOSE_DEPS):
            if purpose_of_help(tree, clause):
                yield from (o for o in helped(tree, clause) if o.i not in skip)
    frontier = list(cand.match.tokens)
    # ... and in its purpose clause, which is often the same act ("marched in Belgrade to protest
    # [against the government]")
    frontier += [c.i for c in tree.kids(cand.verb.i, {"advcl"}) if _purpose(tree, c) and c.i not in skip]
    if cand.match.frame.code[:2] in CONTENT_ROOTS:
        # ... and what the clause does it to: "warned that Kyiv would respond with force [to any
        # Russian attack]"
        frontier += [c.i for c in tree.kids(cand.verb.i, {"ccomp"}) if c.i not in skip]
    seen = set(frontier) | skip
    if forces:  # ... and so are what they are counted in: "thousands [of troops]"
        seen |= {j for i in cand.match.tokens if i != cand.verb.i and tree.tokens[i].pos == "NOUN"
                 for j in range(*tree.subtree(i))}
    protest = cand.match.frame.code[:2] in VENUE_ROOTS
    content = cand.match.frame.code[:2] in CONTENT_ROOTS
    for depth in range(FALLBACK_DEPTH):
        nxt = []
        for i in frontier:
            for c in tree.children[i]:
                tok = tree.tokens[c]
                if c in seen or tok.dep not in FALLBACK_DEPS:
                    continue
                if tok.dep == "acl" and not content and _stated_clause(tree, c):
                    continue  # "denied accusations [that it was massing troops]": what was said
                if tok.dep == "prep" and (tok.lemma.lower() in PLACE_TIME_PREPS or tok.text.lower() in ATTRIBUTION_PREPS):
                    if not (protest and tok.lemma.lower() in PROTEST_VENUE_PREPS):
                        continue  # ... but a protest "outside the parliament" is against it
                    venues.update(o.i for o in tree.kids(c, {"pobj"}))
                if depth >= NEAR_DEPTH and not (tok.dep == "pobj" or (tok.dep == "prep" and tok.lemma.lower() in PARTNER_PREPS)):
                    continue  # far down, only the partner of a relation ("resumption of ties with X")
                seen.add(c)
                # a pronoun coordinated with a name stands for the name ("restrictions between it and Israel")
                if tok.pos in ("NOUN", "PROPN") or (tok.pos == "PRON" and tree.kids(c, {"conj"})):
                    if depth >= NEAR_DEPTH:
                        far.add(c)
                    yield tok
                nxt.append(c)
        frontier = nxt


def _stated_clause(tree: Tree, i: int) -> bool:
    """A noun's clause that states what the noun says ("claims [that it was planning an
    invasion]"), not who did something to whom."""
    mark = tree.kid(i, {"mark"})
    return mark is not None and mark.text.lower() in ("that", "whether")


def argument_span(cand: Candidate) -> set[int]:
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


def _describing_subjects(tree: Tree, strict: list[Candidate]) -> set[int]:
    """Participles that describe an event's subject or a noun inside it ("The Saudi-led coalition
    [fighting Houthi rebels] has declared a ceasefire", "An Israeli airstrike on a school
    [sheltering displaced people] killed 30 people"): who or what it is, not a second event."""
    out: set[int] = set()
    for c in strict:
        subject = tree.subject(c.verb.i)
        if subject is None or subject.i > c.verb.i:
            continue
        lo, hi = tree.subtree(subject.i)
        for k in tree.tokens[lo:hi]:
            if k.dep == "acl" and k.tag in ("VBG", "VBN") and k.i != c.verb.i:  # not the event's own verb, misparsed as acl
                out.add(k.i)
    return out


def symmetric(match: FrameMatch) -> bool:
    """Events that a compound subject does with each other ("X and Y met", "signed a treaty",
    "clashed"), as opposed to together towards someone else ("X and Y proposed talks")."""
    code = match.frame.code
    return code[:2] in SYMMETRIC_ROOTS or code in SYMMETRIC_CODES or match.frame.verb in SYMMETRIC_VERBS


def trigger(cand: Candidate) -> dict:
    toks = cand.sentence.tokens
    lo, hi = min(cand.match.tokens), max(cand.match.tokens)
    if hi - lo >= MAX_TRIGGER_TOKENS:
        lo = hi = cand.verb.i
    start, end = toks[lo].start, toks[hi].end
    text = cand.sentence.text[start - cand.sentence.start : end - cand.sentence.start]
    return {"text": text, "span": [start, end]}


