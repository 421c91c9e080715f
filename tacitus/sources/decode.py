"""Bytes -> text: pick the encoding, then repair what a wrong encoding upstream broke.

Order (first that fits wins): a byte-order mark; UTF-16/32 recognised by the pattern of zero
bytes (wide ASCII is valid UTF-8, so this comes first); strict UTF-8; a charset the page
declares (HTTP header or HTML meta); Windows-1252 when the non-ASCII characters it yields are
the accents and punctuation of Western text; charset-normalizer's best guess. ftfy then repairs mojibake ("Korea’s" -> "Korea’s").
charset-normalizer alone misreads short Western text (it guesses mac_iceland or UTF-16 for
a line of cp1252), hence the Western check before it.
"""

from __future__ import annotations

import codecs
import re

import ftfy
from charset_normalizer import from_bytes

from tacitus.sources.detect import wide_encoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels browsers read as Windows-1252 (WHATWG Encoding Standard).
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii", "iso_8859-1"}

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-:.]+)""",
    re.IGNORECASE,
)

_WESTERN = frozenset("‘’“”–—…€™•‚„«»°©®£¡¿§·\xa0") | (
    frozenset(map(chr, range(0xC0, 0x100))) - {"×", "÷"}
)
_WESTERN_SAMPLE = 200_000  # characters checked
_ACCENT_LIMIT = 0.25  # Western text has few non-ASCII letters per letter

# ftfy settings: repair encodings and line breaks, but leave quotes, widths and markup as they are.
_FIXER = ftfy.TextFixerConfig(
    unescape_html=False, uncurl_quotes=False, fix_character_width=False, explain=False
)
_SPACES = str.maketrans({"\xa0": " ", "\u2007": " ", "\u202f": " ", "\ufeff": None})


def charset_label(value: str | None) -> str | None:
    """The Python codec for a declared charset label, or None when unknown or unusable."""
    if not value:
        return None
    label = value.strip().strip("\"'").lower()
    if label in _AS_CP1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page cannot truly declare a wide or 7-bit-escaped encoding in ASCII; browsers ignore it.
    return None if name.startswith(("utf-16", "utf-32", "utf-7")) else name


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML meta tag or XML declaration in the first 4 KB declares."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    return charset_label((match.group(1) or match.group(2)).decode("ascii"))


def _looks_western(text: str) -> bool:
    sample = text[:_WESTERN_SAMPLE]
    high = [ch for ch in sample if ord(ch) > 0x7F]
    if not high:
        return True
    if sum(ch in _WESTERN for ch in high) < 0.9 * len(high):
        return False
    letters = sum(1 for ch in sample if ch.isalpha())
    return len(high) <= _ACCENT_LIMIT * max(letters, 1)


def decode_raw(data: bytes, declared: str | None = None) -> str | None:
    """Decode `data` without repairs; None when no encoding fits. `declared` is a codec name."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    wide = wide_encoding(data[:8192])  # before UTF-8: wide ASCII text is valid UTF-8 too
    if wide:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in (declared, "cp1252"):
        if codec:
            try:
                text = data.decode(codec)
            except (UnicodeDecodeError, LookupError):
                continue
            if codec == declared or _looks_western(text):
                return text
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def clean_text(text: str) -> str:
    """Repair mojibake, normalise newlines to "\\n", drop NULs and BOMs, plain-space NBSPs."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return ftfy.fix_text(text, _FIXER).translate(_SPACES)


def decode_bytes(data: bytes, declared: str | None = None) -> str | None:
    """Decoded and repaired text of `data`, or None when the bytes fit no text encoding."""
    text = decode_raw(data, declared)
    return None if text is None else clean_text(text)
