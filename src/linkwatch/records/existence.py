"""
Whether an API found what a link points at: the three answers a resolver can give.
"""

from __future__ import annotations

from enum import StrEnum


class Existence(StrEnum):
    """What a service said of a thing asked about: there, not there, or nothing usable (a
    spent budget, an outage): 'unverified' is never 'missing'."""

    FOUND = "found"
    MISSING = "missing"
    UNVERIFIED = "unverified"
