"""`tacitus events`, `dyad`, `actors`, `network`, `export` and `cluster`: the corpus view.

Each command parses its filter options into one `EventFilter`, asks the store or
`tacitus.analysis` one question and prints the answer; clustering is the only one that writes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any

from ..config import Config
from .common import DB_HELP, EXIT_OK, date_arg, db_path, table

MODALITIES = ("asserted", "negated", "intended", "hypothetical", "claimed")
EXPORT_FORMATS = ("gdelt-csv", "icews-tsv", "plover-jsonl", "parquet", "csv")


def register(sub: Any) -> None:
    """Add this module's commands to the `tacitus` subparsers."""
    p = sub.add_parser("events", help="list stored events (or event clusters) with filters")
    _common(p, dyad=True)
    p.add_argument("--directed", action="store_true", help="with --dyad: only A as source, B as target")
    p.add_argument("--clusters", action="store_true", help="list event clusters instead of events")
    p.add_argument("--limit", type=int, default=50, help="rows to show (default 50)")
    p.add_argument("--offset", type=int, default=0, help="rows to skip")
    p.add_argument("--order", choices=("date", "-date"), default="date", help="oldest (date) or newest (-date) first")
    p.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    p.set_defaults(handler=cmd_events)

    p = sub.add_parser("dyad", help="a dyad's events per period: quad classes, Goldstein, top codes")
    p.add_argument("a", metavar="A", help="actor or country code (USA, PRKGOV)")
    p.add_argument("b", metavar="B", help="actor or country code")
    _common(p)
    p.add_argument("--freq", choices=("day", "week", "month", "year"), default="month")
    p.add_argument("--unique", action="store_true", help="count each event cluster once")
    p.add_argument("--plot", metavar="FILE", help="also draw the series to FILE.png or FILE.svg")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(handler=cmd_dyad)

    p = sub.add_parser("actors", help="most active actors with in and out degree")
    _common(p)
    p.add_argument("--limit", type=int, default=20, help="actors to show (default 20)")
    p.add_argument("--by", choices=("code", "country"), default="code", help="group actors by code or by country")
    p.add_argument("--unique", action="store_true", help="count each event cluster once")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(handler=cmd_actors)

    p = sub.add_parser("network", help="the weighted directed actor network as GraphML or JSON")
    _common(p)
    p.add_argument("--by", choices=("code", "country"), default="code", help="nodes are actor codes or countries")
    p.add_argument("--unique", action="store_true", help="count each event cluster once")
    p.add_argument("--min-weight", type=int, default=1, metavar="N", help="leave out edges with fewer than N events")
    p.add_argument("--format", choices=("graphml", "json"), default="graphml")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(handler=cmd_network)

    p = sub.add_parser("export", help="write events as GDELT-/ICEWS-style tables, PLOVER JSONL, CSV or Parquet")
    _common(p, dyad=True)
    p.add_argument("--directed", action="store_true", help="with --dyad: only A as source, B as target")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.add_argument("-o", "--output", metavar="FILE", required=True,
                   help="output file (- for standard output, not for parquet)")
    p.add_argument("--clusters", action="store_true", help="one row per event cluster (its representative event)")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("cluster", help="find near-duplicate documents and recompute all event clusters")
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    p.add_argument("--window-days", type=int, default=1, metavar="N",
                   help="day-precise dates at most N days apart may merge (default 1)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(handler=cmd_cluster)


def _common(p: argparse.ArgumentParser, dyad: bool = False) -> None:
    """The store and the event filter options every corpus command shares."""
    p.add_argument("--db", metavar="FILE", help=DB_HELP)
    if dyad:
        p.add_argument("--dyad", nargs=2, metavar=("A", "B"), help="events between A and B (actor or country codes)")
    p.add_argument("--actor", metavar="X", help="events with actor or country X on either side")
    p.add_argument("--code", metavar="CAMEO", help="CAMEO code prefix: 04 (any consultation), 043")
    p.add_argument("--quad", type=int, choices=(1, 2, 3, 4), help="quad class")
    p.add_argument("--from", dest="date_from", type=date_arg, metavar="YYYY-MM-DD", help="events on or after this day")
    p.add_argument("--to", dest="date_to", type=date_arg, metavar="YYYY-MM-DD", help="events on or before this day")
    p.add_argument("--only", choices=MODALITIES, metavar="MODALITY", help=f"one modality: {', '.join(MODALITIES)}")
    p.add_argument("--no-historical", action="store_true", help="leave out background events")
    p.add_argument("--doc", metavar="ID", help="events of one document")
    p.add_argument("--text", metavar="WORDS", help="events whose sentence contains WORDS (any case)")


def _filter(args: argparse.Namespace) -> Any:
    from ..store.filters import EventFilter

    return EventFilter(
        dyad=tuple(args.dyad) if getattr(args, "dyad", None) else None,
        directed=getattr(args, "directed", False),
        actor=args.actor, code=args.code, quad_class=args.quad, date_from=args.date_from,
        date_to=args.date_to, modality=args.only, include_historical=not args.no_historical,
        doc_id=args.doc, text=args.text,
    )


def _open(args: argparse.Namespace, config: Config, read_only: bool = True) -> Any:
    from ..store import Store

    return Store(db_path(args, config), read_only=read_only)


# --- events -------------------------------------------------------------------------------------

def cmd_events(args: argparse.Namespace, config: Config) -> int:
    f = _filter(args)
    with _open(args, config) as store:
        if args.clusters:
            found = store.clusters(f, limit=args.limit, offset=args.offset)
            total = store.count_clusters(f)
            unclustered = store.corpus_stats().unclustered_events
            _print_clusters(found, args.format)
            what = "clusters"
        else:
            events = store.query_events(f, limit=args.limit, offset=args.offset, order=args.order)
            total, unclustered = store.count_events(f), 0
            _print_events(events, args.format)
            what = "events"
    if args.format == "table":
        shown = f"{args.offset + 1}-{args.offset + args.limit}" if total > args.limit else "all"
        print(f"{what}: {total} match ({shown} shown)", file=sys.stderr)
    if unclustered:
        print(f"note: {unclustered} events are not clustered yet; run `tacitus cluster`", file=sys.stderr)
    return EXIT_OK


def _print_events(events: list, fmt: str) -> None:
    from ..output import EventWriter

    writer = EventWriter(sys.stdout, fmt)
    writer.write(events)
    writer.close()


CLUSTER_COLUMNS = ("cluster_id", "date", "source", "cameo", "target", "mentions", "documents",
                   "sources", "first_report", "sentence")


def _print_clusters(found: list, fmt: str) -> None:
    if fmt == "jsonl":
        for c in found:
            print(json.dumps(c.to_json(), ensure_ascii=False))
        return
    rows = [
        {"cluster_id": c.cluster_id, "date": c.date, "source": c.source, "cameo": c.cameo,
         "target": c.target, "mentions": c.num_mentions, "documents": c.num_documents,
         "sources": c.num_sources, "first_report": c.first_report,
         "sentence": c.representative.sentence if c.representative else None}
        for c in found
    ]
    if fmt == "csv":
        _write_csv(CLUSTER_COLUMNS, [[r[k] for k in CLUSTER_COLUMNS] for r in rows])
    else:
        print(table(rows))


# --- analytics ----------------------------------------------------------------------------------

def cmd_dyad(args: argparse.Namespace, config: Config) -> int:
    from ..analysis import dyad_series

    with _open(args, config) as store:
        series = dyad_series(store, args.a, args.b, freq=args.freq, f=_filter(args), unique=args.unique)
    if args.plot:
        from ..plot import plot_dyad

        plot_dyad(series, args.plot)
    if args.format == "json":
        print(json.dumps(series.to_json(), ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _dyad_csv(series)
    else:
        _dyad_table(series)
    if args.plot:
        print(f"plot written to {args.plot}", file=sys.stderr)
    return EXIT_OK


def _dyad_table(series: Any) -> None:
    rows = []
    for ab, ba, both in zip(series.a_to_b, series.b_to_a, series.combined):
        rows.append({
            "period": both.period, "events": both.events,
            f"{series.a}>{series.b}": ab.events, f"{series.b}>{series.a}": ba.events,
            "coop": both.quad_counts[0] + both.quad_counts[1],
            "conflict": both.quad_counts[2] + both.quad_counts[3],
            "goldstein": round(both.goldstein_sum, 1), "mean": both.goldstein_mean,
            "top codes": " ".join(f"{c}x{n}" for c, n in both.top_codes()),
        })
    print(table(rows))
    if series.excluded:
        left = ", ".join(f"{n} {k}" for k, n in series.excluded.items())
        print(f"not placed at --freq {series.freq} (dated too coarsely): {left}", file=sys.stderr)


DYAD_CSV = ("period", "direction", "events", "verbal_cooperation", "material_cooperation",
            "verbal_conflict", "material_conflict", "goldstein_sum", "goldstein_mean", "top_codes")


def _dyad_csv(series: Any) -> None:
    rows = []
    for name in ("a_to_b", "b_to_a", "combined"):
        label = {"a_to_b": f"{series.a}>{series.b}", "b_to_a": f"{series.b}>{series.a}"}.get(name, "both")
        for p in getattr(series, name):
            rows.append([p.period, label, p.events, *p.quad_counts, round(p.goldstein_sum, 3),
                         p.goldstein_mean, " ".join(f"{c}:{n}" for c, n in p.top_codes())])
    _write_csv(DYAD_CSV, rows)


ACTOR_COLUMNS = ("actor", "events", "as_source", "as_target", "out_degree", "in_degree",
                 "goldstein_out", "goldstein_in")


def cmd_actors(args: argparse.Namespace, config: Config) -> int:
    from ..analysis import actor_activity

    with _open(args, config) as store:
        found = actor_activity(store, _filter(args), limit=args.limit, by=args.by, unique=args.unique)
    rows = [a.to_json() for a in found]
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _write_csv(ACTOR_COLUMNS, [[r[k] for k in ACTOR_COLUMNS] for r in rows])
    else:
        print(table(rows))
    return EXIT_OK


def cmd_network(args: argparse.Namespace, config: Config) -> int:
    from ..analysis import event_network, network_graphml, network_json

    with _open(args, config) as store:
        net = event_network(store, _filter(args), by=args.by, unique=args.unique, min_weight=args.min_weight)
    if args.format == "graphml":
        text = network_graphml(net)
    else:
        text = json.dumps(network_json(net), ensure_ascii=False, indent=2) + "\n"
    _emit(text, args.output)
    if args.output:
        print(f"network: {len(net.nodes)} actors, {len(net.edges)} edges written to {args.output}", file=sys.stderr)
    return EXIT_OK


# --- export and clustering ----------------------------------------------------------------------

def cmd_export(args: argparse.Namespace, config: Config) -> int:
    from ..export import export_events

    out = sys.stdout if args.output == "-" else args.output
    with _open(args, config) as store:
        n = export_events(store, args.format, out, _filter(args), clusters=args.clusters)
    where = "standard output" if args.output == "-" else args.output
    print(f"exported {n} {'clusters' if args.clusters else 'events'} as {args.format} to {where}", file=sys.stderr)
    return EXIT_OK


def cmd_cluster(args: argparse.Namespace, config: Config) -> int:
    with _open(args, config, read_only=False) as store:
        report = store.update_clusters(None, window_days=args.window_days)
        stats = store.corpus_stats()
    if args.format == "json":
        print(json.dumps({"report": report.to_json(), "corpus": stats.to_json()}, indent=2))
        return EXIT_OK
    print(
        f"checked {report.documents_indexed} new documents: {report.near_duplicate_pairs} near-duplicate "
        f"pairs; {stats.documents} documents, {stats.distinct_documents} distinct\n"
        f"{report.events} events in {report.clusters} clusters "
        f"({report.corroborated} reported by two or more distinct documents)"
    )
    return EXIT_OK


def _write_csv(columns: tuple[str, ...], rows: list[list[Any]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)


def _emit(text: str, output: str | None) -> None:
    from ..errors import InputError

    if not output or output == "-":
        sys.stdout.write(text)
        return
    try:
        with open(output, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise InputError(output, f"cannot write: {exc.strerror}") from exc
