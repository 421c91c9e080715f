"""Format sniffing: what an input is, from its first bytes and its file name.

Content wins over the name: a PNG called `story.txt` is still a PNG, and a gzip stream is
recognised whatever it is called. The name decides only between text formats that the bytes
do not tell apart (a `.html` page without tags, a `.json` document).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass

FORMATS = ("binary", "invalid", "gzip", "warc", "jsonl", "json", "html", "text")

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".gz": "gzip",
    ".tgz": "gzip",
}

GZIP_MAGIC = b"\x1f\x8b"

# Leading bytes of common non-text files, with the name a rejection gives them.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "Java class or Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"\x1a\x45\xdf\xa3", "Matroska or WebM video"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Bytes that plain text does not contain (tab, newlines, form feed and ESC excluded).
_CONTROL = (frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1B))
            | {0x0B, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F})
_CONTROL_LIMIT = 0.05  # above this share of control bytes a sample is binary
_SAMPLE = 8192

_HTML_MARK = re.compile(
    r"<(?:!doctype\s+html|html|head|body|p|div|article|title|meta|br|table|span|a\s)[\s>/]",
    re.IGNORECASE,
)


@dataclass(slots=True, frozen=True)
class Sniff:
    """The format an input was recognised as; `detail` names the kind of binary data."""

    format: str  # one of FORMATS
    detail: str | None = None  # "binary": what it is ("PNG image"); "invalid": the reason


def extension_format(name: str) -> str | None:
    """The format a file name promises, or None when its extension says nothing."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return "gzip"
    dot = lower.rfind(".")
    slash = max(lower.rfind("/"), lower.rfind("\\"))
    return _EXTENSIONS.get(lower[dot:]) if dot > slash else None


def inner_name(name: str) -> str:
    """The name of what a gzip file holds: `a.html.gz` -> `a.html`, `a.tgz` -> `a.tar`."""
    lower = name.lower()
    if lower.endswith(".gz"):
        return name[:-3]
    if lower.endswith(".tgz"):
        return name[:-4] + ".tar"
    return ""


def _magic_kind(head: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and len(head) >= 12:
        return _RIFF.get(head[8:12], "RIFF media")
    if head[4:8] == b"ftyp":
        return "MP4 or QuickTime media"
    if head.startswith(b"ID3") and len(head) > 3 and head[3] in (2, 3, 4):
        return "MP3 audio"
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return "bzip2 archive"
    if head[257:262] == b"ustar":
        return "tar archive"
    if head.startswith(b"MZ") and (b"PE\x00\x00" in head[:1024] or b"DOS mode" in head[:1024]):
        return "Windows executable"
    return None


def wide_encoding(sample: bytes) -> str | None:
    """UTF-32 or UTF-16 without a BOM, recognised by the byte pattern of wide text; else None.

    Text in one alphabet (Latin, Cyrillic, Greek, Arabic...) stored in 16 bits has a high byte
    below 0x30 in nearly every code unit, and those bytes would otherwise look like control
    bytes. Which half of each unit holds them gives the byte order; the decoded text must then
    be printable and keep to one or two Unicode blocks. Wide CJK text without a BOM is left to
    charset-normalizer.
    """
    size = len(sample) - len(sample) % 4
    if size < 4:
        return None
    units = sample[:size]
    if (units[2::4] + units[3::4]).count(0) > 0.98 * size / 2:
        candidates: tuple[str, ...] = ("utf-32-le",)
    elif (units[0::4] + units[1::4]).count(0) > 0.98 * size / 2:
        candidates = ("utf-32-be",)
    else:
        odd, even = _low_share(units[1::2]), _low_share(units[0::2])
        if odd >= 0.7 and odd - even >= 0.4:
            candidates = ("utf-16-le",)
        elif even >= 0.7 and even - odd >= 0.4:
            candidates = ("utf-16-be",)
        else:
            return None
    for codec in candidates:
        text = _strict(units, codec)
        if text and "\x00" not in text and _printable_share(text) >= 0.95 and _coherent(text):
            return codec
    return None


def _strict(units: bytes, codec: str) -> str | None:
    """`units` decoded strictly, allowing a surrogate pair cut at the sample's end."""
    for end in (len(units), len(units) - 2):
        try:
            return units[:end].decode(codec)
        except UnicodeDecodeError:
            continue
    return None


def _low_share(data: bytes) -> float:
    return sum(1 for byte in data if byte < 0x30) / len(data) if data else 0.0


def _printable_share(text: str) -> float:
    good = sum(1 for ch in text if ch.isprintable() or ch in "\n\r\t\f")
    return good / len(text)


def _coherent(text: str) -> bool:
    """True when ASCII and the two commonest 128-code-point blocks hold 85% of the text."""
    blocks = Counter(ord(ch) >> 7 for ch in text if ord(ch) > 0x7F)
    ascii_count = len(text) - sum(blocks.values())
    top = sum(count for _, count in blocks.most_common(2))
    return ascii_count + top >= 0.85 * len(text)


def binary_kind(head: bytes) -> str | None:
    """What binary data `head` starts, or None when it may be text.

    Known magic numbers first; then the share of control bytes, after allowing for
    UTF-16/32 text whose zero bytes are not control characters.
    """
    kind = _magic_kind(head)
    if kind:
        return kind
    sample = head[:_SAMPLE]
    if not sample or wide_encoding(sample):
        return None
    share = sum(1 for byte in sample if byte in _CONTROL) / len(sample)
    if share > _CONTROL_LIMIT:
        return f"unknown type, {round(share * 100)}% control bytes"
    return None


def _json_shape(head: bytes) -> str | None:
    """'jsonl' when the first line is a whole JSON value, 'json' for a document, else None."""
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped[:1] == b"[":
        return "json"
    if stripped[:1] != b"{":
        return None
    first, newline, _ = stripped.partition(b"\n")
    if not newline:
        return "json"
    try:
        json.loads(first)
    except ValueError:
        return "json"
    return "jsonl"


def sniff_format(head: bytes, name: str) -> Sniff:
    """Recognise an input from its first bytes (`head`) and its name ("" for stdin)."""
    if head.startswith(GZIP_MAGIC):
        return Sniff("gzip")
    if head.startswith((b"WARC/", b"filedesc://")):  # WARC, or its predecessor ARC
        return Sniff("warc")
    kind = binary_kind(head)
    if kind:
        return Sniff("binary", kind)
    by_name = extension_format(name)
    if by_name == "json":
        return Sniff(_json_shape(head) or "json")
    if by_name == "warc":
        return Sniff("invalid", "not a WARC archive (it does not start with 'WARC/')")
    if by_name in ("text", "html", "jsonl"):
        return Sniff(by_name)
    if b"\x00" not in head[:_SAMPLE]:
        shape = _json_shape(head)
        if shape:
            return Sniff(shape)
    return Sniff("text")


def looks_like_html(text: str) -> bool:
    """True when the first KB of decoded text holds HTML tags."""
    return _HTML_MARK.search(text[:1024]) is not None
