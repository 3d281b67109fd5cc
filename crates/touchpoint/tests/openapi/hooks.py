"""Schemathesis hooks for Touchpoint's API (run by crates/touchpoint/tests/openapi/run).

The OpenAPI document states every rule of a single parameter (date format, limit's range,
the zones and ids accepted, the cursor's shape). One rule spans two parameters and JSON Schema
cannot say it: the window from `from` to `to` is at least one day and at most 732 days, and ends
by 9999-12-31 (`to` defaults to 30 days after `from`; `from` to today). The document says it in
words; this hook keeps schemathesis's schema-valid requests inside it, so that a 400 for a valid
request still fails the run.

A hub's API (`community=` given) has a second such rule: each id of `source`, `series` and
`group` must be one of the chosen communities' (the document lists every community's ids). With
`TOUCHPOINT_HUB_BASE` set to the hub's address, the hook reads each community's ids from that
community's own document, and keeps valid requests inside this rule too.
"""

import datetime
import json
import os
import urllib.request

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


HUB_BASE = os.environ.get("TOUCHPOINT_HUB_BASE")
ID_PARAMETERS = ("source", "series", "group")
_community_ids = {}


_hub_communities = set()


def hub_communities():
    """The ids of the communities the hub serves (`/api/v1/communities`)."""
    if not _hub_communities:
        with urllib.request.urlopen(f"{HUB_BASE}/api/v1/communities") as answer:
            _hub_communities.update(c["id"] for c in json.load(answer) if c["name"] is not None)
    return _hub_communities


def community_ids(community):
    """The ids each of `ID_PARAMETERS` accepts on `community`'s own API, from its document."""
    if community not in _community_ids:
        url = f"{HUB_BASE}/{community}/api/v1/openapi.json"
        with urllib.request.urlopen(url) as answer:
            document = json.load(answer)
        parameters = document["paths"]["/api/v1/occurrences"]["get"]["parameters"]
        _community_ids[community] = {
            p["name"]: set(p["schema"]["enum"]) for p in parameters if p["name"] in ID_PARAMETERS
        }
    return _community_ids[community]


def ids_of_chosen_communities(query):
    """Whether every id asked for is one of the chosen communities' (always, on no hub)."""
    if not HUB_BASE or not query:
        return True
    chosen = query.get("community") or []
    if not isinstance(chosen, list):
        chosen = [chosen]
    if not all(isinstance(c, str) for c in chosen):
        return True  # not ids: the server must refuse the request, whatever the rule
    chosen = [c for c in chosen if c]
    if not chosen:
        return True  # every community: the document's lists are theirs
    if not set(chosen) <= hub_communities():
        return True  # a community the hub does not serve: the server must refuse it
    known = [community_ids(c) for c in chosen]
    for name in ID_PARAMETERS:
        value = query.get(name)
        if isinstance(value, str) and value and not any(value in ids[name] for ids in known):
            return False
    return True


@schemathesis.hook
def filter_case(ctx, case):
    return filter_query(ctx, case.query) and ids_of_chosen_communities(case.query)
