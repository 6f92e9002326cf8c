"""Per-document time limits, so that one pathological page cannot hang a corpus run."""

from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from dateline.errors import DocumentError

DEFAULT_TIME_LIMIT = 120.0  # seconds per document for cleaning, and again for analysis


class _Expired(BaseException):
    """Raised inside a worker thread whose block ran out of time (a BaseException, so that
    no ``except Exception`` in the pipeline swallows it)."""


@contextmanager
def time_limit(seconds: float | None, where: str, stage: str) -> Iterator[None]:
    """Raise DocumentError if the block runs longer than ``seconds``.

    In a process's main thread (the CLI, each worker of a pool) SIGALRM interrupts the
    block. In other threads (Ray Data runs a transform in a worker thread of its actor) a
    watchdog timer raises in the thread instead; that lands at the next Python bytecode, so
    a single long call into C (one spaCy batch) finishes before it stops. With ``seconds``
    None or 0 the block runs unlimited.
    """
    message = f"{stage} took longer than {seconds:g}s (--time-limit)" if seconds else ""
    if not seconds:
        yield
    elif hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        with _alarm(seconds, where, message):
            yield
    else:
        with _watchdog(seconds, where, message):
            yield


@contextmanager
def _alarm(seconds: float, where: str, message: str) -> Iterator[None]:
    def expire(signum, frame):
        raise DocumentError(where, message)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _raise_in_thread(thread_id: int, exc: type[BaseException] | None) -> None:
    """Ask CPython to raise ``exc`` in another thread (None withdraws a pending one)."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


@contextmanager
def _watchdog(seconds: float, where: str, message: str) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:  # never raise into a thread that has already left the block
            if not state["done"]:
                state["fired"] = True
                _raise_in_thread(target, _Expired)

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Expired:
        raise DocumentError(where, message) from None
    finally:
        timer.cancel()
        with lock:
            state["done"] = True
            if state["fired"]:
                _raise_in_thread(target, None)  # fired as the block ended: withdraw it if still pending
