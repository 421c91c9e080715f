from tacitus.nlp import parse


def test_sentences_keep_offsets_into_the_text(nlp):
    text = (
        "The talks ended on Friday.\n\n"
        "The United States and North Korea held talks at the State Department on Wednesday\n\n"
        "A second paragraph follows. It has two sentences."
    )
    [sentences] = list(parse(nlp, [text]))
    assert [s.text for s in sentences] == [
        "The talks ended on Friday.",
        "The United States and North Korea held talks at the State Department on Wednesday",
        "A second paragraph follows.",
        "It has two sentences.",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        for tok in s.tokens:
            assert text[tok.start : tok.end] == tok.text
    assert [s.index for s in sentences] == [0, 1, 2, 3]


def test_tokens_carry_parse_and_entities(nlp):
    [sentences] = list(parse(nlp, ["North Korea thanked the United States for the food aid."]))
    [sent] = sentences
    by_text = {t.text: t for t in sent.tokens}
    verb = by_text["thanked"]
    assert verb.dep == "ROOT" and verb.lemma == "thank" and verb.pos == "VERB"
    assert sent.tokens[verb.head] is verb
    assert by_text["Korea"].ent_type == "GPE"
    assert by_text["North"].ent_iob == "B" and by_text["Korea"].ent_iob == "I"
    assert sent.tokens[by_text["Korea"].head].text == "thanked"


def test_paragraph_break_ends_a_sentence_without_a_full_stop(nlp):
    [sentences] = list(parse(nlp, ["No full stop here\n\nNext paragraph."]))
    assert [s.text for s in sentences] == ["No full stop here", "Next paragraph."]


def test_empty_text(nlp):
    assert list(parse(nlp, [""])) == [[]]
