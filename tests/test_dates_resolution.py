"""Dates: which year, which week, which anchor a relative expression resolves against."""

from __future__ import annotations

from dateline import process

# Friday 20 November 2020
FRIDAY = "2020-11-20"


def dates_of(text: str, published: str | None = FRIDAY) -> dict[str, str | None]:
    article = process(text, published=published)
    for d in article.dates:
        assert article.text[d.start:d.end] == d.text
    return {d.text: d.value for d in article.dates}


def test_a_deadline_reported_in_the_past_tense_stays_in_the_coming_weeks():
    found = dates_of("The board set Dec. 10 as the deadline for rival bids, and it extended its offer to "
                     "December.", "2020-11-02")
    assert found["Dec. 10"] == "2020-12-10"
    assert found["December"] == "2020-12"


def test_a_month_well_ahead_in_a_past_clause_is_last_years():
    found = dates_of("Protests erupted in October and the governor resigned on Sept. 28.", "2021-01-15")
    assert found["October"] == "2020-10"
    assert found["Sept. 28"] == "2020-09-28"


def test_last_month_name_is_the_most_recent_one_before_last_month():
    found = dates_of("Parliament was dissolved last April. The ceasefire held until last October.")
    assert found["last April"] == "2020-04"
    assert found["last October"] == "2019-10"  # this month is October's successor: a year back


def test_weekdays_point_ahead_when_the_clause_does():
    found = dates_of("The two leaders meet Monday in Brussels. The envoy would travel to Cairo on Tuesday. "
                     "The ministry has scheduled a briefing Thursday. Officials could not be reached Wednesday.")
    assert found["Monday"] == "2020-11-23"  # the present tense of a schedule
    assert found["Tuesday"] == "2020-11-24"
    assert found["Thursday"] == "2020-11-26"
    assert found["Wednesday"] == "2020-11-18"  # "could not be reached" is past


def test_a_weekday_named_on_that_very_day_is_the_publication_day():
    found = dates_of("Police said on Friday that the curfew would be lifted.")
    assert found["Friday"] == FRIDAY


def test_a_clock_with_its_day():
    found = dates_of("Bids are due by 5 p.m. EST, Dec. 3, the regulator said.")
    assert found["5 p.m. EST, Dec. 3"] == "2020-12-03T17:00"


def test_year_end_fiscal_year_and_year_earlier():
    found = dates_of("Sales rose 4% from year-earlier levels and should pass $2 billion by year-end. "
                     "For the current fiscal year the company expects a loss.")
    assert found["year-earlier"] == "2019"
    assert found["year-end"] == "2020"
    assert found["the current fiscal year"] == "2020"


def test_names_ages_and_conjunctions_are_not_dates():
    found = dates_of("Foreign Minister Jan Kavan said the 6-year-old boy would be returned as soon as possible.")
    assert not any(text.startswith(("Jan", "6-year", "soon")) for text in found)


def test_years_that_name_events_or_results_stay_years():
    found = dates_of("Tickets for the 2022 World Cup sold out. In fiscal 2019, it had sales of $40 million. "
                     "Analysts cut their 2021 earnings estimates. The army sent 2000 soldiers.")
    assert found["2022"] == "2022"
    assert found["fiscal 2019"] == "2019"
    assert found["2021"] == "2021"
    assert "2000" not in found


def test_anaphoric_expressions_count_from_the_last_date_given():
    found = dates_of("Fighting broke out on March 3, 2019. The next day rebels seized the airport, and later "
                     "that year they took the capital.")
    assert found["The next day"] == "2019-03-04"
    assert found["later that year"] == "2019"
    found = dates_of("The envoy arrived on Tuesday, Nov. 17. He had met the rebels the previous Friday.")
    assert found["the previous Friday"] == "2020-11-13"


def test_the_day_before_an_event_named_is_not_anchored():
    found = dates_of("The vote was held on Nov. 3. Turnout was high the day before the vote.")
    assert "the day before" not in found


def test_a_headline_in_the_present_tells_a_past_event():
    # the dates stage alone: the pipeline's cleaner would lift a first-line headline into the title
    import datetime

    from dateline.analyse import dates
    from dateline.analyse.nlp import load
    from dateline.doc import Doc
    from dateline.record import Article, Source

    text = "Protesters storm parliament on Friday\n\nThe two leaders meet Monday in Brussels."
    article = Article(id="x", source=Source(path=None, url=None, format="text"), title=None, authors=[],
                      published="2020-11-21", dateline=None, language="en", text=text)
    doc = Doc(article=article, parsed=load()(text), published=datetime.date(2020, 11, 21))
    dates.annotate(doc)
    found = {d.text: d.value for d in doc.article.dates}
    assert found["Friday"] == "2020-11-20"  # a Saturday paper's headline: yesterday
    assert found["Monday"] == "2020-11-23"


def test_every_value_fits_the_contracts_iso_pattern():
    import re

    pattern = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$")
    text = ("Talks began in early March 2019, resumed the next day and ended the following month. "
            "By year-end, and in the third quarter of the fiscal year, sales rose from year-earlier levels. "
            "Last night, at 5 p.m. EST, Nov. 9, and in the 1990s, that week, recently and now.")
    values = [v for v in dates_of(text).values() if v is not None]
    assert values and all(pattern.match(v) for v in values)


def test_a_clock_takes_the_day_named_beside_it():
    found = dates_of("The strike began at 7 p.m. (1900 GMT) on Thursday, police said.")
    assert found["7 p.m."] == "2020-11-19T19:00"
    assert found["1900 GMT"] == "2020-11-19T19:00Z"  # a 24-hour clock, never the year 1900
    assert found["Thursday"] == "2020-11-19"


def test_what_is_due_lies_ahead():
    found = dates_of("The 2022 election is due in October.", "2021-02-15")
    assert found["October"] == "2021-10"
    assert found["2022"] == "2022"
