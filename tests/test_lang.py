from tacitus.lang import detect_language


def test_english_news_is_english():
    text = "North Korea said on Tuesday it would send a delegation to the talks in Geneva next month."
    assert detect_language(text) == "en"


def test_german_news_is_german():
    text = (
        "Der Bundeskanzler traf sich am Dienstag in Berlin mit dem französischen Präsidenten, "
        "um über die Lage in der Ukraine zu sprechen."
    )
    assert detect_language(text) == "de"


def test_spanish_and_french():
    assert detect_language("El presidente de México viajó a la capital para reunirse con su homólogo.") == "es"
    assert detect_language("La ministre a rencontré son homologue à Paris pour parler de la crise.") == "fr"


def test_short_sentence_of_names_is_undetermined_not_foreign():
    # Mostly names: too little to judge, so it is not rejected as a foreign language.
    assert detect_language("Kim Gye Gwan met Kartman in Pyongyang.") == "und"


def test_no_words():
    assert detect_language("12345 !!! ---") == "und"
    assert detect_language("") == "und"
