"""Schemathesis hooks for the mock's run (SCHEMATHESIS_HOOKS=hooks, see tests/scripts/test-schemathesis.sh).

Each exception here is a rule the API keeps that the description states only in prose or in a
form JSON Schema does not carry; tests/mock/README.md lists them with the mock's answer.
"""

import json

import schemathesis
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance, status_code_conformance

# `uuid4` is pydantic's UUID4, not a JSON Schema format: a validator passes any string, the API
# refuses what is not a UUID. Drawn as real UUIDs, so valid data is valid to the API too.
schemathesis.openapi.format("uuid4", st.uuids(version=4).map(str))

# Statuses the API answers that the description does not list: 400 (a domain rule, e.g. refunding
# an unpaid payment), 404 (a well-formed id that names nothing), 409 (a second price in one
# currency). Each with the API's documented error body, `{code, message, additional_info}`, flat or
# nested under `error`. 401: the description declares its security schemes but no 401 answer;
# Schemathesis also sends a JWT of its own making (the run has none), which the API refuses.
PROSE_STATUSES = {400, 401, 404, 409}

# 422s for schema-valid requests, by (where, pydantic type): rules the description gives as prose.
PROSE_422 = {
    # "Maximum is 100." (the schema has only exclusiveMinimum 0)
    (("query", "limit"), "less_than_equal"),
    # "Sorting direction ('asc' or 'desc')" and "Field to sort by": free strings in the schema.
    (("query", "sort_direction"), "enum"),
    (("query", "sort_field"), "enum"),
    # Mark-paid: "Automated payment methods (e.g., MADA, VISA, MASTERCARD) are not allowed."
    (("body", "payment_method"), "enum"),
    # A coupon's currency: required for a fixed amount, null for a percentage (a model validator).
    (("body", "currency"), "value_error"),
}
# A decimal's bound (`minimum`, `exclusiveMinimum`) sits on the number member of its anyOf only;
# pydantic applies it to the decimal in whatever form it came, a string included.
DECIMAL_BOUNDS = {"greater_than", "greater_than_equal"}


def _body(response):
    try:
        return json.loads(response.text)
    except ValueError:
        return None


def _api_error(response) -> bool:
    body = _body(response)
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        body = body["error"]
    return isinstance(body, dict) and isinstance(body.get("code"), str) and "message" in body


def _prose_422(response) -> bool:
    body = _body(response)
    details = body.get("detail") if isinstance(body, dict) else None
    if response.status_code != 422 or not isinstance(details, list) or not details:
        return False

    def prose(d):
        loc, kind = tuple(d.get("loc", [])), d.get("type")
        if (loc[:1] + loc[-1:], kind) in PROSE_422:
            return True
        return kind in DECIMAL_BOUNDS and isinstance(d.get("input"), str)

    return all(isinstance(d, dict) and prose(d) for d in details)


@schemathesis.check
def status_code_conformance_or_prose(ctx, response, case):
    """The builtin status check, except for a prose status answered with the API's error body."""
    if response.status_code in PROSE_STATUSES and _api_error(response):
        return None
    return status_code_conformance(ctx, response, case)


@schemathesis.check
def positive_data_acceptance_or_prose(ctx, response, case):
    """The builtin check that valid data is accepted, except for a 422 of a prose rule above."""
    if _prose_422(response):
        return None
    return positive_data_acceptance(ctx, response, case)
