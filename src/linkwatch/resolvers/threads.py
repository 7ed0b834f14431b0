"""
Blocking work (the arxiv package's requests, parsing a long list) off the event loop, in
daemon threads that a Ctrl-C does not wait for.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def in_daemon_thread(fn: Callable[..., T], *args: Any) -> asyncio.Future[T]:
    """`fn(*args)` in a daemon thread of its own, awaited without blocking the loop. Not the
    loop's executor (asyncio.to_thread): its threads are joined when the run ends, so a Ctrl-C
    would wait out a blocking request (the arxiv package's) or a long parse; a daemon thread is
    simply left."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(outcome: T | None, error: BaseException | None) -> None:
        if future.done():
            return  # cancelled meanwhile (Ctrl-C)
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(outcome)  # type: ignore[arg-type]

    def work() -> None:
        try:
            outcome = fn(*args)
        except BaseException as error:
            call_soon(loop, settle, None, error)
            return
        call_soon(loop, settle, outcome, None)

    name = f"linkwatch-{getattr(fn, '__name__', 'work')}"
    threading.Thread(target=work, name=name, daemon=True).start()
    return future


def call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[..., object], *args: Any) -> None:
    """`callback(*args)` on `loop`, from another thread; dropped once the loop has closed (the
    run was interrupted while the thread worked)."""
    with contextlib.suppress(RuntimeError):  # the loop is closed
        loop.call_soon_threadsafe(callback, *args)
