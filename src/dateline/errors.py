"""Errors a user sees: one line, naming the document and the reason."""

from __future__ import annotations


class DocumentError(Exception):
    """A document that cannot be read or processed. ``str()`` is the one-line message."""

    def __init__(self, where: str, reason: str):
        # one line, always: library messages (warcio's, lxml's) can span several
        reason = " ".join(str(reason).split())
        if len(reason) > 300:
            reason = reason[:297] + "..."
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason

    def __reduce__(self):
        # rebuilt from both fields when it crosses a process boundary (worker pools)
        return (DocumentError, (self.where, self.reason))
