"""Numbers written in digits or words: "500", "2,500", "1.2 million", "five hundred", "dozens".

Shared by dates (durations: "three years") and counts (troops, casualties, money).
"""

from __future__ import annotations

import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000,
          # South Asian scales: "Rs 24 lakh" is 2.4 million rupees, "Rs 1,500 crore" 15 billion
          "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "crore": 10_000_000, "crores": 10_000_000}
ARTICLE_ONE = {"a": 1, "an": 1}
# vague quantities: the number reported is the low end of what the word can mean
VAGUE = {
    "dozen": 12, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000, "millions": 2_000_000,
    "several": 3, "a few": 2, "few": 2, "a handful": 3, "several hundred": 300,
    "several thousand": 3_000, "a couple": 2, "couple": 2, "many": 2,
}
SCALE_ABBREV = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                "mln": 1_000_000, "bln": 1_000_000_000, "tn": 1_000_000_000_000}

WORD_NUMBER = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
_WORD_TOKEN = rf"(?:{WORD_NUMBER})(?:-(?:{WORD_NUMBER}))?"
# "five hundred", "twenty-five thousand", "one hundred and fifty"
WORD_NUMBER_RE = rf"(?:{_WORD_TOKEN})(?:\s+(?:and\s+)?(?:{_WORD_TOKEN}|hundred|thousand|million|billion|lakhs?|crores?))*"
DIGITS_RE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE_RE = r"(?:\s*(?:hundred|thousand|million|billion|trillion|lakhs?|lac|crores?|mln|bln|bn|mn|[kmb])\b)?"
NUMBER_RE = re.compile(rf"(?<![\w.,])(?:(?:{DIGITS_RE}){SCALE_RE}|{WORD_NUMBER_RE})(?![\w])", re.I)


def words_to_number(text: str) -> float | None:
    """Value of a number written in words ("two thousand five hundred"), None if it is not one."""
    total, current, seen = 0, 0, False
    for word in re.split(r"[\s-]+", text.lower().strip()):
        if word == "and" and seen:
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ARTICLE_ONE and not seen:
            current += 1
        elif word == "hundred":
            current = (current or 1) * 100
        elif word == "dozen" and seen:
            current = (current or 1) * 12  # "two dozen"
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def parse_number(text: str) -> float | None:
    """Value of "500", "2,500", "1.2 million", "$3bn" (currency stripped), "five hundred"."""
    text = text.strip().lower().lstrip("$€£¥₹₦₩₽₺₪").strip()
    match = re.fullmatch(rf"({DIGITS_RE})\s*([a-z]+)?", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        scale = match.group(2)
        if scale is None:
            return value
        if scale in SCALES:
            return value * SCALES[scale]
        if scale in SCALE_ABBREV:
            return value * SCALE_ABBREV[scale]
        return None
    return words_to_number(text)


def vague_number(text: str) -> float | None:
    """Low end of a vague quantity word ("dozens" -> 24, "hundreds" -> 200)."""
    return VAGUE.get(" ".join(text.lower().split()))
