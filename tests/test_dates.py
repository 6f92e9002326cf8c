"""Dates: temporal expressions and their ISO values, resolved against the publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline import process

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seed" / "000_022b95cdbb7346cb.txt"
# Friday 20 November 2020
PUBLISHED = "2020-11-20"


def dates_of(text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str | None, str]]:
    article = process(text, published=published)
    for d in article.dates:
        assert article.text[d.start:d.end] == d.text
    return {d.text: (d.value, d.kind) for d in article.dates}


def test_weekdays_point_back_unless_the_clause_is_future():
    found = dates_of("The minister resigned on Friday. Talks took place last Wednesday. "
                     "The committee will meet on Tuesday.")
    assert found["Friday"] == ("2020-11-20", "date")  # the publication day itself
    assert found["last Wednesday"] == ("2020-11-18", "date")
    assert found["Tuesday"] == ("2020-11-24", "date")


def test_deictic_and_relative_expressions():
    found = dates_of("Yesterday the council met; today it voted, and tomorrow it adjourns. "
                     "Earlier this month prices rose. Next year the plan starts. Last year it failed.")
    assert found["Yesterday"][0] == "2020-11-19"
    assert found["today"][0] == "2020-11-20"
    assert found["tomorrow"][0] == "2020-11-21"
    assert found["Earlier this month"][0] == "2020-11"
    assert found["Next year"][0] == "2021"
    assert found["Last year"][0] == "2019"


def test_month_without_a_year_takes_the_sensible_year():
    found = dates_of("The ceasefire collapsed in March. Elections are due in February.")
    assert found["March"][0] == "2020-03"
    assert found["February"][0] == "2021-02"


@pytest.mark.parametrize("text", ["Nov. 20, 2020", "20 November 2020", "2020-11-20", "11/20/2020", "November 20th, 2020"])
def test_explicit_dates_in_common_formats(text):
    found = dates_of(f"The agreement was signed on {text} in Geneva.", published=None)
    assert found[text][0] == "2020-11-20"


def test_years_months_and_clock_times():
    found = dates_of("The war began in 2003 and ended in July 2011. The vote closes at 8:40 p.m.")
    assert found["2003"][0] == "2003"
    assert found["July 2011"][0] == "2011-07"
    assert found["8:40 p.m."] == ("2020-11-20T20:40", "time")


def test_durations_sets_and_vague_words_have_no_value():
    found = dates_of("The siege lasted three years. Patrols run every week. Recently the army withdrew; "
                     "talks will resume soon, but now the city is calm.")
    assert found["three years"] == (None, "duration")
    assert found["every week"] == (None, "set")
    for word in ("Recently", "soon", "now"):
        assert found[word] == (None, "vague")


def test_without_a_publication_date_relative_expressions_get_no_value():
    found = dates_of("The deal was reached last Wednesday and will take effect next year.", published=None)
    assert found["last Wednesday"] == (None, "date")
    assert found["next year"] == (None, "date")


def test_counts_and_numbers_are_not_years():
    found = dates_of("The army sent 2000 soldiers and 1,990 vehicles.")
    assert "2000" not in found and "1,990" not in found


@pytest.mark.skipif(not SEED.exists(), reason="shared seed corpus not present")
def test_seed_dates():
    found = dates_of(SEED.read_text(encoding="utf-8"), published=PUBLISHED)
    assert found["last Wednesday"][0] == "2020-11-18"
    assert found["Friday"][0] == "2020-11-20"


def test_a_month_on_a_reported_plan_is_not_past_because_the_reporting_was():
    # the telling is past, the cutback it tells of is the coming September
    found = dates_of("The kingdom told European refiners of a 20 percent cutback in its oil supply in September.",
                     "1990-08-16")
    assert found["September"][0] == "1990-09"
    found = dates_of("The talks, which are supposed to conclude by May, resumed on Monday.", "1998-03-22")
    assert found["May"][0] == "1998-05"
    found = dates_of("The company cut 300 jobs in October.", "1998-03-22")
    assert found["October"][0] == "1997-10"


def test_a_month_with_a_spoken_year():
    found = dates_of("Prices have risen since January nineteen ninety-seven, the minister said.", "1998-02-27")
    assert found["January nineteen ninety-seven"][0] == "1997-01"
