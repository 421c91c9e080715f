"""Which words date which event: temporal expressions found in the parse, the verb each one
attaches to, and that verb's tense.

An expression starts from spaCy's DATE entities (and a few calendar words the small model leaves
untagged), grows to the phrase that carries it ("on" + "Wednesday", "by" + "the end of the year",
"Forty-three years" + "after the end of the Korean War"), and attaches where that phrase hangs in the
tree. Only temporal attachments date an event: a bare-noun adverbial ("met Wednesday"), an
adverb ("yesterday"), or a temporal preposition. A date that modifies a noun ("the 1953
Armistice", "Wednesday's meeting") dates that noun, so it counts only when the noun is the trigger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..events.syntax import Tree
from ..records import Sentence, Token
from .grammar import MONTHS, PORTION_WORDS, SEASONS, WEEKDAYS

TEMPORAL_PREPS = frozenset({"on", "in", "at", "during", "over", "throughout", "since", "by", "before",
                            "after", "until", "till", "from", "between", "within", "around",
                            "through", "for"})  # fmt: skip
ADVERBIAL_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl", "nmod:tmod"})
MODIFIER_DEPS = frozenset({"compound", "nummod", "amod", "poss", "nmod", "appos"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "dative"})  # "met Wednesday" misread as an object
# "dep" is the parser's unlabelled attachment: in practice a second clause it could not place.
CLAUSE_DEPS = frozenset({"ccomp", "relcl", "acl", "parataxis", "csubj", "csubjpass", "advcl", "dep"})
PERIOD_NOUNS = frozenset({"end", "beginning", "start", "middle", "close", "turn", "morning",
                          "afternoon", "evening", "night", "half", "quarter", *SEASONS,
                          *PORTION_WORDS})  # fmt: skip
DAY_WORDS = frozenset({"yesterday", "today", "tomorrow", "tonight"})
UNIT_WORDS = frozenset({"week", "weekend", "month", "year", "decade", "weeks", "months", "years",
                        "decades", "days"})  # fmt: skip
CALENDAR_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | DAY_WORDS | frozenset(SEASONS)
SHIFT_WORDS = frozenset({"last", "next", "this", "past", "coming", "previous"})
FUTURE_GOVERNORS = frozenset({
    "plan", "expect", "intend", "hope", "want", "aim", "prepare", "schedule", "set", "due", "likely",
    "about", "promise", "pledge", "vow", "agree", "decide", "threaten", "offer", "propose", "seek",
    "wish", "be", "need", "ready", "poised", "expected", "scheduled", "able", "unlikely",
})  # fmt: skip
SIMULTANEOUS = frozenset({"when", "as", "while"})
RANGE_ENDS = frozenset({"to", "until", "till", "through", "thru"})  # "from X [to Y]"
MAX_WORDS = 14  # a longer phrase is a clause that happens to contain a date, not a date
RE_YEAR_TOKEN = re.compile(r"(1[6-9]|20)\d\d'?s?")


@dataclass(frozen=True, slots=True)
class Expression:
    """One temporal expression in a sentence and where it hangs in the parse."""

    root: int  # the token that attaches the phrase to the tree
    anchor: int  # the token it attaches to (root itself for a sentence root)
    kind: str  # "temporal" (dates the clause) or "modifier" (dates the noun it modifies)
    ranges: tuple[tuple[int, int], ...]  # token ranges [lo, hi) to read, longest first
    path: tuple[int, ...]  # anchor up to its nearest governing verb, inclusive


def has_date_words(sentence: Sentence) -> bool:
    """The cheap test that keeps date-free sentences away from the parser of dates."""
    for tok in sentence.tokens:
        if tok.ent_type == "DATE":
            return True
        low = tok.text.lower().rstrip(".")
        if low in CALENDAR_WORDS or low in UNIT_WORDS or RE_YEAR_TOKEN.fullmatch(low):
            return True
    return False


def find_expressions(tree: Tree) -> list[Expression]:
    """Every candidate temporal expression in the sentence, one per attaching token."""
    toks = tree.tokens
    seeds: dict[int, list[tuple[int, int]]] = {}
    kinds: dict[int, str] = {}
    for lo, hi in _seeds(toks):
        root = _phrase_root(toks, _span_head(toks, lo, hi))
        kind = _kind(toks, root)
        if kind is not None:
            seeds.setdefault(root, []).append((lo, hi))
            kinds[root] = kind
    found = []
    for root, spans in seeds.items():
        anchor = _reported_clause_fix(tree, root, toks[root].head)
        ranges = _ranges(tree, root, spans)
        found.append(Expression(root, anchor, kinds[root], ranges, _path(tree, root, anchor)))
    return _join_ranges(tree, found)


def _reported_clause_fix(tree: Tree, root: int, anchor: int) -> int:
    """ "Bangladesh said on Monday it will accept refugees": the small model hangs "on Monday" on
    "accept"; a phrase between the reporting verb and the reported clause's subject is the
    reporting verb's."""
    toks = tree.tokens
    verb = toks[anchor]
    if verb.dep != "ccomp" or verb.head == anchor:
        return anchor
    subject = tree.kid(anchor, {"nsubj", "nsubjpass"})
    if subject is not None and verb.head < root < subject.i:
        return verb.head
    return anchor


def _join_ranges(tree: Tree, found: list[Expression]) -> list[Expression]:
    """"from 1991 until 1993", "from Monday through Thursday": the parser hangs the two ends on
    the verb as sibling phrases; read them as one range, the "from" phrase reading first."""
    toks = tree.tokens
    out = list(found)
    for e in found:
        if toks[e.root].text.lower() != "from" or e.root == e.anchor:
            continue
        a, b = tree.subtree(e.root)
        end = next((t for t in tree.kids(e.anchor) if t.i == b and t.text.lower() in RANGE_ENDS), None)
        if end is None or tree.subtree(end.i)[1] - a > MAX_WORDS:
            continue
        joined = replace(e, ranges=((a, tree.subtree(end.i)[1]), *e.ranges))
        out = [joined if x is e else x for x in out if x.root != end.i]
    return out


def _path(tree: Tree, root: int, anchor: int) -> tuple[int, ...]:
    """The way up to the governing verb. "X did Y yesterday, officials said": a date between a
    reported clause and its reporting verb belongs to the reported clause."""
    path = _verb_path(tree.tokens, anchor)
    verb = path[-1]
    for clause in tree.kids(verb, {"ccomp", "parataxis"}):
        if clause.i < root < verb and tree.subtree(clause.i)[0] < root:
            return path[:-1] + (clause.i,)
    return path


def _seeds(toks: list[Token]) -> list[tuple[int, int]]:
    """DATE and TIME entity spans, then calendar words outside them the model did not tag."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if toks[i].ent_type in ("DATE", "TIME"):
            j = i + 1
            while j < len(toks) and toks[j].ent_type == toks[i].ent_type and toks[j].ent_iob == "I":
                j += 1
            spans.append((i, j))
            spans.extend((_left_edge(toks, k, i), k + 1) for k in range(i, j) if _inner_date(toks, k, i, j))
            i = j
            continue
        if _calendar_word(toks, i):
            spans.append((i, i + 1))
        i += 1
    return spans


def date_span(toks: list[Token], i: int) -> tuple[int, int]:
    """The token range [lo, hi) of the date entity that token i is in (the widest of `_seeds`),
    or i alone."""
    return max((s for s in _seeds(toks) if s[0] <= i < s[1]), key=lambda s: s[1] - s[0], default=(i, i + 1))


def _inner_date(toks: list[Token], k: int, lo: int, hi: int) -> bool:
    """A calendar word hanging adverbially inside a longer entity ("25 years [last November]",
    "three days [last week]")."""
    tok = toks[k]
    low = tok.text.lower().rstrip(".")
    calendar = low in CALENDAR_WORDS or (low in UNIT_WORDS and _left_edge(toks, k, lo) < k)
    return hi - lo > 2 and lo <= tok.head < hi and tok.dep in ADVERBIAL_DEPS and calendar


def _left_edge(toks: list[Token], k: int, lo: int) -> int:
    """The first of the shift words ("last", "next", ...) that modify token k from its left."""
    left = [j for j in range(lo, k) if toks[j].head == k and toks[j].text.lower() in SHIFT_WORDS]
    return min(left, default=k)


def _calendar_word(toks: list[Token], i: int) -> bool:
    tok = toks[i]
    low = tok.text.lower().rstrip(".")
    if tok.tag == "MD" or tok.pos in ("VERB", "AUX"):  # "may", "march"
        return False
    if low in MONTHS or low in WEEKDAYS:  # names are capitalised: "the sun" is no Sunday
        return tok.text[:1].isupper() and (low not in MONTHS or tok.pos == "PROPN")
    if low in CALENDAR_WORDS:
        return True
    if low in UNIT_WORDS:
        return any(t.head == i and t.text.lower() in SHIFT_WORDS for t in toks)
    return tok.tag == "CD" and bool(RE_YEAR_TOKEN.fullmatch(low)) and tok.dep == "pobj"


def _span_head(toks: list[Token], lo: int, hi: int) -> int:
    for i in range(lo, hi):
        if not lo <= toks[i].head < hi or toks[i].head == i:
            return i
    return lo


def _phrase_root(toks: list[Token], i: int) -> int:
    """Climb from the date words to the phrase that carries them: the preposition over them, and
    the "end of"/"spring of" noun over that ("by the end of the year")."""
    for _ in range(6):
        tok = toks[i]
        if tok.head == i:
            break
        head = toks[tok.head]
        if not _is_prep(tok) and tok.dep in ("pobj", "pcomp") and _is_prep(head):
            i = head.i
        elif tok.dep == "npadvmod" and _is_prep(head):  # "[43 years] after ..."
            i = head.i
        elif _is_prep(tok) and tok.lemma.lower() == "of" and head.lemma.lower() in PERIOD_NOUNS:
            i = head.i
        else:
            break
    return i


def _is_prep(tok: Token) -> bool:
    return tok.pos == "ADP" or tok.dep in ("prep", "agent")  # spaCy tags "since" SCONJ


def _kind(toks: list[Token], root: int) -> str | None:
    tok = toks[root]
    if tok.head == root:
        return "temporal"  # a fragment: the date is the sentence's root
    if _is_prep(tok):
        if tok.text.lower() == "since" and toks[tok.head].pos in ("NOUN", "PROPN", "ADJ"):
            return "modifier"  # "the first time since 2014", "the worst fighting since 1994"
        return "temporal" if tok.text.lower() in TEMPORAL_PREPS else None
    if tok.dep in ADVERBIAL_DEPS:
        return "temporal"
    if tok.dep in MODIFIER_DEPS:
        return "modifier"
    if tok.dep in OBJECT_DEPS and _bare_calendar(toks, root):
        return "temporal"
    return None


def _bare_calendar(toks: list[Token], i: int) -> bool:
    """A weekday, "yesterday" or "last week" standing alone: never a real object of a verb."""
    low = toks[i].text.lower()
    if low in WEEKDAYS or low in DAY_WORDS:
        return True
    return low in UNIT_WORDS and any(t.head == i and t.text.lower() in SHIFT_WORDS for t in toks)


def _ranges(tree: Tree, root: int, spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Token ranges to read, longest first: the phrase (cut at the first punctuation after the
    date words), the date words with the phrase's head, then each span of date words alone."""
    toks = tree.tokens
    lo, hi = min(min(s[0] for s in spans), root), max(max(s[1] for s in spans), root + 1)
    a, b = tree.subtree(root)
    cut = next((k for k in range(hi, b) if toks[k].pos == "PUNCT"), b)
    out = []
    if cut - a <= MAX_WORDS and toks[root].head != root:
        out.append((a, cut))
    out.append((lo, hi))
    for s_lo, s_hi in spans:
        if _is_prep(toks[root]) and root < s_lo:
            out.append((root, s_hi))
        out.append((s_lo, s_hi))
    return tuple(dict.fromkeys(out))


def _verb_path(toks: list[Token], i: int) -> tuple[int, ...]:
    """From token i up to its nearest governing verb (inclusive), or to the root."""
    path = [i]
    for _ in range(len(toks)):
        if is_verb(toks[i]) or toks[i].head == i:
            break
        i = toks[i].head
        path.append(i)
    return tuple(path)


def is_verb(tok: Token) -> bool:
    return tok.pos == "VERB" or (tok.pos == "AUX" and tok.dep not in ("aux", "auxpass"))


def governing_verb(toks: list[Token], i: int) -> int:
    return _verb_path(toks, i)[-1]


def expression_text(sentence: Sentence, lo: int, hi: int) -> tuple[str, tuple[int, int]]:
    """The words of tokens [lo, hi) as they stand in the sentence, and their document offsets."""
    start, end = sentence.tokens[lo].start, sentence.tokens[hi - 1].end
    return sentence.text[start - sentence.start : end - sentence.start], (start, end)


# --- which expressions belong to an event ---------------------------------------------------


def own_expressions(exprs: list[Expression], i: int, trigger: int) -> list[Expression]:
    """Expressions whose way up to a verb passes through token i (a modifier only dates the
    trigger itself)."""
    out = []
    for e in exprs:
        if e.kind == "temporal" and i in e.path:
            out.append(e)
        elif e.kind == "modifier" and e.anchor == trigger == i:
            out.append(e)
    return out


def clause_chain(tree: Tree, trigger: int) -> list[int]:
    """The trigger and the tokens above it within its clause: controlled verbs ("refused to
    ADMIT"), purpose infinitives, "close to OPENING", conjoined verbs of the same tense. A finite
    subordinate clause ("said that they MET") is its own clause and keeps to its own dates."""
    toks = tree.tokens
    chain = [trigger]
    i = trigger
    for _ in range(len(toks)):
        tok = toks[i]
        if tok.head == i or not _climbs(tree, tok):
            break
        i = tok.head
        chain.append(i)
    return chain


def _climbs(tree: Tree, tok: Token) -> bool:
    if tok.dep == "advcl":  # purpose infinitives and "when"/"as"/"while" clauses share the time
        return any(
            (k.dep == "aux" and k.tag == "TO")
            or (k.dep in ("mark", "advmod") and k.text.lower() in SIMULTANEOUS)
            for k in tree.kids(tok.i)
        )
    if tok.dep == "conj" and is_verb(tok):
        return verb_tense(tree, tok.i) == verb_tense(tree, tok.head)
    return tok.dep not in CLAUSE_DEPS


def clause_count(tree: Tree) -> int:
    """Clauses in the sentence: the root and every verb heading a clause or conjoined."""
    return sum(
        1
        for t in tree.tokens
        if is_verb(t) and (t.head == t.i or t.dep in CLAUSE_DEPS or t.dep == "conj")
    )


def interval_before(tree: Tree, verb: int) -> tuple[str, int, int] | None:
    """ "two years after protesters stormed its embassy", "almost a decade after the two sides
    fought": the length of time by which a clause opened by "after" precedes the clause it hangs
    from, as words the date grammar reads with "ago" ("two years"), and the token range
    [lo, hi) of the words that say so ("two years after"); None when the clause is no such
    clause or gives no count. The small model hangs the length on either verb."""
    tok = tree.tokens[verb]
    if tok.dep != "advcl" or tok.head == verb:
        return None
    mark = next((k for k in tree.kids(verb, {"mark"}) if k.text.lower() == "after"), None)
    if mark is None:
        return None
    for unit in tree.kids(verb, {"npadvmod"}) + tree.kids(tok.head, {"npadvmod"}):
        if unit.text.lower() not in UNIT_WORDS or tree.subtree(unit.i)[1] != mark.i:
            continue
        count = [k for k in tree.kids(unit.i, {"nummod"}) if k.i < unit.i]
        if len(count) == 1:
            return f"{count[0].text.lower()} {unit.text.lower()}", count[0].i, mark.i + 1
    return None


# --- tense --------------------------------------------------------------------------------


def verb_tense(tree: Tree, i: int, depth: int = 0) -> str:
    """"past", "present" or "future" from tags and auxiliaries: "will"/MD + VB, "is to", "plans
    to", "expected to"; an infinitive under any other verb takes that verb's tense."""
    toks = tree.tokens
    tok = toks[i]
    if not is_verb(tok):
        j = governing_verb(toks, i)
        if j == i or not is_verb(toks[j]):
            return "past"
        tok = toks[j]
    aux = [k for k in tree.kids(tok.i) if k.dep in ("aux", "auxpass")]
    if any(k.tag == "MD" for k in aux):
        perfect = any(k.lemma == "have" for k in aux)
        return "past" if perfect else "future"
    if tok.tag == "VB" and any(k.tag == "TO" for k in aux) and tok.head != tok.i and depth < 4:
        gov = toks[tok.head]
        if gov.lemma.lower() in FUTURE_GOVERNORS or (gov.lemma == "go" and gov.tag == "VBG"):
            return "future"
        return verb_tense(tree, gov.i, depth + 1)
    if tok.tag == "VBD" or any(k.tag == "VBD" for k in aux):
        return "past"
    if tok.tag == "VBN" and any(k.lemma == "have" for k in aux):
        return "past"  # "has met": a past event
    return "present" if tok.tag in ("VBZ", "VBP", "VBG") or aux else "past"
