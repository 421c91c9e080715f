"""Schemathesis against the OpenAPI schema (issue #7): whatever the schema allows a client to send,
every operation answers without a server error. Bounded (a few derandomized examples per
operation) so it stays a quick, repeatable test.

Why not `@schema.parametrize()` with `schemathesis.pytest.from_fixture`: the lazy loader reads a
pytest attribute that pytest 9 no longer has, so each operation's Hypothesis strategy is run
here directly, one test per operation.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from test_web_support import demo_store, make_app

# Examples per operation; raise it for a deeper run: TACITUS_WEB_FUZZ_EXAMPLES=200 pytest ...
EXAMPLES = int(os.environ.get("TACITUS_WEB_FUZZ_EXAMPLES", "12"))
OPERATIONS = [
    "GET /api/meta", "GET /api/stats", "GET /api/documents", "GET /api/documents/{doc_id}",
    "POST /api/code", "GET /api/events", "GET /api/events/{event_id}", "GET /api/clusters",
    "GET /api/clusters/{cluster_id}", "GET /api/dyads", "GET /api/dyad", "GET /api/actors",
    "GET /api/network",
]


@pytest.fixture(scope="module")
def web_schema(tmp_path_factory, nlp):
    app = make_app(demo_store(tmp_path_factory, nlp), nlp, code_per_minute=100_000, max_code_chars=2_000,
                   allowed_hosts=("testserver",))  # the Host name schemathesis's ASGI client sends
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_the_schema_lists_every_operation(web_schema):
    found = sorted(f"{op.ok().method.upper()} {op.ok().path}" for op in web_schema.get_all_operations())
    assert found == sorted(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
def test_no_operation_answers_with_a_server_error(web_schema, label):
    operation = web_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def no_server_error(case):
        case.call_and_validate(checks=[not_a_server_error])

    no_server_error()
