"""`create_app(config, store_path)`: the FastAPI application behind `tacitus serve`.

One app serves the JSON API (/api/..., described at /openapi.json) and the dashboard (/ and
/static/...). It reads the store only through `Store` methods on a private snapshot (see
snapshots.py), so it never holds the live file and an ingest can write while it serves.
FastAPI's /docs and /redoc pages are off: they load their scripts from a CDN.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from tacitus import __version__
from tacitus.config import Config
from tacitus.errors import StoreError, TacitusError
from tacitus.web import api, api_events, pages
from tacitus.web.coding import LazyTextCoder, TextCoder
from tacitus.web.security import Guard, RateLimit
from tacitus.web.settings import WebSettings
from tacitus.web.snapshots import Snapshots

DESCRIPTION = (
    "Events coded from news (CAMEO and PLOVER), the documents and sentences behind them, and "
    "dyad, actor and cluster summaries. Read-only, except POST /api/code, which codes a pasted "
    "text without storing it."
)


def create_app(
    config: Config,
    store_path: str | Path,
    settings: WebSettings | None = None,
    text_coder: TextCoder | None = None,
    open_wait_s: float = 0.0,
) -> FastAPI:
    """Build the app for the store at `store_path`.

    Takes the first snapshot of the store now, so a missing or unreadable store is a StoreError
    here rather than on the first request; waits up to `open_wait_s` while a writer holds it.
    `text_coder` codes pasted text (default: the model and coder named by `config`, loaded on
    the first POST /api/code).
    """
    settings = settings or WebSettings()
    snapshots = Snapshots(store_path, settings.refresh_interval_s, settings.snapshot_dir)
    try:
        snapshots.open(wait=open_wait_s)
    except BaseException:
        snapshots.close()
        raise

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        snapshots.ensure_open(open_wait_s)
        yield
        snapshots.close()

    app = FastAPI(
        title="Tacitus", version=__version__, description=DESCRIPTION,
        docs_url=None, redoc_url=None, openapi_url="/openapi.json", lifespan=lifespan,
    )
    app.state.snapshots = snapshots
    app.state.settings = settings
    app.state.text_coder = text_coder or LazyTextCoder(config)
    app.state.code_limit = RateLimit(settings.code_per_minute)
    app.state.code_slots = api.CodingSlots(settings.code_concurrency)
    app.include_router(api.router)
    app.include_router(api_events.router)
    app.include_router(pages.router(pages.load_assets()))
    app.add_exception_handler(TacitusError, _tacitus_error)
    app.add_middleware(Guard, max_bytes=settings.max_request_bytes, allowed_hosts=settings.allowed_hosts)
    return app


async def _tacitus_error(request: Request, exc: Exception) -> JSONResponse:
    """A store that cannot be read is the server's state (503); any other error the request's (400)."""
    if isinstance(exc, StoreError):  # its message names server-side files: not for the client
        return JSONResponse({"detail": "the store cannot be read right now; try again"}, status_code=503)
    return JSONResponse({"detail": str(exc)}, status_code=400)
