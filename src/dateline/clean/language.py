"""Language identification, cheap and deterministic: script first, then English function words.

English-only stages (the spaCy English model, the event lexicon) are skipped for other
languages; the text is still kept and stored.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the of and to in a is that for on was with he it as at by from his said have be are has "
    "an not but they this were which had their its who will would been also after more than".split()
)
_SCRIPTS = (
    ("ar", re.compile(r"[\u0600-\u06FF]")),
    ("ru", re.compile(r"[\u0400-\u04FF]")),
    ("zh", re.compile(r"[\u4E00-\u9FFF]")),
    ("ja", re.compile(r"[\u3040-\u30FF]")),
    ("ko", re.compile(r"[\uAC00-\uD7AF]")),
    ("he", re.compile(r"[\u0590-\u05FF]")),
    ("el", re.compile(r"[\u0370-\u03FF]")),
    ("hi", re.compile(r"[\u0900-\u097F]")),
    ("fa", re.compile(r"[\u067E\u0686\u0698\u06AF]")),  # letters Persian adds to Arabic script
)


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code, "und" for Latin-script text that is not English, None for no words."""
    sample = text[:20000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    for code, pattern in _SCRIPTS:
        share = len(pattern.findall(sample)) / len(letters)
        if share > 0.3:
            if code == "ar" and _SCRIPTS[-1][1].search(sample):
                return "fa"
            return code
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return None
    english = sum(1 for w in words if w in _ENGLISH) / len(words)
    return "en" if english >= 0.12 or len(words) < 12 and english > 0 else "und"
