"""A corpus of bad inputs, generated on demand into a folder (nothing big is committed).

Every text here was written for these tests. `write_bad_inputs(root)` writes one file per case
named in `CASES`; the tests hold the outcome each must come to. The English stories are all
different, so that no input is counted as a duplicate of another.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BIG_BYTES = 50 * 1024 * 1024  # the oversize text file


def fuzz_settings(examples: int = 150) -> settings:
    """Hypothesis settings for the fuzz tests: `examples` per property, no deadline (the first
    call of a reader loads libraries). TACITUS_FUZZ_EXAMPLES=5000 runs a deep search instead."""
    count = int(os.environ.get("TACITUS_FUZZ_EXAMPLES", examples))
    return settings(max_examples=count, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STORIES = {
    "border": (
        "Ghana and Togo signed an agreement on Friday to reopen their shared border to trade, "
        "officials in Accra said. The two governments closed the crossing last year after a "
        "dispute over customs fees.\n\nTogo's foreign minister said the first lorries would "
        "cross on Monday."
    ),
    "envoy": (
        "Chile recalled its ambassador to Bolivia on Wednesday after the Bolivian president "
        "accused Santiago of blocking his country's access to the sea. The Chilean foreign "
        "ministry said the envoy would return for consultations."
    ),
    "mediation": (
        "Norway offered on Monday to host new talks between the government of Colombia and "
        "rebel leaders. A Norwegian diplomat said both sides had welcomed the offer."
    ),
    "railway": (
        "Kenya’s president met Uganda’s prime minister in Nairobi on Thursday to discuss a new "
        "railway line. The two leaders agreed to share the cost of a feasibility study."
    ),
    "cannon": (
        "Vietnam protested on Tuesday after Chinese coast guard ships fired water cannon at a "
        "Vietnamese fishing boat near the Paracel Islands."
    ),
    "nile": (
        "Egypt and Sudan held talks in Cairo on Sunday about the waters of the Nile. Sudanese "
        "officials said they expected a further round of negotiations within a month."
    ),
    "landmines": (
        "Peru and Ecuador pledged on Friday to clear the last landmines along their border by "
        "next year, the two foreign ministries said in a joint statement."
    ),
    "troops": (
        "Senegal sent troops to Gambia on Thursday after the regional bloc asked its members to "
        "protect the new government in Banjul."
    ),
    "cable": (
        "Finland and Estonia agreed on Monday to build a power cable under the Gulf of Finland, "
        "the Estonian government said."
    ),
    "fisheries": (
        "Morocco and Mauritania signed a fisheries agreement in Rabat on Wednesday, the state news "
        "agency reported. The deal allows Moroccan boats to fish in Mauritanian waters."
    ),
    "islands": "Argentina demanded on Tuesday that Britain begin talks over the Falkland Islands.",
    "temple": (
        "Thailand and Cambodia agreed to withdraw troops from a disputed temple area, the two "
        "defence ministers said on Sunday."
    ),
    "expelled": "Indonesia expelled an Australian diplomat on Monday.",
    "rebels": (
        "Côte d’Ivoire’s president accused Burkina Faso on Saturday of sheltering rebels — a "
        "charge that officials in Ouagadougou denied."
    ),
}

FOREIGN = {
    "fr": (
        "Le gouvernement français a annoncé mardi l'ouverture de nouvelles négociations avec "
        "l'Algérie sur la question des visas. Le ministre des affaires étrangères a déclaré que les "
        "discussions commenceraient le mois prochain à Paris et que les deux pays souhaitaient "
        "apaiser les tensions."
    ),
    "es": (
        "El gobierno de México anunció el lunes que enviará a su ministra de relaciones exteriores "
        "a Guatemala para hablar sobre la migración en la frontera. Según un portavoz, las dos "
        "delegaciones firmarán un acuerdo de cooperación antes de fin de año."
    ),
    "de": (
        "Die Regierung in Wien hat am Mittwoch Gespräche mit Ungarn über die gemeinsame Grenze "
        "angekündigt. Ein Sprecher des Außenministeriums sagte, die beiden Länder wollten bei der "
        "Kontrolle der Übergänge enger zusammenarbeiten."
    ),
    "ru": (
        "Министр иностранных дел Казахстана во вторник провёл переговоры со своим коллегой из "
        "Узбекистана в Астане. Стороны договорились расширить торговлю и упростить пересечение "
        "границы для жителей приграничных районов."
    ),
    "zh": (
        "越南外交部星期二表示，越南与柬埔寨同意在边境地区加强合作。两国官员将于下个月在河内举行"
        "新一轮会谈，讨论贸易和交通问题。"
    ),
}

CLUTTER_LINES = [
    "Home | World | Politics | Business | Sport | Culture | Opinion",
    "We use cookies to give you the best experience on our site. Accept all cookies",
    "Manage preferences",
    "Share on Facebook",
    "Share on Twitter",
    "Email this story",
    "Sign up for our newsletter",
    "Subscribe now",
    "Copyright 2024 The Valley Courier. All rights reserved.",
]

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + bytes(range(256))
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(range(256)) * 2
NESTING = 10_000
LIST_LINES = 10_000  # a site map saved as text: jusText's own context pass is quadratic in these


def page(title: str, body: str, clutter: bool = True) -> str:
    """An HTML news page around `body` (paragraphs split on blank lines)."""
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    nav = f"<nav>{CLUTTER_LINES[0]}</nav><div class='cookies'>{CLUTTER_LINES[1]}</div>" if clutter else ""
    footer = f"<footer>{CLUTTER_LINES[-1]}</footer>" if clutter else ""
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body>{nav}<article><h1>{title}</h1>{paragraphs}</article>{footer}</body></html>")


def text_page(title: str, body: str) -> str:
    """A plain-text page: a menu line, the headline, the body, a clutter tail."""
    return "\n".join([CLUTTER_LINES[0], title, "", body, "", *CLUTTER_LINES[3:6], ""])


def clutter_page() -> str:
    """An HTML page of menus, a cookie notice and share buttons, and no article."""
    items = "".join(f"<li><a href='/s{i}'>{line}</a></li>" for i, line in enumerate(CLUTTER_LINES[3:8]))
    return (f"<html><head><title>The Valley Courier</title></head><body><nav>{CLUTTER_LINES[0]}</nav>"
            f"<div id='consent'><p>{CLUTTER_LINES[1]}</p><button>{CLUTTER_LINES[2]}</button></div>"
            f"<ul class='share'>{items}</ul><footer>{CLUTTER_LINES[8]}</footer></body></html>")


def nested_page(depth: int = NESTING) -> str:
    """An article buried under `depth` nested <div> tags."""
    body = f"<h1>Fisheries deal</h1><p>{STORIES['fisheries']}</p>"
    return f"<html><body>{'<div>' * depth}{body}{'</div>' * depth}</body></html>"


def mojibake(text: str) -> str:
    """UTF-8 text read as Windows-1252 by mistake: "Kenya’s" -> "Kenyaâ€™s"."""
    return text.encode("utf-8").decode("cp1252")


def broken_utf8(text: str) -> bytes:
    """UTF-8 with stray bytes that UTF-8 forbids (a lone 0xff, a lead byte with no follower)."""
    first, _, rest = text.partition(". ")
    return first.encode("utf-8") + b". \xff" + rest.encode("utf-8") + b" \xc3("


def write_huge(path: Path, size: int = BIG_BYTES) -> None:
    """A plain-text file of `size` bytes, written in pieces (never held in memory whole)."""
    line = (STORIES["border"].replace("\n\n", " ") + "\n").encode("utf-8")
    chunk = line * (1_048_576 // len(line) + 1)
    with open(path, "wb") as handle:
        left = size
        while left > 0:
            handle.write(chunk[:left])
            left -= min(left, len(chunk))


def feed_lines() -> list[str]:
    """JSON Lines: two good records among broken lines and wrong types (line numbers matter)."""
    records: list[object] = [
        {"id": "feed-islands", "date": "2024-03-05", "source": "Test Wire", "text": STORIES["islands"]},
        '{"id": "feed-broken", "text": "Unterminated',
        {"id": "feed-number", "text": 5},
        {"id": "feed-null", "text": None},
        [STORIES["temple"]],
        {"id": "feed-missing", "title": "No body at all"},
        "",
        {"id": "feed-temple", "date": "2024-03-10", "text": STORIES["temple"]},
        "not json at all",
        {"id": True, "text": STORIES["temple"]},
    ]
    return [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                     warc_headers_dict={"WARC-Date": "2024-05-17T08:30:00Z"})


def _request(writer: WARCWriter, url: str):
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    return writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=headers)


def _metadata(writer: WARCWriter, url: str):
    return writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"outlinks: 3\n"),
                                     warc_content_type="application/warc-fields")


def warc_bytes(stories: list[str], compress: bool, extras: bool = False) -> bytes:
    """A WARC of one HTML response per story; with `extras`, request, metadata and image
    records around them."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for i, key in enumerate(stories):
        url = f"https://news.example/{key}"
        if extras:
            writer.write_record(_request(writer, url))
        writer.write_record(_response(writer, url, page(key.title(), STORIES[key]).encode(), "text/html"))
        if extras:
            writer.write_record(_metadata(writer, url))
            writer.write_record(_response(writer, f"{url}.jpg", b"\xff\xd8\xff\xe0" + bytes(300), "image/jpeg"))
    return out.getvalue()


def _write_utf8(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _truncated(data: bytes, keep: float = 0.8) -> bytes:
    return data[: int(len(data) * keep)]


CASES: dict[str, Callable[[Path], None]] = {
    "empty.txt": lambda p: p.write_bytes(b""),
    "logo.png": lambda p: p.write_bytes(PNG),
    "report.pdf": lambda p: p.write_bytes(PDF),
    "program": lambda p: p.write_bytes(ELF),
    "huge.txt": write_huge,
    "broken-utf8.txt": lambda p: p.write_bytes(broken_utf8(STORIES["mediation"])),
    "cp1252.txt": lambda p: p.write_bytes(STORIES["rebels"].encode("cp1252")),
    "utf16-nobom.txt": lambda p: p.write_bytes(STORIES["nile"].encode("utf-16-le")),
    "mojibake.txt": lambda p: p.write_text(mojibake(STORIES["railway"]), encoding="utf-8"),
    "truncated.txt.gz": lambda p: p.write_bytes(_truncated(gzip.compress(STORIES["cannon"].encode() * 40))),
    "truncated.warc": lambda p: p.write_bytes(_truncated(warc_bytes(["landmines", "troops"], False))),
    "truncated.warc.gz": lambda p: p.write_bytes(_truncated(warc_bytes(["cable", "mediation"], True), 0.7)),
    "mixed.warc": lambda p: p.write_bytes(warc_bytes(["expelled"], False, extras=True)),
    "nested.html": lambda p: p.write_text(nested_page(), encoding="utf-8"),
    "feed.jsonl": lambda p: p.write_text("\n".join(feed_lines()) + "\n", encoding="utf-8"),
    "one-sentence.txt": lambda p: p.write_text(STORIES["expelled"].replace("Monday", "Friday") + "\n"),
    "clutter.html": lambda p: p.write_text(clutter_page(), encoding="utf-8"),
    "clutter.txt": lambda p: p.write_text("\n".join(CLUTTER_LINES) + "\n", encoding="utf-8"),
    "sitemap.txt": lambda p: p.write_text("".join(f"Story {i}\n" for i in range(LIST_LINES))),
    "story.txt": lambda p: p.write_text(text_page("Ghana and Togo reopen border", STORIES["border"])),
    "story.html": lambda p: p.write_text(page("Chile recalls envoy", STORIES["envoy"]), encoding="utf-8"),
    **{f"{lang}.txt": functools.partial(_write_utf8, text=text) for lang, text in FOREIGN.items()},
}


def write_bad_inputs(root: Path, only: list[str] | None = None) -> Path:
    """Write every case of CASES (or those named in `only`) into `root`; returns `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, write in CASES.items():
        if only is None or name in only:
            write(root / name)
    return root
