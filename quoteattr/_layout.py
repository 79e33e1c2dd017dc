"""Layout: where paragraphs start and end.

A blank line (empty or white space only, NBSP included), a form feed and the Unicode
paragraph separator always end a paragraph. A single line break is either a paragraph
break (news files often hold one paragraph per line) or a hard wrap (Gutenberg novels
wrapped at about 70 characters, or a stray break inside a news sentence such as
"Health Minister Ana Ruiz\\nsaid that ..."). Which one is decided per document:

* **Wrapped documents.** When at least three lines continue onto a next line and 75 %
  of those lines reach into the top band of the document's line widths (>= 70 % of
  the 95th-percentile width, itself 50 to 140 characters), the lines were filled up
  to a margin: a single break is a wrap. If the document rarely uses blank lines (none
  at all, or more than 20 lines per blank-line block on average), a single break is
  still a paragraph break when it was clearly intentional: the next line's first word
  would have fitted on the line, the line ends a sentence (and not with a title such
  as "Mr."), the next line starts with a capital or an opening quotation mark, and the
  two lines are not both indented (verse and letters stay together).
* **Line documents** (everything else). A single break is a paragraph break unless
  the text plainly runs on: the next line starts in lower case after a line that does
  not end a sentence or that ends with an initialism ("U.S.\\nofficials"); the line
  ends with a comma, a word hyphen or a title ("Sen.\\nTed Cruz"); or a short line ends
  with a word that cannot end a phrase ("the", "of", "and": "The\\nWhite House"). A
  line starting with a list bullet always starts a paragraph.

Line ends are ``\\n``, ``\\r\\n``, ``\\r``, ``\\v``, NEL and LINE SEPARATOR. Paragraph
spans are trimmed of white space and byte-order marks and are never empty. The work is
one `str.splitlines` pass plus constant work per line.
"""

from __future__ import annotations

import regex

__all__ = ["paragraphs", "windows"]

# Line ends (`str.splitlines`'); the second set also ends a paragraph by itself.
_LINE_ENDS = frozenset("\r\n\v\x85\u2028\f\x1c\x1d\x1e\u2029")
_HARD_ENDS = frozenset("\f\x1c\x1d\x1e\u2029")
# Everything str.isspace() accepts, plus the BOM and zero-width space.
_WS = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b"
)

_OPENERS = "\"'\u201c\u2018\u00ab\u2039\u201e(["
_CLOSERS = "\"'\u201d\u2019\u00bb\u203a)]"
# Applied to the last few characters of a line.
_ENDS_SENTENCE = regex.compile(r"[.!?\u2026][" + regex.escape(_CLOSERS) + r"]*\Z")
_ENDS_COMMA = regex.compile(r",[" + regex.escape(_CLOSERS) + r"]*\Z")
_ENDS_HYPHEN = regex.compile(r"\p{L}-\Z")
_ENDS_INITIALISM = regex.compile(r"(?:^|[^\p{L}.])(?:\p{Lu}\.){2,}\Z")
_ENDS_TITLE = regex.compile(
    r"(?:^|[^\p{L}.])(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Maj|St|Mt|Ft|"
    r"Prof|Rev|Hon)\.\Z"
)
# Words that cannot end a phrase (not "on", "for", "with": "Trump vows to fight on").
_ENDS_FUNCTION_WORD = regex.compile(
    r"(?:^|[^\p{L}])(?i:the|a|an|of|and|or|nor|than|whose|into|onto|its|their|our|your|my)\Z"
)
# Applied to the first few characters of a line.
_OPEN = "[" + regex.escape(_OPENERS) + "]*"
_STARTS_LOWER = regex.compile(_OPEN + r"\p{Ll}")
_STARTS_LETTER = regex.compile(_OPEN + r"[\p{L}\p{N}]")
_STARTS_UPPER_OR_QUOTE = regex.compile(r"[" + regex.escape(_OPENERS) + r"]|\p{Lu}|\p{N}")
_STARTS_BULLET = regex.compile(r"(?:[-*+\u2022\u00b7\u25aa\u2013\u2014]|\d{1,3}[.)])\s")
_WORD = regex.compile(r"\S+")

# Wrapped-document detection (see the module docstring).
_MIN_CONTINUED = 3
_MIN_WRAP_WIDTH = 50
_MAX_WRAP_WIDTH = 140
_WRAP_BAND = 0.7
_WRAP_SHARE = 0.75
# Hard-wrapped prose rarely breaks a line at a sentence end; news with one
# paragraph per line nearly always does.
_SENTENCE_LINES = 0.5
_INDENT = 2
_SHORT_LINE = 60
# A wrapped document whose blank-line blocks average more lines than this separates
# (some) paragraphs by a single line break.
_LONG_BLOCK = 20


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every paragraph, in order, trimmed of outer white space."""
    # Lines: raw start, whether a hard paragraph break follows, and the trimmed content,
    # (-1, -1) for a blank line. `str.splitlines` breaks at exactly the line ends of the
    # module docstring and the paragraph separators, in one pass in C.
    starts: list[int] = []
    hard: list[bool] = []
    content: list[tuple[int, int]] = []
    s = 0
    line = ""
    for line in text.splitlines(True):
        starts.append(s)
        last = line[-1]
        hard.append(last in _HARD_ENDS)
        left = line.lstrip(_WS)
        if left:
            cs = s + len(line) - len(left)
            content.append((cs, cs + len(left.rstrip(_WS))))
        else:
            content.append((-1, -1))
        s += len(line)
    if not line or line[-1] in _LINE_ENDS:
        # the text ends with a line end (or is empty): an empty last line follows
        starts.append(s)
        hard.append(True)
        content.append((-1, -1))
    else:
        hard[-1] = True

    width, line_paragraphs = _wrap_width(text, starts, content, hard)
    out: list[tuple[int, int]] = []
    para_start = -1
    n = len(content)
    for i in range(n):
        cs, ce = content[i]
        if cs < 0:
            continue
        if para_start < 0:
            para_start = cs
        nxt = content[i + 1] if i + 1 < n else (-1, -1)
        if hard[i] or nxt[0] < 0:
            out.append((para_start, ce))
            para_start = -1
            continue
        if width:
            brk = line_paragraphs and _wrapped_break(
                text, starts[i], cs, ce, starts[i + 1], nxt[0], nxt[1], width
            )
        else:
            brk = _line_break(text, cs, ce, nxt[0], nxt[1])
        if brk:
            out.append((para_start, ce))
            para_start = -1
    return out


def _wrap_width(
    text: str, starts: list[int], content: list[tuple[int, int]], hard: list[bool]
) -> tuple[int, bool]:
    """The wrap margin of a hard-wrapped document (0 if its lines are not wrapped), and
    whether a wrapped document may end paragraphs at a single line break (it has few
    blank-line breaks)."""
    widths: list[int] = []
    continued: list[int] = []
    ended = 0  # continued lines that end a sentence
    blocks = 0
    for i, (cs, ce) in enumerate(content):
        if cs < 0:
            continue
        w = ce - starts[i]
        widths.append(w)
        if not hard[i] and content[i + 1][0] >= 0:
            continued.append(w)
            if _ENDS_SENTENCE.search(text[max(cs, ce - 8) : ce]) is not None:
                ended += 1
        else:
            blocks += 1
    if len(continued) < _MIN_CONTINUED:
        return 0, False
    if ended >= _SENTENCE_LINES * len(continued):
        return 0, False  # a sentence or two per line: one paragraph per line, not a wrap
    widths.sort()
    margin = widths[(len(widths) - 1) * 95 // 100]
    if not _MIN_WRAP_WIDTH <= margin <= _MAX_WRAP_WIDTH:
        return 0, False
    low = _WRAP_BAND * margin
    full = sum(1 for w in continued if w >= low)
    if full < _WRAP_SHARE * len(continued):
        return 0, False
    return margin, blocks == 1 or len(widths) > _LONG_BLOCK * blocks


def _wrapped_break(
    text: str, s: int, cs: int, ce: int, ns: int, ncs: int, nce: int, width: int
) -> bool:
    """In a wrapped document: is the break after line ``[cs, ce)`` intentional?"""
    if cs - s >= _INDENT and ncs - ns >= _INDENT:
        return False  # verse, a letter's address block, a quoted passage
    word = _WORD.match(text, ncs, nce)
    first = word.end() - ncs if word is not None else 0
    if (ce - s) + 1 + first > width:
        return False  # the next word did not fit: a wrap
    tail = text[max(cs, ce - 8) : ce]
    if _ENDS_SENTENCE.search(tail) is None or _ENDS_TITLE.search(tail) is not None:
        return False
    return _STARTS_UPPER_OR_QUOTE.match(text, ncs, nce) is not None


def _line_break(text: str, cs: int, ce: int, ncs: int, nce: int) -> bool:
    """In a line-per-paragraph document: does the line ``[cs, ce)`` end its paragraph?"""
    head = text[ncs : min(nce, ncs + 8)]
    if _STARTS_BULLET.match(head) is not None:
        return True
    tail = text[max(cs, ce - 12) : ce]
    lower = _STARTS_LOWER.match(head) is not None
    if _ENDS_SENTENCE.search(tail) is not None:
        # "Sen.\nTed Cruz", "U.S.\nofficials": an abbreviation, not a sentence end
        # ("... the U.S.\nThe president" is one, so an initialism needs lower case).
        if _ENDS_TITLE.search(tail) is not None:
            return _STARTS_LETTER.match(head) is None
        return not (lower and _ENDS_INITIALISM.search(tail) is not None)
    if lower:
        return False
    if _ENDS_COMMA.search(tail) is not None or _ENDS_HYPHEN.search(tail) is not None:
        return False
    # A short line cut after "the"/"of" ("The\nWhite House said"); a long one is more
    # likely a truncated paragraph.
    return not (
        ce - cs <= _SHORT_LINE
        and _ENDS_FUNCTION_WORD.search(tail) is not None
        and _STARTS_LETTER.match(head) is not None
    )


# A paragraph break: a line end, blank space, another line end.
_BLANK_LINE = regex.compile(
    r"(\r\n?+|[\n\v\f\x85\u2028\u2029])[ \t\xa0]*(?:\r\n?|[\n\v\f\x85\u2028\u2029])"
)
_LINE = regex.compile(r"\r\n?|[\n\v\f\x85\u2028\u2029]")
_SPACE = regex.compile(r"\s")
# Breaks tried after the target size for one not followed by a quotation mark.
_CUT_TRIES = 50


def windows(text: str, size: int) -> list[tuple[int, int]]:
    """Cut ``text`` into consecutive ``(start, end)`` windows of about ``size`` characters.

    A window ends at the first blank line after ``size`` characters whose next line
    does not open with a quotation mark (a dialogue or a quotation running over
    paragraphs stays whole); failing a blank line within half a window, at a line
    end, then at white space, and only in a run of ``size`` characters without any
    of them, in the middle of a token. The windows cover the text exactly.
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while n - start > size:
        target = start + size
        limit = min(n, target + size // 2)
        cut = _cut(text, target, limit)
        if text[cut - 1] == "\r" and text.startswith("\n", cut):
            cut += 1  # never between the two characters of a CRLF
        out.append((start, cut))
        start = cut
    if start < n or not out:
        out.append((start, n))
    return out


def _cut(text: str, target: int, limit: int) -> int:
    first = -1
    for k, m in enumerate(_BLANK_LINE.finditer(text, target, limit)):
        cut = m.end(1)
        if first < 0:
            first = cut
        nxt = _WORD.search(text, cut, min(limit, cut + 200))
        if nxt is None or text[nxt.start()] not in _OPENERS or k >= _CUT_TRIES:
            return cut
    if first >= 0:
        return first
    for pattern in (_LINE, _SPACE):
        end = pattern.search(text, target, limit)
        if end is not None:
            return end.end()
    return target
