import pytest

from tacitus.events.modality import modality
from tacitus.events.syntax import Tree
from tacitus.nlp import parse

# (sentence, trigger verb, expected modality) — sentences written for these tests.
CASES = [
    ("Chile and Peru signed a fisheries accord on Monday.", "signed", "asserted"),
    ("Chile did not sign the fisheries accord.", "sign", "negated"),
    ("Peru never recognised the new government.", "recognised", "negated"),
    ("No dates were set for a new round of talks.", "set", "negated"),
    ("The ministry will open a liaison office in Lima.", "open", "intended"),
    ("Brazil plans to open an embassy in Kigali.", "open", "intended"),
    ("Argentina hopes to resume talks with Britain.", "resume", "intended"),
    ("Washington is to open an office in Havana.", "open", "intended"),
    ("The envoy is likely to visit Hanoi by the end of the year.", "visit", "intended"),
    ("The two sides could resume talks next month.", "resume", "hypothetical"),
    ("Japan would lift the sanctions if the talks succeed.", "lift", "hypothetical"),
    ("If Iran allows the inspections, the agency will report in May.", "allows", "hypothetical"),
    ("The rebels allegedly attacked a convoy near the border.", "attacked", "claimed"),
    ("The general is alleged to have ordered the raid.", "ordered", "claimed"),
    ("Kenya refused to extradite the suspect.", "refused", "asserted"),
    ("The foreign minister said Egypt had recalled its ambassador.", "recalled", "asserted"),
    # an event noun's own determiner or adjective
    ("Chile warned that any attack on its fishing fleet would be answered.", "attack", "hypothetical"),
    ("Peru spoke of a possible strike on the rebel camps.", "strike", "hypothetical"),
    ("The upcoming talks with Bolivia will be held in La Paz.", "talks", "intended"),
    ("There were no talks with Bolivia last year.", "talks", "negated"),
    ("The attack on the convoy killed four soldiers.", "attack", "asserted"),
]


@pytest.mark.parametrize("text, trigger, expected", CASES)
def test_modality(nlp, text, trigger, expected):
    [sentences] = list(parse(nlp, [text]))
    [sentence] = sentences
    verb = next(t.i for t in sentence.tokens if t.text == trigger)
    assert modality(Tree.of(sentence), verb) == expected


@pytest.mark.parametrize("text, expected", [
    # a reported "would" is a "will": the purpose clause is intended with it
    ("The president said the United States would work with Egypt to deliver food to Gaza.", "intended"),
    ("The president said the United States could work with Egypt to deliver food to Gaza.", "hypothetical"),
])
def test_purpose_clause_takes_the_uncertainty_of_its_verb(nlp, text, expected):
    [[sentence]] = list(parse(nlp, [text]))
    tree = Tree.of(sentence)
    verb = next(t.i for t in sentence.tokens if t.text == "deliver")
    assert modality(tree, verb) == expected
