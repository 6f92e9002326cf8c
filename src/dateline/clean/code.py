"""Code left in flattened text: CSS rule blocks and JavaScript statements.

Found by syntax, not by literal strings: a CSS run is selectors followed by a ``{ prop:
value; }`` block; a script run is a statement that starts like code (``window.x =``,
``var x =``, ``foo.bar(``, ``!function``) and is balanced up to its ``;``. Both may be glued
onto prose with no separator, so boundaries are found token by token.
"""

from __future__ import annotations

import re

_BLOCK = re.compile(r"\{([^{}]*)\}")
_DECLARATION = re.compile(r"^\s*[-\w]+\s*:\s*\S[^;{}]*$")
_HTML_TAGS = frozenset(
    "a abbr article aside b blockquote body button caption code div dl dt dd em figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header html i iframe img input label li main nav ol p pre "
    "section small span strong sub sup table tbody td th thead tr u ul video svg".split()
)
_SELECTOR_SYMBOL = re.compile(r"^(?:[.#:\[*@(>+~,]|[{}]$)")
_TAG_SELECTOR = re.compile(r"^([a-z][a-z0-9]*)([.#:\[][^\s]*)?,?$")
_PAREN_TAIL = re.compile(r"^[\w.%-]+\)[,]?$")
# prose glued onto a class selector: "said.u29bebd..." -> selector starts at the dot
_GLUED_SELECTOR = re.compile(r"[.#][A-Za-z_-][\w-]{5,}|@media\b|@supports\b")


def _is_declaration_block(content: str) -> bool:
    """``{ min-height: 80px; position: relative; }``: every part is ``property: value``."""
    parts = [p for p in content.split(";") if p.strip()]
    if not parts:
        return not content.strip() or False
    return all(_DECLARATION.match(p) for p in parts)


def _is_selector_token(token: str) -> bool:
    if _SELECTOR_SYMBOL.match(token) or _PAREN_TAIL.match(token):
        return True
    m = _TAG_SELECTOR.match(token)
    return bool(m and m.group(1) in _HTML_TAGS)


def _selector_start(text: str, brace: int, floor: int) -> int:
    """Walk back from a ``{`` over selector tokens; the index where the selectors begin."""
    start = brace
    pos = brace
    while pos > floor:
        end = pos
        while end > floor and text[end - 1].isspace():
            end -= 1
        begin = end
        while begin > floor and not text[begin - 1].isspace():
            begin -= 1
        token = text[begin:end]
        if not token:
            break
        if _is_selector_token(token):
            start = pos = begin
            continue
        glued = None
        for m in ([] if "/" in token else _GLUED_SELECTOR.finditer(token)):
            glued = m
            break
        if glued is not None and glued.start() > 0:
            start = begin + glued.start()
        break
    return start


def find_css(text: str) -> list[tuple[int, int]]:
    """Spans of CSS rule runs (selectors + declaration blocks, @media wrappers included)."""
    spans: list[tuple[int, int]] = []
    floor = 0
    for m in _BLOCK.finditer(text):
        if not _is_declaration_block(m.group(1)):
            continue
        if ":" not in m.group(1) and not spans:
            continue  # "{}" alone is not enough to call something CSS
        start = _selector_start(text, m.start(), floor)
        if start == m.start() and not (spans and not text[spans[-1][1]:m.start()].strip()):
            continue  # a declaration block with no selector: not a stylesheet
        end = m.end()
        if spans and not text[spans[-1][1]:start].strip():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        floor = end
    # closing braces of @media wrappers and stray "}" right after a run
    out = []
    for start, end in spans:
        tail = re.match(r"(\s*\})+", text[end:])
        if tail:
            end += tail.end()
        out.append((start, end))
    return out


_JS_START = re.compile(
    # a declaration glued onto the end of a header or sentence ("at 11:52 AMvar x = ..."):
    # the keyword after a capital, a digit or punctuation, never inside a lowercase word
    r"(?<![a-z$.])(?:var|let|const)\s+[\w$]+\s*=(?!=)"
    r"|(?<![\w$.])(?:"
    r"!\s*function\s*\("
    r"|\(\s*[\w$]+\s*=\s*[\w$.]+\s*\|\|"
    r"|function\s*[\w$]*\s*\([\w$,\s]*\)\s*\{"
    r"|[\w$]+(?:\.[\w$]+)+\s*(?:=(?!=)|\()"
    r"|[\w$]+\(\s*['\"]"
    r")"
)
# what every statement start above holds ("=", "{", "||", 'f("', "a.b(", "function"): prose
# seldom does, and the start pattern, led by look-behinds, is tried at every position
_JS_NEEDS = re.compile(r"[={]|\|\||\(\s*['\"]|\.[\w$]+\s*\(|function")
_JS_CONTINUE = re.compile(
    r"\s*(?:!\s*function\b|function\b|(?:var|let|const|if|return)\b|\(|[\w$]+(?:\.[\w$]+)*\s*(?:\(|=(?!=)))"
)
_JS_SYMBOLS = frozenset("(){}[];=.|'\",!?:&+<>")


def _scan_statement(text: str, i: int, limit: int) -> int | None:
    """End index of one balanced JS statement starting at ``i``, or None if it never closes."""
    depth = 0
    n = min(len(text), i + limit)
    quote = None
    j = i
    while j < n:
        ch = text[j]
        if quote:
            if ch == "\\":
                j += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "'\"`":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                return None
            if depth == 0 and ch == "}":
                nxt = text[j + 1:j + 2]
                if not nxt or nxt.isspace():
                    rest = text[j + 1:j + 40].lstrip()
                    if not rest or rest[0] not in "().;,":
                        return j + 1
        elif ch == ";" and depth == 0:
            return j + 1
        elif ch == "\n" and depth == 0:
            return j
        j += 1
    return None


def _looks_like_code(chunk: str) -> bool:
    """Symbol density and code shape: prose has few of ``(){};=``."""
    if len(chunk) < 12:
        return False
    symbols = sum(1 for ch in chunk if ch in _JS_SYMBOLS)
    return symbols / len(chunk) >= 0.08 and bool(re.search(r"[;{}]|\)\s*$", chunk))


def find_js(text: str) -> list[tuple[int, int]]:
    """Spans of runs of JavaScript statements."""
    spans: list[tuple[int, int]] = []
    if not _JS_NEEDS.search(text):
        return spans
    pos = 0
    while True:
        m = _JS_START.search(text, pos)
        if not m:
            break
        start = m.start()
        end = _scan_statement(text, start, 4000)
        if end is None or not _looks_like_code(text[start:end]):
            pos = m.end()
            continue
        # more statements right after: "gtag('js', new Date()); gtag('config', ...);"
        while True:
            c = _JS_CONTINUE.match(text, end)
            if not c or "\n\n" in text[end:c.end()]:
                break
            nstart = end + (len(text[end:c.end()]) - len(text[end:c.end()].lstrip()))
            nend = _scan_statement(text, nstart, 4000)
            if nend is None or not _looks_like_code(text[nstart:nend]):
                break
            end = nend
        spans.append((start, end))
        pos = end
    return spans
