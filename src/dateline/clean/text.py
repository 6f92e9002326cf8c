"""Flattened text (placeholder: paragraphs normalised, nothing removed yet)."""

from __future__ import annotations

import re

from dateline.clean import Cleaned


def clean_text(text: str) -> Cleaned:
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return Cleaned(text="\n\n".join(p for p in paragraphs if p))
