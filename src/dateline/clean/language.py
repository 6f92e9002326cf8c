"""Language identification, cheap and deterministic: script first, then English function words.

English-only stages (the spaCy English model, the event lexicon) are skipped for other
languages; the text is still kept and stored.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")
# the commonest function words of English and of the Latin-script languages it is most
# often confused with; a short headline has few of them, so short text defaults to English
_FUNCTION_WORDS = {
    "en": "the of and to in a is that for on was with he it as at by from his said have be are has an not but "
          "they this were which had their its who will would been also after more than",
    "es": "el la los las de del y en que por con para un una se su al es lo como más pero sus le ha dijo fue",
    "fr": "le la les de des du et en que un une est pour dans qui sur au aux par pas ne se il elle a été avec",
    "de": "der die das den dem des und ist nicht ein eine einer mit von zu im für auf sich auch es sie er wurde",
    "it": "il lo la gli le di del della e che un una per con non è sono ha da al nel si anche ma",
    "pt": "o a os as de do da dos das e que um uma para com não em no na por se foi ao mais",
    "nl": "de het een en van in is op dat die niet met voor zijn er aan ook als bij wordt werd",
}
_FUNCTION_SETS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
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
    """An ISO 639-1 code; "und" for long Latin-script text in none of the known languages; None without words."""
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
    shares = {code: sum(1 for w in words if w in vocabulary) / len(words) for code, vocabulary in _FUNCTION_SETS.items()}
    best = max(shares, key=shares.get)
    if best != "en" and shares[best] >= 0.08 and shares[best] > 1.5 * shares["en"]:
        return best
    if shares["en"] >= 0.08 or len(words) < 40:
        return "en"
    return "und"
