"""A second copy of the article in the extracted body (texts written here)."""

from dateline.clean.body import without_repeated_copy

PARAS = [
    "The county council agreed on Thursday to reopen the old rail line between the two market towns by next spring.",
    "Passenger groups have campaigned for the reopening since the last train ran on the branch more than forty years ago.",
    "The council will pay for new signals and a rebuilt platform, while the operator has promised four trains a day.",
    "Residents near the line asked for a noise survey, and the council said one would be carried out before the work.",
    "A public meeting on the timetable will be held at the town hall on the first Monday of next month, at seven.",
    "Councillors also voted to study a second stage that would extend the line to the coast within the next decade.",
]


def test_the_articles_second_copy_is_removed():
    body = "\n".join(["Rail line to reopen", *PARAS, "Rail line to reopen", *PARAS])
    cleaned, removed = without_repeated_copy(body)
    assert cleaned.split("\n") == ["Rail line to reopen", *PARAS, "Rail line to reopen"]
    assert removed == PARAS


def test_a_pull_quote_that_repeats_a_paragraph_stays():
    body = "\n".join([*PARAS[:3], PARAS[1], *PARAS[3:]])
    assert without_repeated_copy(body) == (body, [])


def test_a_plan_that_repeats_some_steps_each_day_stays():
    steps = [f"Step {n}: warm up for ten minutes, then walk briskly along the river path and back to the bridge." for n in range(5)]
    days = [f"Day {d}: {PARAS[d % len(PARAS)]}" for d in range(12)]
    body = "\n".join([*days[:6], *steps, *days[6:], *steps])
    assert without_repeated_copy(body) == (body, [])
