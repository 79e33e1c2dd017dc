"""Quotation marks: classify every mark from its neighbours, then pair them.

One compiled regex finds the mark characters of a paragraph (no loop over the
other characters); each mark is then classified from the characters next to
it. Single marks (‘ ’ ') and guillemets become opening, closing, ambiguous
(decided by what is open), apostrophe (can’t, ’90s, rock ’n’ roll), or a
*weak* opener/closer (’Tis, boys’, goin’: used only when nothing better comes).
Double marks (“ ” " „) get a cost as opener and as closer instead, and the
cheapest properly nested reading of all the double marks of the paragraph
decides them together (straight marks have no direction of their own). A stack
per paragraph then pairs marks of one pairing class; quotations of the
alternate family nest inside and are reported in ``nested``. Top-level
quotations are returned; a quotation left open at the end of a paragraph
continues into the next paragraph when that one starts with the same kind of
opening mark (the multi-paragraph convention), and is otherwise kept with
``closed=False``, ending at its paragraph end.

The mark table and the elision word lists are data: ``data/marks.json``.
Every step is linear in the length of the text, whatever the text.
"""

from __future__ import annotations

import json
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import attrs
import regex

FAMILIES: tuple[str, ...] = ("double", "single", "guillemet", "cjk")

_DATA = Path(__file__).with_name("data") / "marks.json"


@attrs.frozen(slots=True)
class RawQuote:
    """A paired quotation before attribution.

    ``start``/``end`` cover the whole quotation, marks included (end exclusive);
    ``content_start``/``content_end`` what is inside the marks, without the
    white space next to them. ``segments`` holds one ``(start, end)`` per
    paragraph (several for a multi-paragraph quotation). ``nested`` lists the
    quotations paired inside this one (the alternate family: “… ‘…’ …”).
    """

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool
    open_mark: str
    close_mark: str
    segments: tuple[tuple[int, int], ...]
    paragraph: int
    family: str = "double"
    nested: tuple[tuple[int, int], ...] = ()


@attrs.frozen(slots=True)
class _Mark:
    text: str
    family: str
    glyph: str  # open | close | left | right | straight | either (see marks.json)
    accept: str  # the key of the marks that close a quote this mark opens
    key: str  # the key this mark closes, when it closes
    low: bool
    single: bool  # a single mark: may be an apostrophe


def _load() -> tuple[dict[str, _Mark], frozenset[str], frozenset[str], frozenset[str]]:
    data: dict[str, Any] = json.loads(_DATA.read_text(encoding="utf-8"))
    table: dict[str, _Mark] = {}
    for row in data["marks"]:
        mark = row["mark"]
        mirror = row.get("mirror")
        pairs = row.get("pairs", "")
        table[mark] = _Mark(
            text=mark,
            family=row["family"],
            glyph=row["glyph"],
            accept=mirror if mirror else pairs,
            key=mark if mirror else pairs,
            low=bool(row.get("low", False)),
            single=pairs == "single",
        )
    return (
        table,
        frozenset(data["clitics"]),
        frozenset(data["leading_elisions"]),
        frozenset(data["trailing_elisions"]),
    )


_TABLE, _CLITICS, _LEADING, _TRAILING = _load()
_MARK_CHARS = frozenset(ch for mark in _TABLE for ch in mark)

# Roles a mark can take after classification.
_NONE, _APOS, _OPEN, _WOPEN, _CLOSE, _WCLOSE, _AMBIG = range(7)

# Neighbour classes: white space or paragraph edge, word, opening bracket,
# dash, other punctuation.
_S, _W, _O, _D, _P = range(5)
_LOOK = 3  # how many adjacent marks to look past for a neighbour
_RUN = 5  # this many adjacent mark characters are junk, not quotation marks


@lru_cache(maxsize=4096)
def _char_class(ch: str) -> int:
    if ch == "_" or ch == "*":  # Gutenberg/markdown emphasis hugs words: _never_
        return _W
    cat = unicodedata.category(ch)
    if cat[0] in "LNM":
        return _W
    if cat[0] == "Z" or cat in ("Cc", "Cf"):
        return _S
    if cat == "Pd" or ch == "/":
        return _D
    if cat == "Ps" or ch in "¿¡":
        return _O
    return _P


_NEXT_WORD = regex.compile(r"[^\W_]{1,12}")
_PREV_WORD = regex.compile(r"[^\W\d_]{1,12}$")
_DIGIT_ELISION = regex.compile(r"\d\ds?(?![^\W_])")


@lru_cache(maxsize=16)
def _pattern(families: frozenset[str]) -> regex.Pattern[str]:
    multi = sorted((m for m in _TABLE if len(m) > 1 and _TABLE[m].family in families), key=len)
    chars = "".join(m for m in _TABLE if len(m) == 1 and _TABLE[m].family in families)
    parts = []
    run_chars = "".join(sorted({ch for m in _TABLE if _TABLE[m].family in families for ch in m}))
    if run_chars:
        # More than four marks in a row ("“““““", "’’’’’", “‘“‘“‘…) pair nothing and are
        # matched as one junk run, so no text costs work per mark character.
        parts.append(f"(?P<r>[{regex.escape(run_chars)}]{{{_RUN},}})")
    if "single" in families:
        # rock ’n’ roll: one apostrophe token, never a quotation.
        parts.append(r"(?P<n>(?<![^\W_])[‘’']n[‘’'](?![^\W_]))")
    parts.extend(regex.escape(m) for m in reversed(multi))
    if chars:
        parts.append("[" + regex.escape(chars) + "]")
    return regex.compile("|".join(parts) if parts else r"(?!)")


@lru_cache(maxsize=16)
def _first_chars(families: frozenset[str]) -> str:
    """The characters that can start a match of ``_pattern(families)``."""
    return "".join(sorted({ch for m in _TABLE if _TABLE[m].family in families for ch in m}))


# Single marks that `_single_role` reads as an apostrophe between two letters or digits.
_APOSTROPHES = frozenset(
    m for m in _TABLE if _TABLE[m].single and _TABLE[m].glyph in ("left", "right", "straight")
)


def _mark_positions(text: str, chars: str) -> list[int]:
    """Sorted offsets of every one of ``chars`` in ``text``: `str.find` runs through a
    text far faster than a regex engine steps through it (and at once past a character
    wider than any of the text's), and quotation marks are few."""
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1)
    out.sort()
    return out


class _Paragraph:
    """The pairing state of one paragraph."""

    __slots__ = ("keys", "pairs", "stack", "strong")

    def __init__(self) -> None:
        # Entries: [start, mark end, mark, accept key, weak, pending close or None]
        self.stack: list[list[Any]] = []
        self.keys: dict[str, list[int]] = {}
        self.strong: dict[str, list[int]] = {}
        self.pairs: list[tuple[int, int, str, str]] = []

    def push(self, start: int, end: int, mark: _Mark, weak: bool) -> None:
        idx = len(self.stack)
        self.stack.append([start, end, mark, mark.accept, weak, None])
        self.keys.setdefault(mark.accept, []).append(idx)
        if not weak:
            self.strong.setdefault(mark.accept, []).append(idx)

    def pop(self) -> list[Any]:
        entry = self.stack.pop()
        self.keys[entry[3]].pop()
        if not entry[4]:
            self.strong[entry[3]].pop()
        return entry

    def innermost(self, key: str, weak_ok: bool) -> int:
        """Stack index of the innermost opener closed by ``key`` (strong first), or -1."""
        strong = self.strong.get(key)
        if strong:
            return strong[-1]
        if weak_ok:
            anyk = self.keys.get(key)
            if anyk:
                return anyk[-1]
        return -1

    def close(self, idx: int, end: int, mark: str) -> None:
        while len(self.stack) - 1 > idx:
            self._drop(self.pop())
        entry = self.pop()
        self.pairs.append((entry[0], end, entry[2].text, mark))

    def _drop(self, entry: list[Any]) -> None:
        pending = entry[5]
        if pending is not None:
            self.pairs.append((entry[0], pending[0], entry[2].text, pending[1]))

    def resolve_top(self, key: str) -> None:
        """A new opener of ``key``: an open quote of the same key with a weak
        closer pending ends there (‘The boys’, said she, ‘are out.’)."""
        if self.stack:
            top = self.stack[-1]
            if top[3] == key and top[5] is not None:
                self._drop(self.pop())

    def finish(self) -> list[Any] | None:
        """Resolve what is still open; return the lowest strong unclosed opener."""
        unclosed = None
        while self.stack:
            entry = self.pop()
            if entry[5] is not None:
                self._drop(entry)
            elif not entry[4]:
                unclosed = entry
        return unclosed


def _neighbours(text: str, start: int, end: int, ps: int, pe: int) -> tuple[int, int]:
    """Classes of the characters before and after a mark, looking past adjacent marks."""
    i = start - 1
    n = 0
    while i >= ps and text[i] in _MARK_CHARS and n < _LOOK:
        i -= 1
        n += 1
    prev = _char_class(text[i]) if i >= ps else _S
    j = end
    n = 0
    while j < pe and text[j] in _MARK_CHARS and n < _LOOK:
        j += 1
        n += 1
    nxt = _char_class(text[j]) if j < pe else _S
    return prev, nxt


def _single_role(
    text: str, start: int, end: int, ps: int, pe: int, mark: _Mark, prev: int, nxt: int
) -> int:
    """Role of ‘ ’ ' : quotation mark, apostrophe, or weak (decided by pairing)."""
    before = _char_class(text[start - 1]) if start > ps else _S
    after = _char_class(text[end]) if end < pe else _S
    if before == _W and after == _W:  # can’t, o’clock, Mexico’s
        return _APOS
    glyph = mark.glyph
    if after == _W:  # an opener or a leading elision (’tis, ’90s, ’s)
        if _DIGIT_ELISION.match(text, end, pe):
            return _APOS
        m = _NEXT_WORD.match(text, end, pe)
        word = m.group() if m else ""
        if m and (m.end() >= pe or _char_class(text[m.end()]) != _W):
            if word in _CLITICS or word in _LEADING:
                return _APOS
            if word.lower() in _LEADING and word[:1].isupper():
                return _WOPEN  # ’Tis: an elision that may also open a quote
        if prev == _P and glyph != "left":
            return _AMBIG  # ,'he — a closer with a space missing, or an opener
        if glyph == "right":
            return _WOPEN  # typographically an apostrophe; careless text uses it to open
        if glyph == "straight" and word[:1].islower():
            return _WOPEN  # 'ome, 'e — h-dropping, or a quote resumed in lower case
        return _OPEN
    if before == _W:  # a closer or a trailing elision (boys’, goin’, o’)
        m = _PREV_WORD.search(text, max(ps, start - 12), start)
        word = m.group().lower() if m else ""
        if word in _TRAILING or word.endswith("s") or (len(word) > 3 and word.endswith("in")):
            return _WCLOSE
        return _CLOSE
    if prev in (_P, _D) and nxt != _W:  # think--’ (for
        return _CLOSE
    if prev in (_S, _O) and nxt in (_P, _O, _D, _W):
        return _WOPEN if glyph == "right" else _OPEN
    if prev == _W and nxt != _W:
        return _CLOSE
    if prev == _S and nxt == _S and glyph != "left":
        return _AMBIG  # PTB spacing: ' Hello , ' said he
    return _NONE


def _role(text: str, start: int, end: int, ps: int, pe: int, mark: _Mark) -> int:
    """Role of a mark that is not of the double class (those are decided by costs)."""
    glyph = mark.glyph
    if glyph == "open":
        return _OPEN
    if glyph == "close":
        return _CLOSE
    prev, nxt = _neighbours(text, start, end, ps, pe)
    if mark.single:
        return _single_role(text, start, end, ps, pe, mark, prev, nxt)
    # either (guillemets)
    closing = prev in (_W, _P) and nxt in (_S, _P, _D)
    if closing or (prev == _D and nxt in (_S, _P)):
        return _CLOSE
    if (prev in (_S, _O) and nxt in (_W, _O)) or prev == _D:
        return _OPEN
    return _AMBIG  # French spacing: « Bonjour », — decided by what is open


# The double marks of a paragraph are decided together: each gets a cost as an
# opener and as a closer from its glyph and neighbours, and the cheapest reading
# of them all as properly nested openers and closers (Viterbi over nesting
# depths) wins. The straight mark has no direction of its own, so one odd mark
# (a passage starting inside a quotation, PTB spacing ` " Hello , " said he . `,
# a “ closed by ") does not flip every quotation after it.
_SKIP = 2.5  # a stray mark (inches, ditto)
_START_INSIDE = 2.0  # the paragraph starts inside a quotation (a bad split)
_END_INSIDE = 1.0  # the quotation goes on in the next paragraph, or is unclosed
_NEST = 1.5  # a quotation inside another of the same class
# A curly “ only opens: a quotation inside another is a likelier reading of it than of
# a straight mark, which may close the outer one as well ("… as “too loud” or “too
# shrill” or “too meek.”" is one quotation, not one closed by the first ”).
_NEST_CURLY = 1.2
# A height in feet and inches (6’2”, 5'10"): the double mark is the inch sign.
_FEET_INCHES = regex.compile(r"(?<![\w.,])\d[’'′]\d{1,2}$")
_INCH = 9.0  # costlier than skipping either way
_SPACE = regex.compile(r"\s{1,3}")
_SPACE_BACK = regex.compile(r"\s{1,3}$")


def _double_costs(
    text: str, start: int, end: int, ps: int, pe: int, mark: _Mark, after_low: bool
) -> tuple[float, float]:
    """(cost as an opener, cost as a closer) of a double mark; ``after_low``: the
    last curly or low mark before it was a low-9 opener („…“)."""
    glyph = mark.glyph
    if glyph == "open":
        return (0.0, 5.0)
    if glyph == "close":
        return (5.0, 0.0)
    if glyph != "left" and _FEET_INCHES.search(text, max(ps, start - 6), start):
        return (_INCH, _INCH)  # 6’2”: inches, skipped as a stray mark
    prev, nxt = _neighbours(text, start, end, ps, pe)
    opening = prev in (_S, _O) and nxt != _S
    closing = prev in (_W, _P, _D) and nxt in (_S, _P, _D)
    if glyph == "left":
        if after_low and not (opening and nxt == _W):
            cost = (2.5, 0.0)  # „Ja“
        elif closing or (prev == _W and nxt == _W):
            cost = (1.0, 0.5)  # a careless “ after a word
        else:
            cost = (0.0, 2.5)
    elif glyph == "right":
        cost = (0.3, 1.0) if opening else (2.5, 0.0)  # Swedish ”…”, or careless
    elif opening:
        cost = (0.0, 3.0)
    elif prev in (_W, _P) and nxt in (_S, _P, _D):
        cost = (3.0, 0.0)
    elif prev == _D:
        cost = (2.0, 0.0) if nxt in (_S, _P) else (0.4, 0.6)
    elif prev == _S and nxt == _S:
        cost = _spaced_costs(text, start, end, ps, pe)
    elif prev == _P and nxt == _W:
        cost = (0.5, 0.5)  # ,"he or ."The: a space missing on one side
    else:
        cost = (1.0, 1.0)
    if start == ps:
        cost = (cost[0], cost[1] + 3.0)  # nothing is open at a paragraph start
    if end == pe:
        cost = (cost[0] + 2.0, cost[1])
    return cost


def _spaced_costs(text: str, start: int, end: int, ps: int, pe: int) -> tuple[float, float]:
    """Costs of a straight double mark with white space on both sides (PTB text):
    judged from the characters beyond the spaces."""
    m = _SPACE_BACK.search(text, max(ps, start - 3), start)
    i = m.start() - 1 if m else start - 1
    m = _SPACE.match(text, end, pe)
    j = m.end() if m else end
    if i < ps:
        return (0.0, 2.0)
    if j >= pe:
        return (2.0, 0.0)
    before, after = text[i], text[j]
    if after in _MARK_CHARS:
        return (1.0, 0.0)  # " " : one quotation ends, the next begins
    if before in _MARK_CHARS:
        return (0.0, 1.0)
    if before == ":":
        return (0.0, 1.0)
    lower = after.islower()
    if before in ".!?" and lower:
        return (1.5, 0.0)  # ! " said he
    if before in ",;" and lower:
        return (0.6, 0.2)  # , " said he — or: he repeated , " of another
    if _char_class(before) == _W and after.isupper():
        return (0.0, 1.0)  # said " Hello
    return (0.5, 0.5)


def _decide_doubles(costs: list[tuple[float, float]], nests: list[float]) -> list[int]:
    """Roles (_OPEN, _CLOSE or _NONE) of a paragraph's double marks.

    States are nesting depths 0..2 (a straight quotation inside another one
    happens: "I'd never say "no" to that"); each mark opens (depth + 1), closes
    (depth - 1) or is skipped as stray, at the costs its neighbours give, opening
    inside a quotation at its ``nests`` cost more.
    """
    # The three depths unrolled (this runs for every double mark of the text): at
    # each depth, skipping the mark, then opening (from one less), then closing
    # (from one more), a later choice only when strictly cheaper.
    skip = _SKIP
    d0, d1, d2 = 0.0, _START_INSIDE, float("inf")
    back: list[tuple[int, int, int]] = []  # per mark and depth reached: the role taken
    for (open_cost, close_cost), nest in zip(costs, nests, strict=True):
        b0, r0 = d0 + skip, _NONE
        if d1 + close_cost < b0:
            b0, r0 = d1 + close_cost, _CLOSE
        b1, r1 = d1 + skip, _NONE
        if d0 + open_cost < b1:
            b1, r1 = d0 + open_cost, _OPEN
        if d2 + close_cost < b1:
            b1, r1 = d2 + close_cost, _CLOSE
        b2, r2 = d2 + skip, _NONE
        if d1 + open_cost + nest < b2:
            b2, r2 = d1 + open_cost + nest, _OPEN
        d0, d1, d2 = b0, b1, b2
        back.append((r0, r1, r2))
    depth = (d0, d1, d2)
    d = min(range(3), key=lambda k: depth[k] + _END_INSIDE * k)
    out = [_NONE] * len(costs)
    for k in range(len(costs) - 1, -1, -1):
        role = back[k][d]
        out[k] = role
        if role == _CLOSE:
            d += 1
        elif role == _OPEN:
            d -= 1
    return out


def _pair_paragraph(
    text: str,
    ps: int,
    pe: int,
    pattern: regex.Pattern[str],
    starts: list[int],
    curly: bool = False,
) -> tuple[list[tuple[int, int, str, str]], list[Any] | None]:
    """Closed pairs (any depth) and the unclosed top-level opener of one paragraph;
    ``starts``: the sorted offsets where a match of ``pattern`` can start (of the
    whole text, see `_mark_positions`); ``curly``: the document quotes in curly
    double marks."""
    marks: list[tuple[int, int, _Mark, int]] = []
    doubles: list[int] = []  # indices in marks of the double marks
    costs: list[tuple[float, float]] = []
    nests: list[float] = []
    after_low = False
    # `pattern.finditer` over the paragraph, but tried only where a mark character is.
    match = pattern.match
    pos = ps
    k = bisect_left(starts, ps)
    n = len(starts)
    while k < n and (p := starts[k]) < pe:
        k += 1
        if p < pos:
            continue  # inside the match before
        if (
            ps < p < pe - 1
            and text[p] in _APOSTROPHES
            and text[p - 1].isalnum()
            and text[p + 1].isalnum()
            and text[p + 1] != "n"  # rock ’n’ roll is matched as one token
        ):
            continue  # can’t, Mexico’s: `_single_role` makes it an apostrophe
        m = match(text, p, pe)
        if m is None:
            continue
        pos = m.end()
        if m.lastgroup is not None:  # rock ’n’ roll, or a junk run of marks
            continue
        start, end = m.span()
        mark = _TABLE[m.group()]
        if curly and start == ps and _excerpt_opener(text, ps, pe, mark):
            continue
        if mark.accept == "double":
            doubles.append(len(marks))
            costs.append(_double_costs(text, start, end, ps, pe, mark, after_low))
            nests.append(_NEST_CURLY if mark.glyph == "left" else _NEST)
            marks.append((start, end, mark, _NONE))
            if mark.glyph != "straight":
                after_low = mark.low
            continue
        role = _role(text, start, end, ps, pe, mark)
        if role > _APOS:
            marks.append((start, end, mark, role))
    if doubles:
        for k, role in zip(doubles, _decide_doubles(costs, nests), strict=True):
            start, end, mark, _ = marks[k]
            marks[k] = (start, end, mark, role)

    state = _Paragraph()
    for start, end, mark, role in marks:
        if role == _NONE:
            continue
        if role == _CLOSE and start == ps and mark.glyph != "close":
            role = _AMBIG  # nothing is open yet: a careless ’ starting a paragraph opens
        if role == _AMBIG:
            role = _CLOSE if state.innermost(mark.key, mark.single) >= 0 else _OPEN
            if mark.single and mark.glyph != "left" and role == _OPEN:
                role = _WOPEN
        if role == _OPEN or role == _WOPEN:
            state.resolve_top(mark.accept)
            state.push(start, end, mark, role == _WOPEN)
        elif role == _CLOSE:
            idx = state.innermost(mark.key, True)
            if idx >= 0:
                state.close(idx, end, mark.text)
        elif role == _WCLOSE and state.stack:
            top = state.stack[-1]
            # Two weak marks pair only when punctuation follows: 'a deal for workers'.
            weak_ok = not top[4] or (end >= pe or text[end] in ".,;:!?")
            if top[3] == mark.key and weak_ok and top[5] is None:
                top[5] = (end, mark.text)
    return state.pairs, state.finish()


# A document quotes in curly marks when it has this many “ and at least twice as many
# curly double marks as straight ones.
_CURLY_OPENERS = 3


def _quotes_in_curly(text: str) -> bool:
    """The document's double quotations use curly marks (“…”), straight ones rarely."""
    opening = text.count("\u201c")
    return opening >= _CURLY_OPENERS and opening + text.count("\u201d") >= 2 * text.count('"')


def _excerpt_opener(text: str, ps: int, pe: int, mark: _Mark) -> bool:
    """A straight " opening a paragraph that no other straight mark closes, in a
    document quoting in curly marks: the paragraph opener of an excerpt pasted from
    elsewhere ("The first time she saw him, … what she called a “rant,” …), not the
    start of a quotation; the paragraph's curly quotations, paired among themselves,
    are its own."""
    return (
        mark.glyph == "straight"
        and not mark.single
        and text.count('"', ps + 1, pe) == 0
        # “But we won,” she said: a curly mark closing it is careless typing.
        and text.count("\u201c", ps, pe) == text.count("\u201d", ps, pe)
    )


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@attrs.define(slots=True)
class _Item:
    start: int
    end: int
    closed: bool
    mark: _Mark
    close_mark: str
    nested: list[tuple[int, int]]
    inner: list[_Item] = attrs.field(factory=list)  # top-level pairs inside an unclosed item


def _sweep(pairs: list[tuple[int, int, str, str]]) -> list[_Item]:
    """Outermost pairs as items, each with the pairs it contains (pairs never cross)."""
    out: list[_Item] = []
    for s, e, om, cm in pairs:
        if out and s < out[-1].end:
            out[-1].nested.append((s, e))
        else:
            out.append(_Item(s, e, True, _TABLE[om], cm, []))
    return out


def _items(
    text: str,
    ps: int,
    pe: int,
    pattern: regex.Pattern[str],
    starts: list[int],
    curly: bool = False,
) -> list[_Item]:
    """Top-level quotations of one paragraph, in order."""
    pairs, unclosed = _pair_paragraph(text, ps, pe, pattern, starts, curly)
    pairs.sort(key=lambda p: (p[0], -p[1]))
    if unclosed is None:
        return _sweep(pairs)
    cut = 0
    while cut < len(pairs) and pairs[cut][0] < unclosed[0]:
        cut += 1
    out = _sweep(pairs[:cut])
    inner = _sweep(pairs[cut:])
    end = max(_trim_end(text, unclosed[0], pe), unclosed[1])
    nested = [(s, e) for s, e, _, _ in pairs[cut:]]
    out.append(_Item(unclosed[0], end, False, unclosed[2], "", nested, inner))
    return out


def _has_content(text: str, item: _Item) -> bool:
    """Not an empty pair ("" in markup, `“ ”`)."""
    inner = text[item.start + len(item.mark.text) : item.end - len(item.close_mark)]
    return bool(inner) and not inner.isspace()


def _doubtful(item: _Item, ps: int) -> bool:
    """An unclosed quotation better read as nothing: no content, or a straight or
    right single mark inside a paragraph, which is far more often an elision
    (on 'Change, 'Arry) than a quotation left open."""
    if item.end <= item.start + len(item.mark.text):
        return True
    return item.mark.single and item.mark.glyph in ("straight", "right") and item.start != ps


def _clean_paragraphs(
    text: str, paragraphs: Sequence[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """(index, start, end) of the usable paragraphs: clamped, ordered, non-empty."""
    n = len(text)
    out = []
    last = 0
    for i, (s, e) in enumerate(paragraphs):
        s = max(s, last, 0)
        e = min(e, n)
        if s < e:
            out.append((i, s, e))
            last = e
    return out


# A social-media footer paragraph: "Follow Ana Ruiz on Twitter @anaruiz", "Follow @desk",
# "Follow her on Twitter: https://…". Only as the next paragraph of an open quotation.
_FOLLOW_FOOTER = regex.compile(
    r"[ \t]*+Follow[ \t\u00a0]++(?:[^@\n]{0,80}?[ \t\u00a0:])?(?:@\w|https?://)"
)
_FOOTER_LENGTH = 200


def find_quotations(
    text: str, paragraphs: Sequence[tuple[int, int]], families: frozenset[str]
) -> list[RawQuote]:
    """Top-level quotations in ``text``, sorted by start and non-overlapping.

    Args:
        text: the caller's original string.
        paragraphs: ``(start, end)`` spans from the layout stage; pairing
            restarts at each one, so a stray mark disturbs only its paragraph.
        families: the mark families to pair (a subset of `FAMILIES`).
    """
    pattern = _pattern(frozenset(families))
    starts = _mark_positions(text, _first_chars(frozenset(families)))
    curly = _quotes_in_curly(text)
    out: list[RawQuote] = []
    run: _Run | None = None  # a quotation left open at the end of the previous paragraph
    prev_index = -2
    for index, ps, pe in _clean_paragraphs(text, paragraphs):
        k = bisect_left(starts, ps)
        if k < len(starts) and starts[k] < pe:
            items = _items(text, ps, pe, pattern, starts, curly)
            if "single" in families and text.find("''", ps, pe) >= 0:
                items = _outside_typewriter(text, ps, pe, items)
        else:
            items = []  # no mark: most paragraphs of news
        if run is not None:
            head = items[0] if items else None
            if (
                head is not None
                and index == prev_index + 1
                and head.start == ps
                and _FOLLOW_FOOTER.match(text, head.start + len(head.mark.text), pe) is not None
                and pe - ps <= _FOOTER_LENGTH
            ):
                # "Follow Ana Ruiz on Twitter @anaruiz.": the article's footer, caught in
                # the marks of a transcript quoted paragraph by paragraph; the quotation
                # ended with the paragraph before, left open.
                items.pop(0)
                _end_run(text, run, out)
                run = None
            elif (
                head is not None
                and index == prev_index + 1
                and head.start == ps
                and head.mark.accept == run.first.mark.accept
                and not _only_inner(text, run)
            ):
                # The multi-paragraph convention: the opening mark repeated.
                items.pop(0)
                run.add(head, index, ps)
                if head.closed:
                    out.append(_record(text, run, head))
                    run = None
            else:
                _end_run(text, run, out)
                run = None
        for item in items:
            if item.closed:
                if _has_content(text, item):
                    out.append(_record(text, _Run(item, index, ps), item))
            else:  # an unclosed item is always the last of its paragraph
                run = _Run(item, index, ps)
        prev_index = index
    if run is not None:
        _end_run(text, run, out)
    if "double" in families:
        out = _with_dash_dialogue(text, paragraphs, out)
        out = _with_cried_italics(text, paragraphs, out)
    return out


# Plain-text italics (_Halloo_), at most one line break inside.
_ITALICS = regex.compile(r"_[^_\r\n]{1,60}(?:\r?\n[^_\r\n]{1,60})?_(?!\w)")
# Right before them, a verb of crying out ("cried out three times,", "cry aloud", "crying
# aloud,"), "a shout of", or "repeating" and a comma or colon ("repeating it twice,"):
# the italics are the words cried or said again, often in a foreign tongue.
_CRIED_BEFORE = regex.compile(
    r"(?i)\b(?:(?:cr(?:y|ies|ied|ying)|shout(?:s|ed|ing)?|call(?:s|ed|ing)?|"
    r"scream(?:s|ed|ing)?|yell(?:s|ed|ing)?|roar(?:s|ed|ing)?)[ \t\r\n]+(?:out|aloud)\b"
    r"[^_\"\u201c\u201d\u2018\u2019.;:!?]{0,50}?[,:]?|(?:shouts?|cry|cries|yells?|roars?)"
    r"[ \t\r\n]+of|repeat(?:s|ed|ing)?\b[^_\"\u201c\u201d\u2018\u2019.;:!?]{0,50}?[,:])[ \t\r\n]+$"
)
_CRIED_REACH = 80


def _with_cried_italics(
    text: str, paragraphs: Sequence[tuple[int, int]], found: list[RawQuote]
) -> list[RawQuote]:
    """``found`` plus the phrases in italics that a verb of crying out introduces
    ("one of them cried out, _Tolgo phonac_"): the italics stand for quotation marks."""
    if "_" not in text:
        return found  # one scan in C: most texts have no underscore
    taken = [(q.start, q.end) for q in found]
    starts = [paragraph[0] for paragraph in paragraphs]
    added: list[RawQuote] = []
    for m in _ITALICS.finditer(text):
        start, end = m.span()
        k = bisect_right(taken, (start, len(text))) - 1
        if k >= 0 and taken[k][1] > start:
            continue  # inside a quotation
        before = _CRIED_BEFORE.search(text, max(0, start - _CRIED_REACH), start)
        if before is None or "\n\n" in before.group():
            continue
        index = bisect_right(starts, start) - 1
        added.append(
            RawQuote(
                start=start,
                end=end,
                content_start=start + 1,
                content_end=end - 1,
                closed=True,
                open_mark="_",
                close_mark="_",
                segments=((start, end),),
                paragraph=index,
                family="double",
            )
        )
    if not added:
        return found
    return sorted([*found, *added], key=lambda q: q.start)


# Before a typewriter '' that opens a quotation: a paragraph start, a space, a bracket, a dash.
_TYPEWRITER_BEFORE = frozenset(" \t\n([{-\u2013\u2014")


def _typewriter_spans(text: str, ps: int, pe: int) -> list[tuple[int, int]]:
    """Insides of the quotations of one paragraph written with two apostrophes for both
    marks (''Q,'' she said: archive text). Such a mark opens after a space or at the
    paragraph start, before a word; the next one closes. Not paired as quotations
    (PTB's ``Q'' opens with backquotes: there '' only closes, and no span is found)."""
    out: list[tuple[int, int]] = []
    opened = -1
    i = text.find("''", ps, pe)
    while i >= 0:
        if opened >= 0:
            out.append((opened, i))
            opened = -1
        elif (
            (i == ps or text[i - 1] in _TYPEWRITER_BEFORE)
            and i + 2 < pe
            and not text[i + 2].isspace()
        ):
            opened = i + 2
        i = text.find("''", i + 2, pe)
    if opened >= 0:
        out.append((opened, pe))  # goes on in the next paragraph
    return out


def _outside_typewriter(text: str, ps: int, pe: int, items: list[_Item]) -> list[_Item]:
    """Drop the single-mark quotations inside a typewriter ''…'' quotation: a quotation
    inside a quotation (''I told them, 'Not today,' and left,'' she said), part of the
    outer one's words, not a statement of its own."""
    inside = _typewriter_spans(text, ps, pe)
    if not inside:
        return items
    kept = []
    for item in items:
        # The spans are sorted and disjoint: the last one starting at or before the item.
        k = bisect_right(inside, (item.start, pe)) - 1
        if not item.mark.single or k < 0 or item.start >= inside[k][1]:
            kept.append(item)
    return kept


@attrs.define(slots=True)
class _Run:
    first: _Item
    paragraph: int
    paragraph_start: int
    segments: list[tuple[int, int]] = attrs.field(init=False)
    nested: list[tuple[int, int]] = attrs.field(init=False)
    # The quotations paired inside each paragraph's part, with its paragraph (index,
    # start): what is left of a transcript's turns when their marks are stray.
    inner: list[tuple[_Item, int, int]] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.segments = [(self.first.start, self.first.end)]
        self.nested = list(self.first.nested)
        self.inner = [(item, self.paragraph, self.paragraph_start) for item in self.first.inner]

    def add(self, head: _Item, index: int, ps: int) -> None:
        """The next paragraph's part, opened by the repeated mark."""
        self.segments.append((head.start, head.end))
        self.nested.extend(head.nested)
        self.inner.extend((item, index, ps) for item in head.inner)


# A transcript's speaker label after a paragraph's opening mark: "WALLACE:", "SEN. ANN
# WEBB:" — capitals only, as transcripts print them ("Yes: I knew" opens a speech).
_SPEAKER_LABEL = regex.compile(
    r"[ \t\u00a0]*+\p{Lu}[\p{Lu}.'\u2019-]++(?:[ \t\u00a0]\p{Lu}[\p{Lu}.'\u2019-]*+){0,3}:(?=\s)"
)


def _transcript_turns(text: str, run: _Run) -> bool:
    """A quotation that opens with a speaker label and is never closed: transcript
    turns, each paragraph opened by a stray mark ("WALLACE: … ¶"PENCE: …), not one
    long quotation; a label's line is the speaker's own statement (`indirect_colon`).
    A quoted excerpt of a transcript closes at its end, and is a quotation."""
    first = run.first
    start = first.start + len(first.mark.text)
    return first.start == run.paragraph_start and (
        _SPEAKER_LABEL.match(text, start, first.end) is not None
    )


def _only_inner(text: str, run: _Run) -> bool:
    """The open quotation is one paragraph of nothing but a closed inner quotation
    (“‘Room 12, second floor.’ ¶): its closing mark was left out, so the next paragraph's
    opening mark starts a quotation of its own, not the same one going on."""
    first = run.first
    if len(run.segments) != 1 or first.closed:
        return False
    start = first.start + len(first.mark.text)
    return any(s == start and not text[e : first.end].strip() for s, e in first.nested)


def _end_run(text: str, run: _Run, out: list[RawQuote]) -> None:
    """A quotation that stays unclosed: keep it, or only what was paired inside it."""
    if _transcript_turns(text, run):
        for item, index, ps in run.inner:
            out.append(_record(text, _Run(item, index, ps), item))
    elif len(run.segments) == 1 and _doubtful(run.first, run.paragraph_start):
        for item in run.first.inner:
            out.append(_record(text, _Run(item, run.paragraph, run.paragraph_start), item))
    else:
        out.append(_record(text, run, None))


def _record(text: str, run: _Run, last: _Item | None) -> RawQuote:
    """Build a RawQuote; ``last`` is the item that closes it, or None when unclosed."""
    first = run.first
    start = first.start
    end = run.segments[-1][1]
    close_mark = last.close_mark if last is not None and last.closed else ""
    cs, ce = _content(text, start + len(first.mark.text), end - len(close_mark))
    return RawQuote(
        start=start,
        end=end,
        content_start=cs,
        content_end=ce,
        closed=bool(close_mark),
        open_mark=first.mark.text,
        close_mark=close_mark,
        segments=tuple(run.segments),
        paragraph=run.paragraph,
        family=first.mark.family,
        nested=tuple(sorted(run.nested)),
    )


# --- dash dialogue: "—Come in, Tom! he called. Come in." ---------------------------------------
#
# Some novels mark speech by a dash at the start of the paragraph and no quotation
# marks (Joyce; the continental convention). The turn runs to the paragraph end,
# except where a speech tag interrupts it ("—Thank you, friend, he said quietly.
# That will do."): the tag's clause is narration and the words after it a second
# quotation. A document uses the convention when several of its paragraphs open
# with a dash, some of them (or the paragraph before) show speech ("he said", a
# colon), and no more of its paragraphs open with a quotation mark.

# Paragraphs that must open with a dash, and show speech, before the dashes are dialogue.
DASH_TURNS = 3
DASH_SPEECH = 2
# Words of a speech tag before its clause must end ("he said with a kind smile.").
TAG_WORDS = 12
SHORT_TAG_WORDS = 4

_DASH_HEAD = regex.compile(r"[ \t]*+(?:\u2014|\u2015|--)(?![-\u2014\u2015])[ \t]*+(?=\S)")
_QUOTE_HEAD = regex.compile(r"[ \t]*+[\"\u201c\u201e\u2018\u00ab']")
# A possible end of the spoken part: a comma or a sentence end, then a space.
_BREAK = regex.compile(r"[,!?.;\u2026]++[ \t\r\n]++")
# The next few words after a break: a speech tag is "he said", "said Jack Malone".
_WORDS = regex.compile(r"[\w\u2019'-]++(?:[ \t\r\n]++[\w\u2019'-]++){0,3}")
_CLAUSE_END = regex.compile(r"[.!?:](?=[ \t\r\n]|$)")
# A tag of a few words closed by a comma ("said Ann,", "he said,"), and what after that
# comma still belongs to the tag: a participle, an adverb, a phrase ("he said, smiling.",
# "said Ann, slowly", "he said, with a laugh").
_TAG_REACH = 80
_TAG_COMMA = regex.compile(r"[\w\u2019'-]++(?:[ \t\r\n]++[\w\u2019'-]++){1,3},[ \t\r\n]++")
_TAG_GOES_ON = regex.compile(
    r"(?:[\w\u2019'-]*(?:ing|ly)\b|(?i:with|in|to|at|as|and|but|for|after|before|without|"
    r"then|quietly|again|too)\b|[^\w])"
)
_DASHES = "-\u2013\u2014\u2015"
_TAG_PRONOUNS = frozenset(["he", "she", "they", "it"])


@lru_cache(maxsize=1)
def _speech_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Every form of the cue verbs, and the finite ones (said, says: not say, saying)."""
    from quoteattr import _lexicon  # the cue lexicon; a late import keeps marks standalone

    forms = _lexicon.cue_verb_forms()
    finite: set[str] = set()
    for verb in _lexicon.cue_verbs():
        finite.update(f.split()[0] for f in (verb.past, verb.third_person))
    return frozenset(f.split()[0] for f in forms), frozenset(finite)


def _subject_like(words: Sequence[str]) -> bool:
    """ "he", "Stephen", "Jack Malone", "the old man": who a tag says spoke."""
    if not words:
        return False
    if len(words) == 1 and words[0].lower() in _TAG_PRONOUNS:
        return True
    if words[0].lower() == "the" and len(words) > 1:
        return True
    return all(w[:1].isupper() for w in words)


def _tag_at(text: str, pos: int, end: int) -> bool:
    """Whether a speech tag starts at ``pos``: subject + verb ("he cried") or a
    finite verb + subject ("said Jack Malone"; "Tell Tom" is an imperative)."""
    m = _WORDS.match(text, pos, end)
    if m is None:
        return False
    words = m.group().split()
    verbs, finite = _speech_verbs()
    for k, w in enumerate(words):
        if w.lower() in verbs:
            if k == 0:
                return w.lower() in finite and len(words) > 1 and _subject_like(words[1:2])
            return _subject_like(words[:k]) and (k > 1 or words[0] != "I")
        if k >= 2:
            break
    return False


def _tag_end(text: str, brk: regex.Match[str], end: int) -> int | None:
    """Where the speech tag after ``brk`` ends (its clause's final mark), or None when
    no tag starts there. After a full stop only a short tag counts ("Mulligan said."):
    "He thinks you're not a gentleman." is a sentence of the speech."""
    pos = brk.end()
    if not _tag_at(text, pos, end):
        return None
    # Bounded windows: `regex` looks for a required literal (the comma) up to endpos.
    comma = _TAG_COMMA.match(text, pos, min(end, pos + _TAG_REACH))
    if comma is not None and not _TAG_GOES_ON.match(
        text, comma.end(), min(end, comma.end() + _TAG_REACH)
    ):
        return comma.end()  # "said Ann, you are late": the speech goes on after the comma
    clause = _CLAUSE_END.search(text, pos, end)
    limit = SHORT_TAG_WORDS if "." in brk.group() else TAG_WORDS
    if clause is None:
        return end if len(text[pos:end].split()) <= limit else None
    if len(text[pos : clause.start()].split()) > limit:
        return None
    return clause.end()


def _speech_shown(text: str, ps: int, pe: int, prev: tuple[int, int] | None) -> bool:
    """A dash paragraph that reads as speech: a tag in it, or a colon before it."""
    if prev is not None and text[prev[0] : prev[1]].rstrip().endswith(":"):
        return True
    return any(_tag_end(text, b, pe) is not None for b in _BREAK.finditer(text, ps, pe))


def _turn_end(text: str, start: int, end: int) -> int:
    """The end of a dash turn: white space and a closing dash ("…eyes.--") left out."""
    end = _trim_end(text, start, end)
    while end > start and text[end - 1] in _DASHES:
        end -= 1
    return _trim_end(text, start, end)


def _turn_like(text: str, start: int, end: int) -> bool:
    """Not a heading between dashes ("— I —", "—CHAPTER TWO—"): some lower-case letter."""
    return any(c.islower() for c in text[start : _turn_end(text, start, end)])


def _with_dash_dialogue(
    text: str, paragraphs: Sequence[tuple[int, int]], found: list[RawQuote]
) -> list[RawQuote]:
    """``found`` plus the dash-led turns of a document written in dash dialogue."""
    if "\u2014" not in text and "\u2015" not in text and "--" not in text:
        return found  # one scan in C: most texts have no dash at all
    cleaned = _clean_paragraphs(text, paragraphs)
    quoted = {q.paragraph for q in found}
    heads: list[tuple[int, int, int, int, tuple[int, int] | None]] = []
    quote_led = 0
    prev: tuple[int, int] | None = None
    for index, ps, pe in cleaned:
        m = _DASH_HEAD.match(text, ps, pe)
        if m is not None and index not in quoted and _turn_like(text, m.end(), pe):
            heads.append((index, ps + len(m.group()) - len(m.group().lstrip()), m.end(), pe, prev))
        elif _QUOTE_HEAD.match(text, ps, pe) is not None:
            quote_led += 1
        prev = (ps, pe)
    if len(heads) < DASH_TURNS or len(heads) < quote_led:
        return found
    shown = 0
    for _, _, cs, pe, before in heads:
        shown += _speech_shown(text, cs, pe, before)
        if shown >= DASH_SPEECH:
            break
    else:
        return found
    out = list(found)
    for index, start, cs, pe, _ in heads:
        out.extend(_dash_turn(text, index, start, cs, _turn_end(text, cs, pe)))
    out.sort(key=lambda q: q.start)
    return out


def _dash_turn(text: str, index: int, start: int, cs: int, pe: int) -> list[RawQuote]:
    """The quotations of one dash-led paragraph: the turn, cut around its speech tags."""
    out: list[RawQuote] = []
    open_mark = text[start:cs].strip()
    pos = cs
    while pos < pe:
        end = pe
        resume = pe
        for b in _BREAK.finditer(text, pos, pe):
            tag_end = _tag_end(text, b, pe)
            if tag_end is not None:
                end = b.start() + len(b.group().rstrip())
                resume = tag_end
                break
        q_start = start if not out else pos
        out.append(
            RawQuote(
                start=q_start,
                end=end,
                content_start=pos,
                content_end=end,
                closed=True,
                open_mark=open_mark if not out else "",
                close_mark="",
                segments=((q_start, end),),
                paragraph=index,
                family="double",
            )
        )
        pos = resume
        while pos < pe and text[pos].isspace():
            pos += 1
    return out
