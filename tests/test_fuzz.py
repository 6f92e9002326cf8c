"""A short fuzz run of the readers and the cleaner in CI (benchmarks/fuzz.py runs 10,000 each)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from fuzz_targets import byte_documents, clean_target, html_documents, read_target, text_documents

FAST = settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@FAST
@given(byte_documents())
def test_readers_never_crash(data):
    read_target(data)


@FAST
@given(html_documents())
def test_html_cleaner_never_crashes(html):
    clean_target(html, "html")


@FAST
@given(text_documents())
def test_text_cleaner_never_crashes(text):
    clean_target(text, "text")
