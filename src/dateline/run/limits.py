"""Per-document time limits, so that one pathological page cannot hang a corpus run."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from dateline.errors import DocumentError

DEFAULT_TIME_LIMIT = 120.0  # seconds per document for cleaning, and again for analysis


@contextmanager
def time_limit(seconds: float | None, where: str, stage: str) -> Iterator[None]:
    """Raise DocumentError if the block runs longer than ``seconds``.

    Uses SIGALRM, so it applies in the main thread of a process (the CLI, each worker of
    a pool); elsewhere, and with ``seconds`` None or 0, the block runs unlimited.
    """
    usable = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise DocumentError(where, f"{stage} took longer than {seconds:g}s (--time-limit)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
