"""Refinements of a coded pair: the code a frame's reading takes from its actors and words, and
the country a domestic role takes from where it acts.

Each is a small rule of the code book applied after the frame has matched and the actors are
resolved (coder.EventCoder._event runs them in order):

- `refine_code`: a named place captured is territory taken (192), a threatened military action
  is force (138) and a legal or economic one is not (130), aid of a named kind takes its subcode
  ("humanitarian aid" 073), peacekeepers arriving are peacekeeping (074), a visit made to give
  aid is the aid (07x), a riot by armed men is force (190), unspecified force by a bomb or a
  suicide bomber is a bombing (183, 1831, 1832);
- `placed`, `at_home`: police, protesters, civilians, ... with no country of their own take the
  country of the place their event's clause names;
- `police_of_their_country`: police of no country who detain or beat a state's people are its;
- `police_at_home`: police sent at home are a show of police power (153), not peacekeeping;
- `repressed_at_home`: a state's police, courts or government coerce their own people, its
  government's orders go to its own troops and police, and its protesters clash with them.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.resolve import role_only
from ..geo.resolver import PLACE_ENTITIES
from ..records import Actor
from .candidates import PROTEST_ROOT, Candidate
from .nominal import aid_kind

ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "UAF", "SEP", "IMG", "RAD"})
RIOT = "145"
OBSTRUCT = "144"
FORCED_ENTRY = frozenset({"storm"})
GENERIC_FORCE = frozenset({"190", "180"})  # force not specified further
VEHICLE_WORDS = frozenset({"car", "truck", "vehicle", "motorcycle", "bus"})  # "a car bomb": 1832


# Roles that act at home: with no country of their own they take that of the place their event's
# clause names ("Police detained protesters in Minsk": BLRCOP, BLROPP). Not forces, rebels or
# refugees, who are often abroad.
DOMESTIC_SECTORS = frozenset({"COP", "OPP", "CVL", "LAB", "EDU", "JUD", "LEG", "GOV", "ELI", "AGR", "BUS", "MED", "REL", "CRM"})


TRAVELLERS = frozenset("delegation delegations delegate delegates envoy envoys emissary emissaries ambassador "
                       "ambassadors diplomat diplomats negotiator negotiators visitor visitors".split())


def placed(actor: Actor, country: str) -> Actor:
    """A role-only actor ("police": COP) put in `country` (KENCOP)."""
    return replace(actor, code=country + actor.code, country=country)


def at_home(actor: Actor | None, country: str | None) -> Actor | None:
    """A domestic role with no country of its own, placed in `country` (the event's locative)."""
    if actor is None or country is None or not role_only(actor):
        return actor
    if actor.sector not in DOMESTIC_SECTORS or TRAVELLERS & set(actor.text.lower().split()):
        return actor  # ... a delegation or an envoy is where it was sent, not at home
    return placed(actor, country)


# A state's police, courts and government coerce and assault at home: the domestic role they act
# on with no country of its own is theirs ("Indonesian police fired tear gas to disperse
# students": IDNEDU).
HOME_FORCES = frozenset({"COP", "JUD", "GOV"})
HOME_ACT_ROOTS = frozenset({"17", "18"})
COERCE_ROOT = "17"
OWN_POLITICS = frozenset({"OPP", "LEG", "JUD", "ELI"})  # roles in a state's own politics only
# ... and a government's orders go to its own troops and police
ORDER_ROOT = "10"
# ... and protesters (candidates.PROTEST_ROOT) clash with their own state's police and troops
APPARATUS = frozenset({"MIL", "COP"})
# ... and a state's people demand of, rebuke, reject, threaten and protest against their own rulers
DISSENT_ROOTS = frozenset({"10", "11", "12", "13", "14"})
CITIZENS = frozenset({"OPP", "CVL", "LAB", "EDU", "REL", "MED", "AGR", "BUS"})
RULERS = frozenset({"GOV", "LEG", "JUD"})


def repressed_at_home(code: str, source: Actor | None, target: Actor | None) -> Actor | None:
    """The target's country when the source's own apparatus acts at home (above)."""
    if source is None or target is None or source.country is None or target.country is not None:
        return target
    if code[:2] == ORDER_ROOT and source.sector == "GOV" and target.sector in APPARATUS:
        # "the Russian president ordered troops to withdraw": his own troops
        return placed(target, source.country)
    if code[:2] == PROTEST_ROOT and source.sector in DOMESTIC_SECTORS and target.sector in APPARATUS:
        # "opponents of the Maldives government clashed with police": the Maldives' police
        return placed(target, source.country)
    if (code[:2] in DISSENT_ROOTS and source.sector in CITIZENS and target.sector in RULERS
            and target.code == target.sector):
        # "Algerian protesters demanded that the ruling elite step down": Algeria's
        return placed(target, source.country)
    if (code[:2] == COERCE_ROOT and source.code == source.country and target.sector in OWN_POLITICS
            and target.code == target.sector):
        # "Belarus jailed opposition leader Maria Kolesnikova": a state's coercion of the
        # opposition, lawmakers, judges or former officials is of its own (BLROPP); journalists
        # and students of no named country may be foreigners or an occupied people's
        return placed(target, source.country)
    if code[:2] not in HOME_ACT_ROOTS or source.sector not in HOME_FORCES:
        return target
    if target.sector not in DOMESTIC_SECTORS or target.code != target.sector:
        return target
    return placed(target, source.country)


# People in their own state's politics: the police who detain them are that state's.
CITIZENS_IN_POLITICS = frozenset({"OPP", "MED", "EDU", "LAB", "JUD", "LEG", "ELI"})


def police_of_their_country(code: str, source: Actor | None, target: Actor | None) -> Actor | None:
    """Police of no named country who coerce or assault a state's people are that state's:
    "Several Turkish journalists were detained by police in Istanbul" TURCOP 173 TURMED."""
    if source is None or target is None or source.country is not None or source.code != "COP":
        return source
    if code[:2] not in HOME_ACT_ROOTS or target.country is None or target.sector not in CITIZENS_IN_POLITICS:
        return source  # not "Police arrested two Russian citizens", often abroad
    return placed(source, target.country)


# Police sent to another state serve there (074: "Kenya sent police officers to Haiti"); sent at
# home, or nowhere named, they are a show of police power (153: "India deployed police to Kashmir").
POLICE_WORDS = frozenset({"police", "policeman", "officer", "gendarme"})
PEACEKEEPING = "074"
POLICE_POWER = "153"


def police_at_home(code: str, source: Actor | None, target: Actor | None, cand: Candidate) -> str:
    """074 for police is 153 unless they go to another state (above)."""
    if code != PEACEKEEPING or not any(cand.tree.tokens[i].lemma.lower() in POLICE_WORDS for i in cand.match.tokens):
        return code
    if target is not None and target.country is not None and (source is None or source.country != target.country):
        return code
    return POLICE_POWER


# Travel (a visit, 042): peacekeepers who arrive somewhere are providing peacekeeping there
# (074), and a visit made to deliver aid is the aid (07x).
TRAVEL = "042"
AID_GIVING = frozenset({"deliver", "provide", "distribute", "bring", "supply", "give"})


def _peacekeeping(code: str, source: Actor | None, cand: Candidate) -> str:
    """Peacekeepers arriving are peacekeeping (074): a peacekeeping force's travel, troops
    called peacekeeping troops ("West African peacekeeping troops arrive in Monrovia"), or troops
    arriving to join or serve in a peacekeeping mission."""
    if code != TRAVEL or source is None:
        return code
    if source.sector == "PKO" or (source.sector == "MIL" and "peacekeep" in source.text.lower()):
        return PEACEKEEPING
    tree, verb = cand.tree, cand.verb.i
    for clause in tree.kids(verb, {"advcl", "xcomp"}):
        lo, hi = tree.subtree(clause.i)
        if any(t.text.lower().startswith("peacekeep") for t in tree.tokens[lo:hi]):
            return PEACEKEEPING
    return code


def _aid_travel(code: str, cand: Candidate) -> str:
    """A visit whose purpose is to give aid is the aid ("arrived in Nepal to help deliver aid":
    070, the kind of aid named refining it further)."""
    if code != TRAVEL or cand.nominal is not None:
        return code
    tree = cand.tree
    for clause in tree.kids(cand.verb.i, {"advcl", "xcomp"}):
        if not tree.infinitive(clause.i) and not any(tree.infinitive(k.i) for k in tree.kids(clause.i, {"xcomp"})):
            continue
        lo, hi = tree.subtree(clause.i)
        words = {t.lemma.lower() for t in tree.tokens[lo:hi]}
        if words & AID_GIVING and words & AID_NOUNS:
            kinds = [aid_kind(tree, t.i) for t in tree.tokens[lo:hi] if t.lemma.lower() in AID_NOUNS]
            kind = next((k for k in kinds if k is not None), None)
            return "07" + kind if kind is not None else "070"
    return code


def _armed_attack(code: str, source: Actor | None, cand: Candidate) -> str:
    """A riot's frames ("attacked a police station", "torched vehicles", 145) done by armed men
    are force, not a protest: 190; so is a building stormed ("Armed men stormed the presidential
    palace", 144 for protesters)."""
    riot = code == RIOT or (code == OBSTRUCT and cand.verb.lemma.lower() in FORCED_ENTRY)
    return "190" if riot and source is not None and source.sector in ARMED_SECTORS else code


# Codes for aid of no named kind, and the prefix its kind's digit completes: provide (070 ->
# 071-073), intend to provide (033 -> 0331-0333), appeal for (023 -> 0231-0233), demand (103),
# refuse (122) and reduce or stop it (162 -> 1621-1623).
AID_SUBCODES = {"070": "07", "033": "033", "023": "023", "103": "103", "122": "122", "162": "162",
                "1622": "162"}  # a bare delivery or shipment cut is of arms, unless its kind says otherwise
MONEY_SUBCODES = {"071": "07", "0331": "033"}  # money given or pledged "in" aid of a kind
AID_NOUNS = frozenset({"aid", "assistance", "help", "support", "package", "funding", "supply", "delivery", "shipment"})


def _aid_subcode(code: str, cand: Candidate) -> str:
    """Aid of a named kind gets its subcode: "provided humanitarian aid to Myanmar" 073,
    "pledged military assistance" 0332."""
    if code in MONEY_SUBCODES and cand.nominal is None:
        # "provided $100 million in humanitarian aid": the money is aid of that kind
        for i in cand.match.tokens:
            for prep, obj in cand.tree.prep_objects(i):
                kind = aid_kind(cand.tree, obj.i) if prep == "in" and obj.lemma.lower() in AID_NOUNS else None
                if kind is not None:
                    return MONEY_SUBCODES[code] + kind
    prefix = AID_SUBCODES.get(code)
    if prefix is None or cand.nominal is not None:
        return code
    for i in cand.match.tokens:
        if cand.tree.tokens[i].lemma.lower() in AID_NOUNS:
            kind = aid_kind(cand.tree, i)
            if kind is not None:
                return prefix + kind
    return code


def _bombing(code: str, cand: Candidate) -> str:
    """Unspecified force (190, 180) done by a suicide bomber or a bomb is a bombing: "suicide
    bombers killed 12 people" 1831, "a car bomb killed 12 people" 1832, "a bomb killed" 183."""
    if code not in GENERIC_FORCE or cand.nominal is not None:
        return code
    subject = cand.tree.subject(cand.verb.i)
    if subject is None or cand.tree.is_passive(cand.verb.i):
        return code
    lemma = subject.lemma.lower()
    words = {k.lemma.lower() for k in cand.tree.kids(subject.i, {"compound", "amod"})}
    if lemma == "bomber" and "suicide" in words:
        return "1831"
    if lemma in ("bomb", "explosive", "ied", "device") and words & VEHICLE_WORDS:
        return "1832"
    if lemma in ("bomb", "ied") or (lemma in ("explosive", "device") and "explosive" in words | {lemma}):
        return "183"
    return code


# Capturing people is an arrest (173); capturing a place is taking territory (192).
CAPTURE_CODE = "173"
OCCUPY_CODE = "192"


def _captured_place(code: str, cand: Candidate) -> str:
    """ "The Taliban captured Kunduz": a named place captured is territory taken (192)."""
    target = cand.match.target
    if code != CAPTURE_CODE or target is None or cand.verb.lemma.lower() not in ("capture", "seize"):
        return code
    return OCCUPY_CODE if target.ent_type in PLACE_ENTITIES else code


# A threatened "action" or "response" is force when military ("threatened military action":
# 138), and no force when legal, diplomatic or economic ("threatened legal action against": 130).
THREATENED_ACTS = frozenset({"action", "response", "measure", "step", "countermeasure"})
MILITARY_KINDS = frozenset({"military", "armed"})
CIVIL_KINDS = frozenset({"legal", "diplomatic", "economic", "political", "judicial", "punitive", "trade"})
GENERIC_THREAT = "130"
FORCE_THREAT = "138"


def _threat_kind(code: str, cand: Candidate) -> str:
    if not code.startswith("13"):
        return code
    tree = cand.tree
    for i in cand.match.tokens:
        if tree.tokens[i].lemma.lower() not in THREATENED_ACTS:
            continue
        kinds = {k.lemma.lower() for k in tree.kids(i, {"amod", "compound"})}
        if kinds & MILITARY_KINDS and code == GENERIC_THREAT:
            return FORCE_THREAT
        if kinds & CIVIL_KINDS and code.startswith(FORCE_THREAT):
            return GENERIC_THREAT
    return code


# "Erdogan clashed with Merkel over the arrests": leaders and lawmakers who clash do so in
# words (110, disapprove); troops, police, rebels and crowds clash by force (190, 145).
CLASH_VERBS = frozenset({"clash"})
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "ELI", "JUD"})
DISAPPROVE = "110"
DEMONSTRATION = frozenset({"140", "141"})  # dissent and demonstrations, 1411-1414 included
COMPLAINT = "114"


def war_of_words(code: str, source: Actor | None, target: Actor | None, cand: Candidate) -> str:
    """190 for a clash between two political actors is 110; a demonstration (140, 141x) by a
    state or its government is an official complaint (114)."""
    if (code in GENERIC_FORCE and source is not None and target is not None
            and source.sector in POLITICAL_SECTORS and target.sector in POLITICAL_SECTORS
            and cand.verb.lemma.lower() in CLASH_VERBS):
        return DISAPPROVE
    if (code[:3] in DEMONSTRATION and source is not None and source.country is not None
            and (source.code == source.country or source.code == source.country + "GOV")
            and not _people(source, cand)):
        # "Australia and New Zealand protested against France's decision": states do not march
        return COMPLAINT
    return code


def _people(actor: Actor, cand: Candidate) -> bool:
    """Whether the actor is named by a people's name ("Armenians"), not a state's."""
    return any(t.ent_type == "NORP" for t in cand.tree.tokens
               if actor.span[0] <= t.start < actor.span[1])


def refine_code(code: str, source: Actor | None, cand: Candidate) -> str:
    """The frame's code after the refinements above, in order."""
    code = _threat_kind(_captured_place(code, cand), cand)
    code = _aid_travel(_peacekeeping(_aid_subcode(code, cand), source, cand), cand)
    return _bombing(_armed_attack(code, source, cand), cand)
