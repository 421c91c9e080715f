"""The corpus view of the store: filters, event listings, clusters and near-duplicates, on a
store built by the real pipeline from short stories we wrote plus the demo's wire-copy pair.

`build_corpus` is imported by the analysis, export and CLI tests so they share one corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from tacitus.errors import TacitusError
from tacitus.records import Document
from tacitus.store import Store
from tacitus.store.filters import EventFilter, FilterError

REPO = Path(__file__).resolve().parent.parent
REPRINT = REPO / "demo" / "pages" / "2022-07-22-rus-ukr-grain-deal-reprint.html"
WIRE_FEED = REPO / "demo" / "feed"
WIRE_REF = "demo-wire-2022-0722"

# Two outlets report one Geneva meeting (one story has it twice, once in each direction), a
# second meeting nine days later in Tokyo, one accusation reported by both outlets, and a story
# whose events are dated to a month and a year.
STORIES = [
    {"id": "ledger-0511", "source": "Northgate Ledger", "date": "2021-05-11",
     "text": "Japan and South Korea held talks in Geneva on Monday about fishing rights in the "
             "East Sea.\n\nThe Japanese delegation said the meeting was useful."},
    {"id": "harbour-0512", "source": "Harbour Post", "date": "2021-05-12",
     "text": "South Korean diplomats met Japanese officials in Geneva on Monday, Seoul said."
             "\n\nThe two sides will meet again in June."},
    {"id": "ledger-0520", "source": "Northgate Ledger", "date": "2021-05-20",
     "text": "Japan held talks with South Korea in Tokyo on Wednesday about fishing rights."},
    {"id": "ledger-0511b", "source": "Northgate Ledger", "date": "2021-05-11",
     "text": "Russia accused Ukraine of shelling a border village on Monday, the Foreign "
             "Ministry said."},
    {"id": "harbour-0512b", "source": "Harbour Post", "date": "2021-05-12",
     "text": "Moscow accused Kyiv on Monday of shelling a village near the border."},
    {"id": "ledger-0602", "source": "Northgate Ledger", "date": "2021-06-02",
     "text": "Vietnam and Cambodia signed a border agreement last month, officials in Hanoi said."
             "\n\nVietnam will send a trade delegation to Cambodia next month.\n\nIn 2019, "
             "Cambodia accused Vietnam of moving border markers."},
]


def corpus_inputs(folder: Path, stories: list[dict] = STORIES, with_pair: bool = True) -> list:
    """RawInputs of our stories (as a JSONL feed) and, optionally, the demo wire copy pair."""
    from tacitus.sources import read_inputs

    feed = folder / "stories.jsonl"
    feed.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    items = list(read_inputs([str(feed)]))
    if with_pair:
        items += [i for i in read_inputs([str(WIRE_FEED)]) if getattr(i, "ref", None) == WIRE_REF]
        items += list(read_inputs([str(REPRINT)]))
    return items


def ingest_into(store: Store, nlp, items: list) -> list[str]:
    """Run the real pipeline (prepare, parse, code, store); returns the stored document ids."""
    from tacitus.events.coder import load_coder
    from tacitus.pipeline import ingest
    from tacitus.prepare import PrepareOptions

    seen: list[str] = []
    ingest(items, store, nlp, PrepareOptions(), coder=load_coder(), on_document=lambda d: seen.append(d.id))
    return seen


_BUILT: list[Path] = []  # the first build of this test session, copied for later callers


def build_corpus(folder: Path, nlp) -> Path:
    """A clustered store with our six stories and the demo wire-copy pair, coded once per test
    session (coding is the slow part) and copied into `folder` for each caller."""
    path = folder / "corpus.duckdb"
    if _BUILT and _BUILT[0].exists():
        shutil.copy(_BUILT[0], path)
        return path
    with Store(path) as store:
        ingest_into(store, nlp, corpus_inputs(folder))
        store.update_clusters()
    master = folder / "corpus-master.duckdb"
    shutil.copy(path, master)
    _BUILT[:] = [master]
    return path


def coded_documents(path: Path) -> dict[str, Document]:
    """Every stored document with its sentences and events, by doc_ref: what a later run would
    bring, without coding it again."""
    with Store(path, read_only=True) as store:
        docs = [store.get_document(d.id) for d in store.documents(limit=1000)]
        for doc in docs:
            doc.events = store.events_of(doc.id)
    return {Path(d.ref).name if "/" in d.ref else d.ref: d for d in docs}


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp):
    path = build_corpus(tmp_path_factory.mktemp("corpus"), nlp)
    with Store(path, read_only=True) as opened:
        yield opened


def doc_id(store: Store, ref: str) -> str:
    [found] = [d.id for d in store.documents(limit=100) if d.ref == ref or d.ref.endswith("/" + ref)]
    return found


def ids(events) -> list[tuple]:
    return [(e.source.code if e.source else None, e.cameo, e.target.code if e.target else None, e.date)
            for e in events]


# --- filters ------------------------------------------------------------------------------------

def test_filter_normalises_codes_and_dates():
    f = EventFilter(dyad=("usa", " prk"), actor="igouno", date_from="1997-01-01")
    assert f.dyad == ("USA", "PRK") and f.actor == "IGOUNO"
    assert f.date_from == dt.date(1997, 1, 1)
    assert EventFilter().is_empty() and not f.is_empty()


@pytest.mark.parametrize("kwargs, message", [
    ({"dyad": ("USA",)}, "dyad must be two actor or country codes"),
    ({"dyad": "USA"}, "dyad must be two actor or country codes"),
    ({"directed": True}, "directed=True needs a dyad"),
    ({"actor": "U S"}, "is not an actor or country code"),
    ({"code": "4"}, "CAMEO code prefix of 2 to 4 digits"),
    ({"code": "04a"}, "CAMEO code prefix of 2 to 4 digits"),
    ({"quad_class": 5}, "quad_class must be 1, 2, 3 or 4"),
    ({"date_from": "1997-13-01"}, "date_from must be a date"),
    ({"date_from": dt.date(1998, 1, 1), "date_to": dt.date(1997, 1, 1)}, "is after date_to"),
    ({"modality": "rumoured"}, "unknown modality 'rumoured'; valid: asserted, negated"),
    ({"text": "  "}, "text must be 1 to 200 characters"),
])
def test_filter_rejects_bad_values_saying_what_is_valid(kwargs, message):
    with pytest.raises(FilterError, match=message) as caught:
        EventFilter(**kwargs)
    assert isinstance(caught.value, TacitusError) and isinstance(caught.value, ValueError)


# --- events -------------------------------------------------------------------------------------

def test_dyad_filter_is_order_insensitive_unless_directed(store):
    both = ids(store.query_events(EventFilter(dyad=("KOR", "JPN"))))
    assert sorted(both[:3]) == [  # one day, so in document order: ids are content hashes
        ("JPN", "040", "KOR", "2021-05-10"),
        ("KOR", "040", "JPN", "2021-05-10"),
        ("KORGOV", "040", "JPNGOV", "2021-05-10"),
    ]
    assert both[3:] == [("JPN", "040", "KOR", "2021-05-19")]
    directed = store.query_events(EventFilter(dyad=("JPN", "KOR"), directed=True))
    assert [e[0] for e in ids(directed)] == ["JPN", "JPN"]
    assert store.count_events(EventFilter(dyad=("KORGOV", "JPN"))) == 1  # a code on one side


def test_actor_code_date_modality_and_text_filters(store):
    assert store.count_events(EventFilter(actor="RUS", code="11")) == 2
    assert store.count_events(EventFilter(actor="RUS", code="1123")) == 2
    assert store.count_events(EventFilter(actor="RUS", code="112")) == 2
    assert store.count_events(EventFilter(actor="JPN", date_from=dt.date(2021, 5, 11))) == 1
    assert store.count_events(EventFilter(actor="JPN", date_to=dt.date(2021, 5, 10))) == 3
    # a month-precise event overlaps a filter starting mid-month
    feb = EventFilter(actor="RUS", code="190", date_from=dt.date(2022, 2, 20), date_to=dt.date(2022, 2, 21))
    assert [e.date for e in store.query_events(feb)] == ["2022-02", "2022-02"]
    assert store.count_events(EventFilter(actor="RUS", code="190", include_historical=False)) == 0
    assert store.count_events(EventFilter(text="FISHING rights", actor="JPN")) == 3
    assert store.count_events(EventFilter(modality="negated", actor="KOR")) == 0


def test_paging_order_and_single_event(store):
    everything = store.query_events(limit=1000)
    assert len(everything) == store.count_events() == store.corpus_stats().events
    newest = store.query_events(order="-date", limit=3)
    assert [e.date for e in newest] == sorted([e.date for e in everything], reverse=True)[:3]
    page = store.query_events(limit=2, offset=1)
    assert [e.event_id for e in page] == [e.event_id for e in everything[1:3]]
    first = everything[0]
    assert store.get_event(first.event_id) == first
    assert store.get_event("no-such-event") is None
    with pytest.raises(FilterError, match="unknown order 'size'; valid: date, -date"):
        store.query_events(order="size")
    with pytest.raises(FilterError, match="limit and offset must be 0 or more"):
        store.query_events(limit=-1)


# --- clusters -----------------------------------------------------------------------------------

def test_one_meeting_reported_by_two_outlets_is_one_cluster(store):
    [geneva, tokyo] = store.clusters(EventFilter(dyad=("JPN", "KOR")))
    assert (geneva.cameo, geneva.date, geneva.location_country) == ("040", "2021-05-10", "CHE")
    assert (geneva.num_mentions, geneva.num_documents, geneva.num_sources) == (3, 2, 2)
    assert (geneva.first_report, geneva.last_report) == (dt.date(2021, 5, 11), dt.date(2021, 5, 12))
    assert geneva.symmetric and len(geneva.event_ids) == 3 and len(geneva.doc_ids) == 2
    assert geneva.representative is not None and geneva.representative.event_id == geneva.representative_id
    assert (tokyo.date, tokyo.location_country, tokyo.num_mentions) == ("2021-05-19", "JPN", 1)
    full = store.get_cluster(geneva.cluster_id)
    assert sorted(e.event_id for e in full.events) == sorted(geneva.event_ids)
    assert store.cluster_of(geneva.event_ids[-1]).cluster_id == geneva.cluster_id
    assert store.get_cluster("c-none") is None and store.cluster_of("no-such-event") is None


def test_a_directed_accusation_reported_twice_is_one_cluster(store):
    [accusation] = store.clusters(EventFilter(dyad=("RUS", "UKR"), code="11"))
    assert (accusation.cameo, accusation.source, accusation.target) == ("1123", "RUS", "UKR")
    assert (accusation.num_mentions, accusation.num_documents, accusation.num_sources) == (2, 2, 2)
    assert not accusation.symmetric


def test_the_wire_copy_is_a_near_duplicate_and_counts_once(store):
    wire, reprint = doc_id(store, WIRE_REF), doc_id(store, REPRINT.name)
    assert store.near_duplicates_of(wire) == [reprint]
    assert store.near_duplicates_of(reprint) == [wire]
    [pair] = store.near_duplicate_pairs(wire)
    assert {pair.doc_id, pair.other_id} == {wire, reprint}
    assert (pair.jaccard, pair.containment) == (0.5646, 0.749)
    [deal] = store.clusters(EventFilter(dyad=("RUS", "UKR"), code="057"))
    # both copies' RUS->UKR and UKR->RUS signings: one event, one document
    assert (deal.num_mentions, deal.num_documents, deal.num_sources) == (4, 1, 1)
    assert sorted(deal.doc_ids) == sorted([wire, reprint])
    stats = store.corpus_stats()
    assert (stats.documents, stats.distinct_documents, stats.near_duplicates) == (8, 7, 1)
    assert (stats.unindexed_documents, stats.unclustered_events) == (0, 0)
    assert stats.corroborated_clusters == 2  # the Geneva meeting and the accusation
    assert store.near_duplicates_of(doc_id(store, "ledger-0520")) == []


def test_cluster_listing_filters_by_any_member_and_pages(store):
    total = store.count_clusters()
    assert total == store.corpus_stats().clusters == len(store.clusters(limit=1000))
    assert store.count_clusters(EventFilter(actor="JPNGOV")) == 1  # the Geneva meeting
    assert [c.cluster_id for c in store.clusters(limit=2, offset=1)] == \
        [c.cluster_id for c in store.clusters(limit=3)][1:]


def test_incremental_updates_give_the_same_clusters_as_a_full_recompute(tmp_path, nlp):
    docs = coded_documents(build_corpus(tmp_path, nlp))
    late = {"harbour-0512", WIRE_REF}  # a corroborating report and the wire original come later
    with Store(tmp_path / "incremental.duckdb") as store:
        early = [d for ref, d in docs.items() if ref not in late]
        store.add_documents(early, coder_version="test")
        store.update_clusters([d.id for d in early])
        before = {c.cluster_id: c.num_documents for c in store.clusters(limit=1000)}
        second = [docs[ref] for ref in sorted(late)]
        store.add_documents(second, coder_version="test")
        report = store.update_clusters([d.id for d in second])
        assert report.documents_indexed == 2 and report.near_duplicate_pairs == 1
        incremental = {(c.cluster_id, c.num_mentions, c.num_documents, c.num_sources)
                       for c in store.clusters(limit=1000)}
        store.update_clusters()
        full = {(c.cluster_id, c.num_mentions, c.num_documents, c.num_sources)
                for c in store.clusters(limit=1000)}
    assert incremental == full
    # before the second Geneva report came, only the accusation was corroborated
    assert sorted(before.values()).count(2) == 1
    assert [n for _, _, n, _ in full].count(2) == 2


def test_recomputing_is_deterministic_and_idempotent(tmp_path, nlp):
    with Store(build_corpus(tmp_path, nlp)) as store:
        once = [c.to_json() for c in store.clusters(limit=1000)]
        report = store.update_clusters()
        assert report.documents_indexed == 0 and report.near_duplicate_pairs == 0
        assert [c.to_json() for c in store.clusters(limit=1000)] == once
        assert store.update_clusters([]).clusters == 0  # nothing named, nothing touched
        with pytest.raises(TacitusError, match="window_days must be 0 or more, got -1"):
            store.update_clusters(window_days=-1)
