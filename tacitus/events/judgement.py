"""Judgements that censure: "Seoul said Pyongyang's missile launch was a grave provocation",
"Beijing described the arms sale as a serious violation", "Moscow termed the sanctions illegal".

No verb of the sentence is a verb of criticism, but the speaker calls someone's act a
provocation, a violation or illegal: CAMEO 111 (criticize or denounce), by the speaker, aimed at
the act's author (the target is the judged phrase; the actor resolver finds its owner or
modifier: "Pyongyang's launch" PRK, "the US arms sale" USA). Read in two shapes:

- a speech verb (say, state, insist, ...) whose reported clause is a copula with a censuring
  noun or adjective as its predicate ("said the strike was a flagrant violation", "said Russia's
  actions were unacceptable");
- a verb of naming (describe, term, label, brand, characterize) whose object is judged "as" a
  censuring word or in a small clause ("described X as a provocation", "termed X illegal").

An accusation judged baseless, groundless, unfounded, false or a lie is denied (016, deny
responsibility), not criticised. A negated judgement ("said the move was not a provocation") is
none.
"""

from __future__ import annotations

from .frames import Frame, FrameMatch
from .syntax import SPEECH_VERBS, Tree
from ..records import Token

JUDGEMENT_CODE = "111"
NAMING = frozenset({"describe", "term", "label", "brand", "characterize", "characterise", "deem"})
# Nouns and adjectives that censure what they are said of.
CENSURE_NOUNS = frozenset(
    "provocation violation breach crime mistake aggression blackmail interference meddling affront "
    "insult disgrace outrage farce sham lie betrayal hypocrisy".split()
)
CENSURE_ADJECTIVES = frozenset(
    "unacceptable illegal unlawful illegitimate irresponsible provocative reckless outrageous absurd "
    "baseless groundless unfounded unjustified unjustifiable deplorable shameful hostile destabilizing "
    "destabilising inadmissible invalid counterproductive".split()
)
# ... but an accusation called baseless is denied, not criticised: "said the allegations were
# baseless" is a denial (016), as "dismissed the accusations" is.
DENIAL_CODE = "016"
DENYING = frozenset({"baseless", "groundless", "unfounded", "lie", "false", "fabrication"})
ACCUSATIONS = frozenset({"accusation", "allegation", "claim", "charge", "report", "assertion"})
PREDICATE_DEPS = frozenset({"attr", "acomp"})
COPULA = "be"


def _censures(tok: Token) -> bool:
    word = tok.lemma.lower()
    return (tok.pos == "NOUN" and word in CENSURE_NOUNS | DENYING) or (
        tok.pos == "ADJ" and word in CENSURE_ADJECTIVES | DENYING)


def _negated(tree: Tree, i: int) -> bool:
    return tree.kid(i, {"neg"}) is not None


def _reported(tree: Tree, verb: Token) -> tuple[Token, Token] | None:
    """(judged, word) for "said [X] was a [provocation]" and "said X [illegal]"."""
    for clause in tree.kids(verb.i, {"ccomp"}):
        if _negated(tree, clause.i):
            continue
        if clause.lemma.lower() == COPULA:
            words = [w for w in tree.kids(clause.i, PREDICATE_DEPS) if _censures(w)]
        else:
            words = [clause] if _censures(clause) else []
        judged = tree.kid(clause.i, {"nsubj", "nsubjpass"})
        if words and judged is not None and not _negated(tree, words[0].i):
            return judged, words[0]
    return None


def _named(tree: Tree, verb: Token) -> tuple[Token, Token] | None:
    """(judged, word) for "described [X] as a [violation]" and "termed [X] [illegal]"."""
    judged = tree.kid(verb.i, {"dobj"})
    if judged is not None:
        for prep in tree.kids(verb.i, {"prep"}) + tree.kids(judged.i, {"prep"}):
            if prep.lemma.lower() == "as":
                words = [w for w in tree.kids(prep.i, {"pobj", "amod", "acomp"}) if _censures(w)]
                if words:
                    return judged, words[0]
        words = [w for w in tree.kids(verb.i, {"oprd", "advcl", "xcomp"}) if _censures(w)]
        # "labelled the decision unacceptable", parsed as an adjective after its noun
        words += [w for w in tree.kids(judged.i, {"amod"}) if w.i > judged.i and _censures(w)]
        if words:
            return judged, words[0]
    for clause in tree.kids(verb.i, {"ccomp", "xcomp"}):  # "termed the sanctions illegal": a small clause
        judged = tree.kid(clause.i, {"nsubj"})
        if judged is not None and _censures(clause):
            return judged, clause
    return None


JUDGEMENT_MARK = "(judgement)"


def is_judgement(frame: Frame) -> bool:
    """Whether a frame is one this module made (its target is the judged phrase, never a venue)."""
    return frame.line == 0 and frame.text.endswith(JUDGEMENT_MARK)


def censure_judgement(tree: Tree, tok: Token) -> FrameMatch | None:
    """The criticism a speech or naming verb makes by judging an act (module docstring); None
    when the verb judges nothing in those words."""
    if tok.pos != "VERB" or _negated(tree, tok.i):
        return None
    lemma = tok.lemma.lower()
    found = _reported(tree, tok) if lemma in SPEECH_VERBS else _named(tree, tok) if lemma in NAMING else None
    if found is None:
        return None
    judged, word = found
    denial = judged.lemma.lower() in ACCUSATIONS and word.lemma.lower() in DENYING
    if not denial and word.lemma.lower() not in CENSURE_NOUNS | CENSURE_ADJECTIVES:
        return None  # "said the figures were false": no one is censured
    code = DENIAL_CODE if denial else JUDGEMENT_CODE
    frame = Frame(code, lemma, (), f"{lemma} ... {word.lemma.lower()} {JUDGEMENT_MARK}", 0)
    return FrameMatch(frame=frame, source=None, target=judged, swap=False, tokens=[tok.i, word.i])
