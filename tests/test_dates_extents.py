"""Dates: what belongs to an expression, what is not a time at all, and coarse but exact values."""

from __future__ import annotations

from dateline import process
from dateline.analyse.dates import is_part_of_a_name

# Friday 20 November 2020
FRIDAY = "2020-11-20"


def found_in(text: str, published: str | None = FRIDAY) -> dict[str, tuple[str | None, str]]:
    article = process(text, published=published)
    for d in article.dates:
        assert article.text[d.start:d.end] == d.text
    return {d.text: (d.value, d.kind) for d in article.dates}


def test_hedges_belong_to_the_expression():
    found = found_in("The deal should close around Dec. 1, the mayor said. The last convoy arrived around 7:15 p.m. "
                     "The first left nearly two weeks ago. We need help right now, she told the Harbour Courier.")
    assert found["around Dec. 1"] == ("2020-12-01", "date")
    assert found["nearly two weeks ago"][0] == "2020-11-06"
    assert found["around 7:15 p.m."][0] == "2020-11-20T19:15"  # the next sentence's date is not its day
    assert found["right now"] == (None, "vague")


def test_ages_rates_ordinals_and_fractions_are_not_durations():
    found = found_in("Mr. Okafor, 52 years old, runs a fleet of four ferries a week and saves $2 million a year. "
                     "A second group of protesters held more than a quarter of the square for three days.")
    assert "52 years" not in found
    assert "a week" not in found and "a year" not in found
    assert "A second" not in found and "a quarter" not in found
    assert found["three days"] == (None, "duration")


def test_reporting_periods_take_their_qualifiers():
    found = found_in("Net income fell in the 1988 period and in this year's third quarter, against a gain "
                     "for the corresponding period last year.")
    # no quarter value in the contract: the year that holds the quarter, when the words say which
    assert found["the 1988 period"] == ("1988", "date")
    assert found["this year's third quarter"] == ("2020", "date")
    assert found["the corresponding period last year"] == ("2019", "date")
    assert found_in("Sales fell in the third quarter.")["the third quarter"] == (None, "date")


def test_the_year_alone_is_the_publication_year():
    found = found_in("For the year, sales rose 4%. Output dipped earlier in the year. The Tribune named her "
                     "reporter of the year. Net for the year ended June 30 fell.")
    assert found["the year"] == ("2020", "date")
    assert found["earlier in the year"] == ("2020", "date")
    article = process("The Tribune named her reporter of the year. Net for the year ended June 30 fell.",
                      published=FRIDAY)
    assert [d.text for d in article.dates if d.text == "the year"] == []  # an award; a fiscal year


def test_calendar_weeks_take_the_month_that_holds_them():
    found = found_in("Talks began last week and resume next week.")
    assert found["last week"] == ("2020-11", "date")
    assert found["next week"] == ("2020-11", "date")
    # Monday 30 November: this week runs into December, so only the year holds it
    assert found_in("Talks resume this week.", "2020-11-30")["this week"] == ("2020", "date")
    assert found_in("Prices rose over the past week.")["the past week"] == (None, "date")


def test_deferrals_and_start_dates_look_ahead():
    found = found_in("The court postponed the hearing until Tuesday. The strike lasted until Monday. "
                     "The new tariff was announced, effective Feb. 1.")
    assert found["Tuesday"] == ("2020-11-24", "date")
    assert found["Monday"] == ("2020-11-16", "date")
    assert found["Feb. 1"] == ("2021-02-01", "date")


def test_time_words_in_title_case_names_are_not_dates():
    found = found_in("The minister, speaking on the Meridian Network's \"This Week,\" said so. He later told "
                     "Radio Harbour Today that the film reminded him of High Noon. \"Today we vote,\" she said.")
    assert "This Week" not in found and "High Noon" not in found and "Noon" not in found
    assert found["Today"] == ("2020-11-20", "date")  # a quotation opening with the word is prose
    # a headline line (no full stop before the line ends) keeps its Title Case dates
    headline = "Talks Resume Next Week\nThe talks resume in Geneva."
    assert not is_part_of_a_name(headline, headline.index("Next"), headline.index("\n"))


def test_holidays_follow_the_tense():
    found = found_in("Families gathered on Thanksgiving Day. Shops will close on Christmas Day.")
    assert found["Thanksgiving Day"] == ("2019-11-28", "date")  # gathered: last year's, not next week's
    assert found["Christmas Day"] == ("2020-12-25", "date")


def test_seasons_take_the_year_that_holds_them():
    found = found_in("Exports slumped last fall and recovered last summer; the port will expand next spring. "
                     "Last winter was harsh.", "2021-10-05")
    assert found["last fall"] == ("2020", "date")  # this fall has not ended in early October
    assert found["last summer"] == ("2021", "date")
    assert found["next spring"] == ("2022", "date")
    assert found["Last winter"] == (None, "date")  # December to February: no one year holds it


def test_a_bare_clock_in_a_past_clause_takes_the_storys_day():
    found = found_in("The minister resigned on Monday. Protesters gathered at 10 p.m. outside parliament. "
                     "The vote will start at 9 a.m.")
    assert found["10 p.m."] == ("2020-11-16T22:00", "time")  # Monday's night, not publication's
    assert found["9 a.m."] == ("2020-11-20T09:00", "time")  # not past: the publication day


def test_a_hyphenated_period_leaves_the_article_to_its_noun():
    found = found_in("Net income rose in the third-quarter results, unlike in the third quarter of 2019.")
    assert "third-quarter" in found and "the third-quarter" not in found
    assert found["the third quarter of 2019"] == ("2019", "date")


def test_now_opening_a_sentence_with_a_comma_is_a_discourse_turn():
    found = found_in("The plan failed in March. Now, he says, the army will wait. We need it now, she said.")
    assert "Now" not in found
    assert found["now"] == (None, "vague")


def test_weekends_take_the_month_that_holds_them():
    # Monday 1 April 2024: the weekend just gone was in March, the coming one in April
    found = found_in("Protests spread over the weekend. Organisers will rally again this weekend.", "2024-04-01")
    assert found["the weekend"] == ("2024-03", "date")
    assert found["this weekend"] == ("2024-04", "date")
    assert "weekends" not in found_in("Nurses work weekends.", "2024-04-01")
