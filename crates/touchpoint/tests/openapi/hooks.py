"""Schemathesis hooks for Touchpoint's API (run by crates/touchpoint/tests/openapi/run).

The OpenAPI document states every rule of a single parameter (date format, limit's range,
the zones and ids accepted, the cursor's shape). One rule spans two parameters and JSON Schema
cannot say it: the window from `from` to `to` is at least one day and at most 732 days, and ends
by 9999-12-31 (`to` defaults to 30 days after `from`; `from` to today). The document says it in
words; this hook keeps schemathesis's schema-valid requests inside it, so that a 400 for a valid
request still fails the run.
"""

import datetime

import schemathesis

MAX_WINDOW_DAYS = 732


def day(value):
    try:
        return datetime.date.fromisoformat(value) if len(value) == 10 else None
    except (TypeError, ValueError):
        return None


@schemathesis.hook
def filter_query(ctx, query):
    if not query:
        return True
    start = day(query.get("from")) if "from" in query else datetime.date.today()
    if start is None:
        return True  # a malformed date: the server must refuse it, whatever the window
    if "to" in query:
        end = day(query.get("to"))
        if end is None:
            return True
    else:
        try:
            end = start + datetime.timedelta(days=30)
        except OverflowError:
            return False  # a default window past 9999-12-31
    return 0 < (end - start).days <= MAX_WINDOW_DAYS


@schemathesis.hook
def filter_case(ctx, case):
    return filter_query(ctx, case.query)
