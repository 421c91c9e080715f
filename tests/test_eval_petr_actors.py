"""A PETRARCH-format actor dictionary loaded at eval time: fictional states become actors, and the
PETR functional records are scored on who did what to whom. The dictionary text here is our own."""

from __future__ import annotations

import datetime as dt
from functools import partial

from tacitus import code_text
from tacitus.actors.lexicon import ActorLexicon
from tacitus.eval.gold import GoldEvent, GoldSentence
from tacitus.eval.harness import evaluate_petr_unit, takes_actors
from tacitus.eval.petr_actors import load_petr_actors, petr_lexicon

DICTIONARY = """<!-- a test dictionary written for Tacitus -->
FREEDONIA_  [FRD]   # an exact phrase
+FREEDONIAN_
SYLVANI  [SYL]      ; a stem: Sylvania, Sylvanian
MARSHAL_RUFUS_FIREFLY_ [FRDGOV]
NOBODY_ [---]
ZENDA_ [ZND]
    [ZNDGOV >20000101]
"""


def test_dictionary_lines_become_phrases_with_codes(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    assert load_petr_actors(path) == [
        ("FREEDONIA", "FRD"), ("FREEDONIAN", "FRD"), ("SYLVANI*", "SYL"),
        ("MARSHAL RUFUS FIREFLY", "FRDGOV"), ("ZENDA", "ZND"),
    ]


def test_stems_are_expanded_against_the_texts_and_states_take_agent_roles(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    texts = ["Freedonian officials condemned Sylvania on Monday."]
    lexicon = petr_lexicon(ActorLexicon.load(), load_petr_actors(path), texts)
    events = code_text(texts[0], "2004-03-04", actors=lexicon)
    assert [(e.source.code, e.cameo, e.target.code) for e in events] == [("FRDGOV", "111", "SYL")]
    assert [e.target.name for e in events] == ["Sylvani"]
    # the packaged lexicon knows neither state: officials of no country, no target
    events = code_text(texts[0], "2004-03-04")
    assert [(e.source.code, e.cameo, e.target) for e in events] == [("GOV", "111", None)]


def test_petr_records_are_scored_on_dyads_with_their_dictionary(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    actors = load_petr_actors(path)
    day = dt.date(2004, 3, 4)
    records = [
        GoldSentence("P1", "Freedonia condemned Sylvania on Monday.", day, "DEMO", [GoldEvent("FRD", "SYL", "111")]),
        GoldSentence("P2", "Marshal Rufus Firefly met Zenda's president on Monday.", day, "DEMO",
                     [GoldEvent("FRDGOV", "ZNDGOV", "040")]),
        GoldSentence("P3", "Sylvania praised Freedonia on Monday.", day, "DEMO", [GoldEvent("SYL", "FRD", "190")]),
    ]
    coder = partial(code_text, learned=False)
    assert takes_actors(coder)
    res = evaluate_petr_unit(coder, records, actors=lambda texts: petr_lexicon(ActorLexicon.load(), actors, texts))
    got = {m.name: (round(m.value, 3), m.detail) for m in res.metrics}
    assert got["dyad_root_f1"] == (0.667, "tp=2 fp=1 fn=1")
    assert got["dyad_only_f1"] == (1.0, "tp=3 fp=0 fn=0")
    assert got["exact_code_accuracy"] == (1.0, "2/2")
    assert got["root_f1"] == (0.667, "tp=2 fp=1 fn=1")


def test_without_an_actors_keyword_only_roots_are_scored():
    records = [GoldSentence("P1", "Chile condemned Peru on Monday.", None, "DEMO", [GoldEvent("CHL", "PER", "111")])]
    res = evaluate_petr_unit(lambda text, date: code_text(text, date), records, actors=lambda texts: None)
    assert [m.name for m in res.metrics] == ["root_hit", "root_f1", "noevent_clean"]
