"""Navigation over a parsed Sentence's dependency tree (our Token records, not spaCy objects)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Sentence, Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
SUBJECT_DEPS_WITH_PASSIVE = frozenset({"nsubj", "nsubjpass"})  # a clause's nominal subject, either voice
# Nouns of intent whose infinitive is the owner's own act ("had no plans to meet")
PLAN_NOUNS = frozenset({"plan", "intention", "intent", "decision", "bid", "readiness", "willingness", "desire",
                        "wish", "attempt", "effort", "move", "promise", "pledge", "threat", "refusal", "right"})
# Marks of a condition clause ("if Russia invades", "unless Washington backs down")
CONDITION_MARKS = frozenset({"if", "unless"})
# Verbs that report what a speaker says ("said that ...")
SPEECH_VERBS = frozenset(
    "say state insist declare stress add reiterate argue assert emphasize emphasise maintain".split()
)
# Particles the small model parses as prepositions when a phrase follows ("pulled out of Jenin")
PARTICLE_PREPS = frozenset({"out", "off", "away", "back"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
# What a statement is carried in: "issued a statement condemning X", "put out a report accusing
# X", "sent a letter threatening X". The verb on such a noun is what its author did.
MESSAGE_NOUNS = frozenset(
    "statement report letter communique communiqué declaration message note resolution speech "
    "editorial post tweet video bill decree law order directive motion".split()
)
# Verbs that stop a message rather than send it: "blocked a statement condemning the crackdown"
# is no condemnation by the blockers.
STOPPING_VERBS = frozenset(
    "block veto reject oppose stall obstruct derail thwart prevent scupper withdraw kill".split()
)

# Participles that describe a guest ("received [visiting] Japanese Foreign Minister Kono"), which
# the small model parses as a complement of the hosting verb holding the guest as its object
GUEST_PARTICIPLES = frozenset({"visit"})
HOSTING_VERBS = frozenset({"receive", "welcome", "host", "greet", "meet", "entertain"})


def describes_guest(tree: "Tree", tok: Token) -> bool:
    """Whether `tok` is such a participle: "visiting" under "received", before its noun."""
    head = tree.tokens[tok.head]
    return (tok.tag == "VBG" and tok.dep == "xcomp" and tok.lemma.lower() in GUEST_PARTICIPLES
            and head.lemma.lower() in HOSTING_VERBS and tok.i == head.i + 1
            and tree.kid(head.i, OBJECT_DEPS) is None)


# Verbs whose "of"/"for" gerund is what their object is said to have done
ACCUSING_VERBS = frozenset({"accuse", "blame", "charge", "suspect", "convict", "indict"})


def accused_act(tree: "Tree", tok: Token) -> bool:
    """Whether `tok` is the gerund of an accusation: "accused Tehran of [supplying] missiles"."""
    toks = tree.sentence.tokens
    if tok.dep != "pcomp" or tok.head == tok.i:
        return False
    prep = toks[tok.head]
    return (prep.head != prep.i and prep.text.lower() in ("of", "for")
            and toks[prep.head].lemma.lower() in ACCUSING_VERBS)


def within_accusation(tree: "Tree", tok: Token) -> bool:
    """Whether `tok` is an accusation's gerund or in its clause ("accused Iran of training
    militants [to carry out] attacks")."""
    toks = tree.sentence.tokens
    for _ in range(4):
        if accused_act(tree, tok):
            return True
        if tok.head == tok.i:
            return False
        tok = toks[tok.head]
    return False


MEANS_PREPS = frozenset({"by", "through"})  # "did X by doing Y": the same doer
LETTING = frozenset({"let"})  # "let free X": a subjectless clause under "let" is the letter's act


@dataclass(slots=True)
class Tree:
    """A sentence with a child index, built once per sentence."""

    sentence: Sentence
    children: list[list[int]]
    # answers that depend on the tree alone, kept for the sentence's frame matching (frames.py)
    memo: dict = field(default_factory=dict)

    @classmethod
    def of(cls, sentence: Sentence) -> "Tree":
        children: list[list[int]] = [[] for _ in sentence.tokens]
        for tok in sentence.tokens:
            if tok.head != tok.i:
                children[tok.head].append(tok.i)
        return cls(sentence, children)

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    def kids(self, i: int, deps: frozenset[str] | set[str] | None = None) -> list[Token]:
        toks = self.sentence.tokens
        return [toks[c] for c in self.children[i] if deps is None or toks[c].dep in deps]

    def kid(self, i: int, deps: frozenset[str] | set[str]) -> Token | None:
        found = self.kids(i, deps)
        return found[0] if found else None

    def subtree(self, i: int) -> tuple[int, int]:
        """Token index range [lo, hi) covered by i's subtree (projective parses are contiguous)."""
        lo = hi = i
        stack = [i]
        while stack:
            j = stack.pop()
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(self.children[j])
        return lo, hi + 1

    def conjuncts(self, i: int) -> list[int]:
        """i and the tokens conjoined with it ("the United States and South Korea")."""
        out = [i]
        stack = [i]
        while stack:
            j = stack.pop()
            for c in self.children[j]:
                if self.sentence.tokens[c].dep == "conj":
                    out.append(c)
                    stack.append(c)
        return sorted(out)

    def is_passive(self, verb: int) -> bool:
        key = ("passive", verb)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = any(t.dep in PASSIVE_SUBJECT_DEPS or t.dep == "auxpass" for t in self.kids(verb))
        return found

    def negated(self, verb: int) -> bool:
        return any(t.dep == "neg" for t in self.kids(verb))

    def subject(self, verb: int) -> Token | None:
        """Grammatical subject; for a conjoined or controlled verb, the subject it inherits."""
        j = verb
        for _ in range(6):
            # of two subjects (the small model's "The militant group | Hamas fired"), the name
            # nearest the verb
            subjects = self.kids(j, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            subj = subjects[-1] if len(subjects) > 1 and self._second_subject(subjects[-1]) else next(iter(subjects), None)
            if subj is None:
                # the small model's misparse "The United Kingdom and France however have
                # opposed": the subject hangs from the auxiliary
                subj = next((s for a in self.kids(j, {"aux", "auxpass"})
                             for s in self.kids(a.i, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)), None)
            if subj is None:
                # and "USAID deployed teams": an acronym before the verb read as an adverb; and
                # "Turkey massed troops": a name read as a noun-phrase adverb
                subj = next((k for k in self.kids(j, {"advmod", "npadvmod"})
                             if k.i < j and ((len(k.text) > 1 and k.text.isalpha() and k.text.isupper())
                                             or (k.dep == "npadvmod" and k.pos == "PROPN"
                                                 and k.ent_type not in ("DATE", "TIME")))), None)
            if subj is not None:
                return subj
            tok = self.sentence.tokens[j]
            if tok.dep == "pcomp" and tok.head != j:
                # "is close to opening": through the preposition to its adjective; but "accused
                # Chile of blocking" belongs to the object, which the parse does not say
                prep = self.sentence.tokens[tok.head]
                if prep.head != prep.i and prep.text.lower() in MEANS_PREPS and self.sentence.tokens[prep.head].pos in ("VERB", "AUX"):
                    j = prep.head  # "China continues its efforts by donating supplies": the doer's
                    continue
                if accused_act(self, tok):
                    # "accused Tehran of supplying missiles": the one accused is the doer
                    accused = self.kid(prep.head, {"dobj"})
                    return accused if accused is not None and accused.pos != "PRON" else None
                if prep.head == prep.i or self.sentence.tokens[prep.head].pos != "ADJ":
                    return None
                j = prep.head
                continue
            if tok.dep == "ccomp" and tok.head != j and self.sentence.tokens[tok.head].lemma.lower() in LETTING:
                j = tok.head  # "Egypt let free X" read as "let" + a clause "free X" with no subject
                continue
            if tok.dep in ("conj", "xcomp", "advcl", "acomp") and tok.head != j:
                j = tok.head
                if tok.dep == "advcl" and tok.tag == "VBG" and self._marked_clause(j):
                    # "lodged representations after a US warship sailed ..., [calling] the transit a
                    # provocation": a participle after a marked clause is the main clause's
                    j = self.sentence.tokens[j].head
                continue
            carrier = message_carrier(self.sentence.tokens, tok)
            if carrier is not None:
                j = carrier  # its subject is the author of the statement
                continue
            if tok.dep == "acl" and tok.head != j and self.infinitive(j):
                noun = self.sentence.tokens[tok.head]
                if noun.lemma.lower() in PLAN_NOUNS:
                    # "Putin had no plans to meet Zelensky", "Iran's decision to expel": whoever
                    # has the plan; the noun's owner, else the subject of the verb that has it
                    owner = self.kid(noun.i, {"poss"})
                    if owner is not None:
                        return owner
                    if noun.dep in ("dobj", "attr") and noun.head != noun.i:
                        j = noun.head
                        continue
                    return None
            if tok.dep in ("acl", "relcl") and tok.head != j:
                # "the forces fighting rebels", and the small model's misparse "The air force
                # carried out strikes" (force ROOT, carried acl): an active verb modifying a noun
                # has that noun as its subject; a past participle ("aid provided by") does not.
                active = (
                    tok.dep == "relcl"
                    or tok.tag in ("VBG", "VBD", "VBZ", "VBP")
                    or self.kid(j, {"dobj"}) is not None  # a participle with an object is active
                )
                return self.sentence.tokens[tok.head] if active else None
            return None
        return None

    def _second_subject(self, subj: Token) -> bool:
        """A name the small model makes a second subject is the actor's name ("The militant
        group | Hamas fired"), unless it is the object of a preposition left dangling before it
        ("Rebels loyal to | former vice president Riek Machar freed")."""
        lo = self.subtree(subj.i)[0]
        before = self.sentence.tokens[lo - 1] if lo > 0 else None
        return subj.pos == "PROPN" and not (before is not None and before.pos == "ADP" and not self.children[before.i])

    def _marked_clause(self, i: int) -> bool:
        """An adverbial clause with a temporal or causal mark ("after", "when", "because")."""
        tok = self.sentence.tokens[i]
        return tok.dep == "advcl" and tok.head != i and any(
            m.text.lower() in ("after", "before", "when", "while", "as", "because", "since", "once")
            for m in self.kids(i, {"mark"}))

    def agent(self, verb: int) -> Token | None:
        """The "by" phrase of a passive verb: its object; or, when the small model hangs it on
        the verb's last phrase ("was invited to the talks [by Russia]"), that phrase's "by"."""
        for prep in self.kids(verb, {"agent"}):
            obj = self.kid(prep.i, {"pobj"})
            if obj is not None:
                return obj
        if not self.is_passive(verb):
            return None
        preps = [p for p in self.kids(verb, {"prep"}) if p.i > verb]
        obj = self.kid(preps[-1].i, {"pobj", "pcomp"}) if preps else None  # ... or "from running [by the council]"
        for by in self.kids(obj.i, {"prep"}) if obj is not None else []:
            if by.text.lower() == "by":
                found = self.kid(by.i, {"pobj"})
                if found is not None:
                    return found
        return None

    def prep_objects(self, i: int) -> list[tuple[str, Token]]:
        """(preposition lemma, its object) for each prepositional phrase on token i."""
        out = []
        for prep in self.kids(i, {"prep", "agent", "dative"}):
            obj = self.kid(prep.i, {"pobj", "pcomp"})
            if obj is not None and obj.dep == "pcomp" and obj.tag == "VBG":
                # "fired at [protesters] marching on the palace": the small model makes the
                # object the subject of a gerund clause; the object is that subject
                doer = self.kid(obj.i, {"nsubj"})
                bare = not self.kids(obj.i, {"aux", "auxpass", "mark"})  # not "on whether X was"
                obj = doer if doer is not None and doer.i < obj.i and bare else obj
            if obj is not None:
                out.append((prep.lemma.lower(), obj))
            elif prep.lemma.lower() in PARTICLE_PREPS:
                # "pulled out of Jenin" parsed out(prep) -> of(prep) -> Jenin: the particle's
                # phrase is the verb's
                for inner in self.kids(prep.i, {"prep"}):
                    obj = self.kid(inner.i, {"pobj", "pcomp"})
                    if obj is not None:
                        out.append((inner.lemma.lower(), obj))
        # "called for Britain to stay": "for" marks a clause whose subject is what is called for
        for clause in self.kids(i, {"advcl"}):
            subject = self.kid(clause.i, {"nsubj"})
            if subject is not None and self.for_clause(clause.i):
                out.append(("for", subject))
        return out

    def conditions(self, i: int) -> list[Token]:
        """The "if"/"unless" clauses on token i ("will impose sanctions [if] Russia invades")."""
        return [c for c in self.kids(i, {"advcl"})
                if any(m.lemma.lower() in CONDITION_MARKS for m in self.kids(c.i, {"mark"}))]

    def condition_doers(self, i: int) -> list[Token]:
        """The subjects of the condition clauses on token i ("if [Russia] invades")."""
        return [s for c in self.conditions(i) for s in self.kids(c.i, SUBJECT_DEPS_WITH_PASSIVE)]

    def infinitive(self, i: int) -> bool:
        """Whether verb i has "to" as its auxiliary ("worked [to] deliver aid")."""
        return any(a.text.lower() == "to" for a in self.kids(i, {"aux"}))

    def for_clause(self, i: int) -> bool:
        """Whether token i heads an adverbial clause marked "for" ("for Britain [to stay]")."""
        tok = self.tokens[i]
        return tok.dep == "advcl" and any(m.text.lower() == "for" for m in self.kids(i, {"mark"}))


def message_carrier(tokens: list[Token], tok: Token) -> int | None:
    """ "issued a statement [condemning] X": for an active participle on a message noun that is
    the object of a verb (MESSAGE_NOUNS), that verb ("issued"), whose subject is the author of the
    message; None for any other token."""
    if tok.dep != "acl" or tok.tag != "VBG" or tok.head == tok.i:
        return None
    noun = tokens[tok.head]
    if noun.lemma.lower() in MESSAGE_NOUNS and noun.dep in OBJECT_DEPS and noun.head != noun.i:
        return noun.head
    return None


def stopped_message(tokens: list[Token], tok: Token) -> bool:
    """ "blocked a UN statement [condemning] the crackdown": a participle on a message noun that
    a verb of stopping takes as its object said nothing for that verb's subject."""
    carrier = message_carrier(tokens, tok)
    return carrier is not None and tokens[carrier].lemma.lower() in STOPPING_VERBS
