"""The event side of the API: filtered events, one event with its evidence, clusters, busiest dyads.

Every listing takes the same filter parameters, turned into one `EventFilter` (the record the
CLI and exports use), so `/api/events?dyad=USA,PRK&from=1997-01-01` asks exactly what
`tacitus events --dyad USA PRK --from 1997-01-01` asks. Values reach the store only as that
record's fields, which the store passes to DuckDB as parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from tacitus import analysis
from tacitus.analysis import ACTOR_KEYS, FREQS
from tacitus.store.filters import MAX_TEXT, MODALITIES, EventFilter
from tacitus.web import views
from tacitus.web.api import ID_PATTERN, MAX_PAGE, Limit, Offset

MAX_PERIODS = 5000  # a dyad series longer than this is refused: pick a longer period or fewer dates
ACTOR_PATTERN = r"^[A-Za-z0-9]{2,18}$"
DYAD_PATTERN = r"^[A-Za-z0-9]{2,18},[A-Za-z0-9]{2,18}$"
Modality = Literal[MODALITIES]  # type: ignore[valid-type]

router = APIRouter(prefix="/api", tags=["api"])


def common_filter(
    actor: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="actor or country code on either side")] = None,
    code: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code prefix: '04', '043'")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4, description="1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict")] = None,
    date_from: Annotated[dt.date | None, Query(alias="from", description="first day (inclusive)")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="last day (inclusive)")] = None,
    modality: Annotated[Modality | None, Query(description="only events of this modality")] = None,
    historical: Annotated[bool, Query(description="include background events dated well before the story")] = True,
    doc_id: Annotated[str | None, Query(pattern=ID_PATTERN, description="only events of this document")] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT, description="words the sentence contains (any case)")] = None,
) -> EventFilter:
    """Every filter but the dyad (the dyad series takes its own two actors)."""
    return EventFilter(
        actor=actor, code=code, quad_class=quad_class, date_from=date_from, date_to=date_to,
        modality=modality, include_historical=historical, doc_id=doc_id, text=text,
    )


def event_filter(
    base: Annotated[EventFilter, Depends(common_filter)],
    dyad: Annotated[str | None, Query(pattern=DYAD_PATTERN, description="two actor or country codes, 'USA,PRK'")] = None,
    directed: Annotated[bool, Query(description="dyad is (source, target), not either order")] = False,
) -> EventFilter:
    """The request's filter; a FilterError (a bad combination, e.g. from after to) becomes a 400."""
    pair = tuple(dyad.split(",")) if dyad else None
    return replace(base, dyad=pair, directed=directed)  # type: ignore[arg-type]


Filter = Annotated[EventFilter, Depends(event_filter)]
BaseFilter = Annotated[EventFilter, Depends(common_filter)]
ActorKey = Annotated[Literal[ACTOR_KEYS], Query(description="group actors by full code or by country")]  # type: ignore[valid-type]
Unique = Annotated[bool, Query(description="count each event cluster once")]


@router.get("/events", summary="A page of events meeting the filters, with the total")
def events(
    request: Request,
    f: Filter,
    limit: Limit = 50,
    offset: Offset = 0,
    order: Literal["date", "-date"] = "date",
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        found = store.query_events(f, limit=limit, offset=offset, order=order)
        total = store.count_events(f)
    return {"total": total, "limit": limit, "offset": offset, "events": [e.to_json() for e in found]}


@router.get(
    "/events/{event_id}",
    summary="One event with its evidence: the sentence, its highlighted spans, the document and the cluster",
    responses={404: {"description": "no such event"}},
)
def event(
    request: Request,
    event_id: Annotated[str, Path(pattern=ID_PATTERN, description="event id")],
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        found = store.get_event(event_id)
        if found is None:
            raise HTTPException(404, f"no event with id {event_id}")
        doc = store.get_document(found.doc_id, with_sentences=False)
        cluster = store.cluster_of(event_id)
    body = views.event_view(found, doc)
    body["cluster"] = _cluster_summary(cluster) if cluster else None
    return body


@router.get("/clusters", summary="Event clusters (one real-world event, many reports) meeting the filters")
def clusters(request: Request, f: Filter, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        found = store.clusters(f, limit=limit, offset=offset)
        total = store.count_clusters(f)
    return {"total": total, "limit": limit, "offset": offset, "clusters": [c.to_json() for c in found]}


@router.get(
    "/clusters/{cluster_id}",
    summary="One cluster with every member event",
    responses={404: {"description": "no such cluster"}},
)
def cluster(
    request: Request,
    cluster_id: Annotated[str, Path(pattern=ID_PATTERN, description="cluster id")],
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        found = store.get_cluster(cluster_id)
    if found is None:
        raise HTTPException(404, f"no cluster with id {cluster_id}")
    return found.to_json()


@router.get("/dyads", summary="The busiest dyads (country or actor pairs, either direction) by event count")
def dyads(request: Request, f: BaseFilter, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        edges = store.edge_counts(f, by="country")
    pairs: dict[tuple[str, str], list[int]] = {}
    for edge in edges:
        if not edge.source or not edge.target or edge.source == edge.target:
            continue
        a, b = sorted((edge.source, edge.target))
        counts = pairs.setdefault((a, b), [0, 0, 0, 0, 0])
        counts[0] += edge.events
        for i, n in enumerate(edge.quad_counts):
            counts[i + 1] += n
    ranked = sorted(pairs.items(), key=lambda kv: (-kv[1][0], kv[0]))[:limit]
    return {"dyads": [
        {"a": a, "b": b, "events": c[0], "cooperation": c[1] + c[2], "conflict": c[3] + c[4]}
        for (a, b), c in ranked
    ]}


@router.get("/dyad", summary="Per-period counts by quad class, Goldstein sum and mean, top codes, for a dyad")
def dyad(
    request: Request,
    f: BaseFilter,
    a: Annotated[str, Query(pattern=ACTOR_PATTERN, description="first actor or country code")],
    b: Annotated[str, Query(pattern=ACTOR_PATTERN, description="second actor or country code")],
    freq: Annotated[Literal[FREQS], Query(description="period length")] = "month",  # type: ignore[valid-type]
    unique: Unique = False,
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        series = analysis.dyad_series(store, a, b, freq, f, unique=unique)
    if len(series.periods) > MAX_PERIODS:
        raise HTTPException(400, f"{len(series.periods)} periods of a {freq}; at most {MAX_PERIODS}: "
                                 "choose a longer period or a narrower date range (from, to)")
    body = series.to_json()
    body["chart"] = views.chart_rows(series.freq, body["combined"])
    return body


@router.get("/actors", summary="The most active actors, with in and out degree")
def actors(
    request: Request,
    f: Filter,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    by: ActorKey = "code",
    unique: Unique = False,
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        found = analysis.actor_activity(store, f, limit=limit, by=by, unique=unique)
    return {"by": by, "actors": [x.to_json() for x in found]}


@router.get("/network", summary="Weighted directed actor network (node-link JSON)")
def network(
    request: Request,
    f: Filter,
    by: ActorKey = "code",
    unique: Unique = False,
    min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> dict[str, Any]:
    with request.app.state.snapshots.store() as store:
        net = analysis.event_network(store, f, by=by, unique=unique, min_weight=min_weight)
    return net.to_json()


def _cluster_summary(cluster: Any) -> dict[str, Any]:
    """What the event view shows of its cluster: counts and the other members' ids."""
    return {
        "cluster_id": cluster.cluster_id,
        "num_mentions": cluster.num_mentions,
        "num_documents": cluster.num_documents,
        "num_sources": cluster.num_sources,
        "event_ids": list(cluster.event_ids),
        "doc_ids": list(cluster.doc_ids),
    }
