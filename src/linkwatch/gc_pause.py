"""
The cyclic garbage collector paused while a stage allocates in bulk.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Parsing, checking and rendering the reports allocate hundreds of thousands of
    short-lived, cycle-free objects beside a survey and a report that live to the end; the
    cyclic collector would scan them all again and again for nothing (a quarter of the time of
    a large offline run, and a tenth of the reports' time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
