"""The dashboard: one HTML page, our script and our stylesheet, served from memory.

Why from memory: the assets are read from the package once, when the app is built, into a table
keyed by name; a request's path is only ever looked up in that table, so no part of a URL can
reach the filesystem. No CDN and no third-party script: the charts are SVG drawn by app.js.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

ASSETS = {
    "index.html": "text/html; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "chart.js": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "favicon.svg": "image/svg+xml",
}


@dataclass(frozen=True, slots=True)
class Asset:
    media_type: str
    body: bytes


def load_assets() -> dict[str, Asset]:
    """Every dashboard file, read from tacitus/web/static/."""
    folder = resources.files("tacitus.web").joinpath("static")
    return {name: Asset(media, folder.joinpath(name).read_bytes()) for name, media in ASSETS.items()}


def router(assets: dict[str, Asset]) -> APIRouter:
    """Routes for the page and its files; not part of the API schema."""
    pages = APIRouter(include_in_schema=False)

    @pages.get("/")
    def index() -> Response:
        return _send(assets["index.html"], "no-cache")

    @pages.get("/static/{name}")
    def static(name: str) -> Response:
        asset = assets.get(name)
        if asset is None or name == "index.html":
            raise HTTPException(404, "no such file")
        return _send(asset, "no-cache")

    @pages.get("/favicon.ico")
    def favicon() -> Response:
        return _send(assets["favicon.svg"], "max-age=86400")

    return pages


def _send(asset: Asset, cache: str) -> Response:
    return Response(asset.body, media_type=asset.media_type, headers={"Cache-Control": cache})
