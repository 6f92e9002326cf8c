"""Dates: each rule runs only around its trigger words, and finds exactly what a full scan finds."""

from __future__ import annotations

import pytest

from dateline.analyse import dates as D

TEXTS = [
    # modifiers well before the trigger word, clocks and zones well after it
    "The talks ran for the past more than twenty-five and a half years, officials said on "
    "Friday, Nov. 20, 2020, at 10:30 p.m. EST, and again at noon Thursday (1700 GMT).",
    # a capital I with a dot lowers to two characters: offsets must not drift
    "İstanbul, 3 March 2019 - İzmir officials met on 04/05/2019 and again in mid-March 2019, "
    "three weeks after the 2019-02-11 vote and two days before Christmas Eve.",
    # long whitespace runs and line breaks between the parts of one expression
    "Shares fell in the third\n\n     quarter of 1989 and in late                 September; "
    "the year-earlier figures, from the 1980s, came a year ago, every week, in recent months.",
    # nothing at all
    "No time words here, just 4,000 troops and $1995 in cash.",
    # expressions back to back, sharing windows
    "Monday, Tuesday, Wednesday; last week, next month, this year, 1999, 2000, the 1990s, "
    "nineteen ninety-six, the next day, the day before, that morning, the previous Friday.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_windowed_rules_find_what_a_full_scan_finds(text):
    lowered = D.lowered_text(text)
    assert len(lowered) == len(text)
    found_any = False
    for pattern, fn, trigger in D.RULES:
        full = [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
        windowed = [m.span() for m in D.rule_matches(pattern, text, D.trigger_windows(lowered, trigger))
                    if m.end() > m.start()]
        assert windowed == full, fn.__name__
        found_any = found_any or bool(full)
    assert found_any or "No time words" in text


def test_trigger_windows_merge_overlapping_hits():
    text = "In March and May, not in " + "x" * 300 + " June."
    windows = D.trigger_windows(D.lowered_text(text), D._trigger(D.T_MONTH))
    assert len(windows) == 2  # March and May share a window; June has its own
    assert windows[0][0] == 0 and windows[1][1] == len(text)
