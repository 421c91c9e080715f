"""The pipeline's error policy: a failure on one document rejects that document, not the batch."""

from __future__ import annotations

from tacitus.pipeline import ingest
from tacitus.prepare import PrepareOptions
from tacitus.records import RawInput
from tacitus.store import Store


class ExplodingCoder:
    """Codes every document except those mentioning Atlantis, where it fails like a bug would."""

    version = "test-coder"

    def __call__(self, doc):
        if "Atlantis" in doc.text:
            raise RuntimeError("lexicon lookup failed")
        doc.events = []
        return doc


def _raw(ref, text):
    return RawInput(origin=f"{ref}.txt", record=None, ref=ref, kind="article", content=text)


def test_a_coding_failure_rejects_one_document_and_the_batch_goes_on(nlp):
    inputs = [
        _raw("a", "Chile and Peru held talks in Lima on Wednesday about their maritime border."),
        _raw("b", "Atlantis and Lemuria exchanged ambassadors on Tuesday after a long dispute."),
        _raw("c", "Kenya and Uganda signed a trade agreement in Nairobi on Friday, officials said."),
    ]
    seen = []
    with Store(":memory:") as store:
        report = ingest(inputs, store, nlp, PrepareOptions(), coder=ExplodingCoder(), on_document=lambda d: seen.append(d.ref))
        assert (report.stored, report.rejected, report.coded) == (2, 1, 2)
        [failed] = [d for d in store.documents(status="rejected")]
        assert failed.ref == "b"
        assert failed.reason == "internal error in coding: RuntimeError: lexicon lookup failed"
    assert seen == ["a", "b", "c"]  # every document is reported, in input order
