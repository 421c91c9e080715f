"""Language identification for clean article text.

py3langid is fast and offline, but on short English texts full of foreign names it can guess wrong,
so a confident non-English guess is cross-checked against the share of English function words.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the and of to at by for with from are was were been has have had that this these those "
    "its he she they his her their who which what will would said says not after before into "
    "about than".split()
)
SAMPLE_CHARS = 3000
MIN_LOWER_WORDS = 4
# Scripts without letter case (Chinese, Japanese, Arabic, Hebrew, Thai, Devanagari...) have no
# lower-case words to count; this many of their letters are enough to judge.
MIN_UNCASED_LETTERS = 12
# Languages with a sizeable news output; restricting the model to them stops short English texts
# full of foreign names being labelled as a minor language.
NEWS_LANGUAGES = (
    "en de fr es it pt nl sv da no fi pl cs sk hu ro bg hr sr sl uk ru be lt lv et el tr ar he fa "
    "ur hi bn ta te mr id ms vi th zh ja ko sw am af ca eu gl ga cy is sq mk ka hy az kk uz mn ne si "
    "km lo my tl"
).split()


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(NEWS_LANGUAGES)
    return identifier


def english_word_share(words: list[str]) -> float:
    """Share of words that are English function words (about 0.25 in lower-case news prose)."""
    if not words:
        return 0.0
    return sum(w.lower() in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "und" when there is too little to judge.

    Capitalised words (mostly names) say little about the language, so the English check counts
    only lower-case words; texts with fewer than four of them are undetermined, not foreign,
    unless they are written in a script without case (Chinese has no lower-case words at all).
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample)
    lower = [w for w in words if w[0].islower()]
    if len(lower) < MIN_LOWER_WORDS:
        if _uncased_letters(words) < MIN_UNCASED_LETTERS:
            return "und"
    elif english_word_share(lower) >= 0.15:
        return "en"
    lang, _prob = _identifier().classify(sample)
    return lang


def _uncased_letters(words: list[str]) -> int:
    """Letters of scripts that have no upper and lower case."""
    return sum(1 for w in words for ch in w if not ch.islower() and not ch.isupper())
