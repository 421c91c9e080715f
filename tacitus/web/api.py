"""The JSON API under /api: documents, stats, meta and the code-this-text endpoint.

Every handler reads through `Store` methods on the request's snapshot and returns the records'
own `to_json` shapes (plus the evidence links of views.py). Handlers are plain `def`s: FastAPI
runs them in its thread pool, and each borrows its own read-only Store for the request.
Event, dyad, actor and cluster routes are in api_events.py.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from tacitus import __version__
from tacitus.web import views
from tacitus.web.security import token_ok

MAX_PAGE = 500  # largest `limit` any listing accepts
ID_PATTERN = r"^[0-9a-f]{1,64}$"  # content-hash ids (documents, events)
DocId = Annotated[str, Path(pattern=ID_PATTERN, description="document id (hex content hash)")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"rows per page, at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip")]

router = APIRouter(prefix="/api", tags=["api"])


class CodingSlots:
    """How many codings may run at once; a request waits a little for a slot, then gives up."""

    def __init__(self, size: int) -> None:
        self._slots = threading.BoundedSemaphore(size)

    def acquire(self, wait_s: float) -> bool:
        return self._slots.acquire(timeout=wait_s)

    def release(self) -> None:
        self._slots.release()


class CodeRequest(BaseModel):
    """A pasted article to code. Nothing is stored."""

    text: str = Field(min_length=1, description="the article text, coded as given")
    date: dt.date | None = Field(None, description="the article's date (resolves 'on Monday')")
    source: str | None = Field(None, max_length=200, description="outlet name, kept in the events")


@router.get("/meta", summary="Server version, snapshot time and limits")
def meta(request: Request) -> dict[str, Any]:
    state = request.app.state
    snapshot = state.snapshots.current()
    return {
        "version": __version__,
        "snapshot_taken_at": dt.datetime.fromtimestamp(snapshot.taken_at, dt.UTC).isoformat(),
        "store_busy": state.snapshots.last_error is not None,
        "code_requires_token": state.settings.token is not None,
        "max_code_chars": state.settings.max_code_chars,
        "max_page": MAX_PAGE,
    }


@router.get("/stats", summary="Counts over the whole store")
def stats(request: Request) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        return store.stats().to_json()


@router.get("/documents", summary="A page of documents, most recently ingested first")
def documents(
    request: Request,
    status: Literal["ok", "rejected"] | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        rows = store.documents(status=status, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "documents": [d.to_json() for d in rows]}


@router.get(
    "/documents/{doc_id}",
    summary="One document: clean text, sentences, events and the spans to highlight",
    responses={404: {"description": "no such document"}},
)
def document(request: Request, doc_id: DocId) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        doc = store.get_document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document with id {doc_id}")
        events = store.events_of(doc_id)
    return views.document_view(doc, events)


@router.post(
    "/code",
    summary="Code a pasted article without storing it",
    responses={
        401: {"description": "the server has a token and the request did not carry it"},
        413: {"description": "text or request body too long"},
        429: {"description": "too many codings from this address in the last minute"},
        503: {"description": "every coding slot is busy"},
    },
)
def code(
    request: Request,
    body: CodeRequest,
    authorization: Annotated[str | None, Header(description="Bearer TOKEN, when the server has one")] = None,
) -> dict[str, Any]:
    state = request.app.state
    if not token_ok(state.settings.token, authorization):
        raise HTTPException(401, "this server needs its token: Authorization: Bearer TOKEN",
                            headers={"WWW-Authenticate": "Bearer"})
    if len(body.text) > state.settings.max_code_chars:
        raise HTTPException(413, f"text of {len(body.text)} characters; the limit is {state.settings.max_code_chars}")
    client = request.client.host if request.client else "unknown"
    wait = state.code_limit.allow(client)
    if wait:
        raise HTTPException(429, "too many codings from this address; try again shortly",
                            headers={"Retry-After": str(int(wait) + 1)})
    if not state.code_slots.acquire(state.settings.code_wait_s):
        raise HTTPException(503, "the server is busy coding other texts; try again shortly",
                            headers={"Retry-After": "5"})
    try:
        events = state.text_coder(body.text, body.date, body.source)
    finally:
        state.code_slots.release()
    return views.coded_text_view(body.text, events)
