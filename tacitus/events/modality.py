"""Modality: did the event happen, or is it denied, intended, conditional, or only alleged?

Old coders code "talks may resume" as if talks happened. Each coded verb is read for the markers
that change that: a negation on the verb or on its object ("did not agree", "no dates were set"),
future or intention ("will open", "is to open", "plans to", "hopes to", "is likely to"), a
condition or possibility ("could", "would", "if"), or a report of an allegation ("allegedly",
"accused of"). "refused to" is not a negation: it is a REJECT event in the verb lexicon.
"""

from __future__ import annotations

from .syntax import Tree

ASSERTED, NEGATED, INTENDED, HYPOTHETICAL, CLAIMED = "asserted", "negated", "intended", "hypothetical", "claimed"
MODALITIES = (ASSERTED, NEGATED, INTENDED, HYPOTHETICAL, CLAIMED)

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "gon"})
# not "'d": also "had"; "must" is an obligation, which is not the act either ("Iran must stop")
HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "must"})
# Governing words that make their complement intended, not done: "plans to open".
INTENT_HEADS = frozenset(
    "plan intend hope expect aim seek want wish prepare propose offer pledge promise vow threaten "
    "agree vote move set poise likely due close ready eager willing going about "
    "consider mull weigh aspire".split()
)
# ... or only possible / conditional.
HYPOTHETICAL_HEADS = frozenset("may might could would possible able unlikely".split())
# ... or did not happen: "refused to let inspectors visit", "failed to reach a deal".
NEGATING_HEADS = frozenset("refuse decline fail reject deny prevent block stop forbid ban bar avoid".split())
NEGATING_NOUNS = frozenset({"refusal", "failure", "inability", "reluctance"})
CLAIM_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
CLAIM_HEADS = frozenset({"allege", "claim", "accuse", "charge", "suspect", "believe"})
NEGATIVE_DETERMINERS = frozenset({"no", "neither", "nor"})
NEGATIVE_ADVERBS = frozenset({"never", "not", "n't", "nowhere"})
# An event noun that names no particular event: "vowed to respond to any Israeli attack",
# "warned of a possible strike"; or one still to come: "the upcoming talks".
HYPOTHETICAL_DETERMINERS = frozenset({"any"})
HYPOTHETICAL_MODIFIERS = frozenset({"possible", "potential", "hypothetical", "eventual"})
PENDING_MODIFIERS = frozenset({"future", "upcoming", "forthcoming", "proposed", "planned", "prospective"})
CONDITION_MARKERS = frozenset({"if", "unless", "whether"})
# "X said it would do Y" reports a "will": an intent, not a hypothesis
REPORTING_VERBS = frozenset(
    "say tell announce state add confirm declare insist pledge promise indicate signal report "
    "stress reiterate vow assure explain write".split()
)


def modality(tree: Tree, verb: int) -> str:
    """The modality of the event whose trigger is token `verb`."""
    toks = tree.tokens
    kids = tree.kids(verb)
    if any(k.dep == "neg" or (k.dep == "advmod" and k.text.lower() in NEGATIVE_ADVERBS) for k in kids):
        return NEGATED
    if _negated_argument(tree, verb):
        return NEGATED
    if toks[verb].pos == "NOUN":
        noun = _noun_modality(tree, verb)
        if noun is not None:
            return noun
    if any(k.dep == "mark" and k.text.lower() in CONDITION_MARKERS for k in kids):
        return HYPOTHETICAL
    aux = {k.text.lower() for k in kids if k.dep in ("aux", "auxpass")}
    if aux & HYPOTHETICAL_AUX:
        if aux & HYPOTHETICAL_AUX == {"would"} and _reported(tree, verb) and not _conditional(tree, verb):
            return INTENDED  # "Ethiopia said it would allow ...": a reported "will"
        return HYPOTHETICAL
    if aux & FUTURE_AUX:
        return INTENDED
    if any(k.dep == "advmod" and k.text.lower() in CLAIM_ADVERBS for k in kids):
        return CLAIMED
    return _from_governor(tree, verb, toks[verb].dep)


REFUSAL_AUX = FUTURE_AUX | {"can", "ca"}  # "will not", "won't", "cannot", "can't"


def declared_refusal(tree: Tree, verb: int) -> bool:
    """ "Will not lift the embargo", "won't release the pilots", "cannot accept": an act of
    cooperation refused in so many words. CAMEO codes the refusal, a rejection (12), and the
    refusal itself did happen; "did not lift" only says that something did not happen."""
    kids = tree.kids(verb)
    own_negation = any(k.dep == "neg" for k in kids)
    aux = {k.text.lower() for k in kids if k.dep == "aux"}
    return own_negation and bool(aux & REFUSAL_AUX)


def refusal_in_itself(tree: Tree, verb: int) -> bool:
    """Whether a negated event is a refusal of its own ("will not accept refugees", "failed to
    reach agreement"), not the object of a refusal coded at its governor ("refused to let
    inspectors VISIT": the refusal is the event, the visit did not happen)."""
    kids = tree.kids(verb)
    if any(k.dep == "neg" or (k.dep == "advmod" and k.text.lower() in NEGATIVE_ADVERBS) for k in kids):
        return True
    return failed_attempt(tree, verb)


def failed_attempt(tree: Tree, verb: int) -> bool:
    """ "failed to reach agreement": the attempt was made and came to nothing. The failure is
    the event (CAMEO codes it as the refusal of what was not reached: 127 for an agreement),
    and it did happen."""
    tok = tree.tokens[verb]
    return tok.dep == "xcomp" and tok.head != verb and "fail" in _forms(tree.tokens[tok.head])


def _forms(tok) -> set[str]:
    """Lemma and surface forms: the small model sometimes lemmatises badly ("hopes" -> "hop")."""
    lower = tok.text.lower()
    forms = {tok.lemma.lower(), lower}
    for suffix in ("s", "d", "ed"):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            forms.add(lower[: -len(suffix)])
    return forms


def _reported(tree: Tree, verb: int) -> bool:
    """Whether the clause is what a reporting verb reports ("said it would", "announced that")."""
    tok = tree.tokens[verb]
    return tok.dep == "ccomp" and tok.head != verb and bool(_forms(tree.tokens[tok.head]) & REPORTING_VERBS)


def _conditional(tree: Tree, verb: int) -> bool:
    """ "would lift the sanctions if the talks succeed": a condition hangs from the verb."""
    return any(
        m.dep == "mark" and m.text.lower() in CONDITION_MARKERS
        for clause in tree.kids(verb, {"advcl"}) for m in tree.kids(clause.i)
    )


def _noun_modality(tree: Tree, noun: int) -> str | None:
    """What an event noun's own determiner or adjective says: "no talks" did not happen, "any
    attack" and "a possible strike" are no particular act, "the upcoming talks" are to come."""
    words = {k.text.lower() for k in tree.kids(noun, {"det", "amod"})}
    if words & NEGATIVE_DETERMINERS:
        return NEGATED
    if words & (HYPOTHETICAL_DETERMINERS | HYPOTHETICAL_MODIFIERS):
        return HYPOTHETICAL
    if words & PENDING_MODIFIERS:
        return INTENDED
    return None


def _negated_argument(tree: Tree, verb: int) -> bool:
    """ "No dates were set", "no talks were held": a negative determiner on the verb's object."""
    for arg in tree.kids(verb, {"nsubjpass", "dobj"}):
        if any(d.dep == "det" and d.text.lower() in NEGATIVE_DETERMINERS for d in tree.kids(arg.i)):
            return True
    # ... or on its subject: "Neither India nor Pakistan has signed", "No country has recognised"
    for subject in tree.kids(verb, {"nsubj"}):
        if any(d.dep in ("det", "preconj") and d.text.lower() in NEGATIVE_DETERMINERS for d in tree.kids(subject.i)):
            return True
    return False


def _from_governor(tree: Tree, verb: int, dep: str) -> str:
    """A complement takes its modality from what governs it: "plans to open" is intended,
    "is likely to open" intended, "may agree to meet" hypothetical, "is alleged to have" claimed."""
    toks = tree.tokens
    if toks[verb].head == verb:
        return ASSERTED
    if dep == "advcl" and tree.infinitive(verb):
        # a purpose clause ("worked to deliver aid") is intended, or as uncertain as its verb
        governing = modality(tree, toks[verb].head)
        return INTENDED if governing == ASSERTED else governing
    if dep == "acl" and _forms(toks[toks[verb].head]) & NEGATING_NOUNS:
        return NEGATED  # "the refusal of the U.S. to recognize his re-election"
    if dep == "acl" and tree.infinitive(verb):
        noun = toks[toks[verb].head]
        if any(k.text.lower() == "no" for k in tree.kids(noun.i, {"det"})):
            return NEGATED  # "had no plans to meet Zelensky"
        if _forms(noun) & INTENT_HEADS:
            return INTENDED  # "announced plans to open an embassy"
    if dep not in ("xcomp", "ccomp", "pcomp", "acomp"):
        return ASSERTED
    head = toks[toks[verb].head]
    word = head
    if dep == "pcomp" and head.head != head.i:  # "close to opening": the preposition's head decides
        word = toks[head.head]
    forms = _forms(word)
    if forms & CLAIM_HEADS and (tree.is_passive(word.i) or dep in ("ccomp", "pcomp")):
        return CLAIMED  # "is alleged to have attacked", "claimed that they had attacked", "accused X of attacking"
    if forms & NEGATING_HEADS:
        return NEGATED
    if forms & HYPOTHETICAL_HEADS:
        return HYPOTHETICAL
    if forms & INTENT_HEADS or ("be" in forms and dep == "xcomp"):
        return INTENDED
    governing = modality(tree, head.i) if head.pos in ("VERB", "AUX", "ADJ") else ASSERTED
    return NEGATED if governing == NEGATED and _forms(head) & {"let", "allow", "permit"} else governing
