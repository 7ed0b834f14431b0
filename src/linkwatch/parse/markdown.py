"""
The Markdown parser, configured to see a survey the way GitHub renders it.

markdown-it-py with tables and strikethrough (GitHub Flavored Markdown), link destinations kept
exactly as written (no percent-encoding: a fix must find the original text), reference
definitions emitted as tokens with their lines, and each link token annotated with where its
source sits in the inline text, so fixes can point at an exact column.

Tokens are handed over as they are parsed, a top-level table 32 rows at a time, so memory holds
a few rows' tokens rather than a whole 10,000-row survey's, and the links of a table's first rows
can be probed while the rest is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.text_join import text_join
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from linkwatch.parse import speedups

# Characters that can start any inline rule we enable (newline, escape, code span, emphasis,
# link, image, autolink or HTML, entity). Cell text without them is one plain text
# token, so the (costly) inline tokenizer is skipped for it: most 'Published in' cells.
_INLINE_TRIGGERS = re.compile(r"[\n\\`*_\[!<&]")

InlineRule = Callable[[StateInline, bool], bool]
BlockRule = Callable[[StateBlock, int, int, bool], bool]
TokenSink = Callable[[list[Token]], None]
UrlSink = Callable[[Sequence[str]], None]

_SINK = "linkwatch.sink"
_URLS = "linkwatch.urls"
_ROWS_PER_CHUNK = 32
# A line that may start a reference definition ('[label]: url'). Links may use a definition
# that comes later in the file, so when there may be one, tokens are handed over only at the
# end, after every definition is known.
_MAYBE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.MULTILINE)


def parse(text: str, sink: TokenSink, on_urls: UrlSink | None = None) -> None:
    """Parse `text`, handing its tokens (inline children filled in) to `sink` in document
    order, in several batches; and, if given, the destinations of a table's links to `on_urls`
    a few rows at a time, as soon as they are parsed (before the table reaches `sink`)."""
    env: dict[str, object] = {}
    if not _MAYBE_DEFINITION.search(text):
        env[_SINK] = sink
        if on_urls is not None:
            env[_URLS] = on_urls
    sink(markdown().parse(text, env))


@cache
def markdown() -> MarkdownIt:
    """One shared, configured parser (building it costs more than parsing a small survey)."""
    return configured()


def configured(fast: bool = True) -> MarkdownIt:
    """A parser set up as `markdown()`'s; with `fast=False`, without the exact speed-ups of
    parse/speedups.py (what tests compare them against)."""
    md = MarkdownIt("commonmark", {"inline_definitions": True, "linkify": False})
    md.enable("table")  # strikethrough is GFM too, but changes no link, title or cell
    md.normalizeLink = _as_written  # type: ignore[method-assign]
    md.normalizeLinkText = _as_written  # type: ignore[method-assign]
    md.core.ruler.at("inline", _inline_when_needed)
    table = md.block.ruler.__rules__[md.block.ruler.__find__("table")].fn
    if fast:
        table = speedups.with_fast_split(table)
        speedups.install(md)
    md.block.ruler.at("table", _handing_over(table))
    for name in ("link", "image", "autolink"):
        rule = md.inline.ruler.__rules__[md.inline.ruler.__find__(name)].fn
        md.inline.ruler.at(name, _recording_source(rule))
    return md


def _as_written(url: str) -> str:
    return url


def _inline_when_needed(state: StateCore) -> None:
    """The core 'inline' rule, with a fast path for text that no inline rule can match; hands
    the link destinations of table body cells to the env's URL sink."""
    on_urls: UrlSink | None = state.env.get(_URLS)  # type: ignore[assignment]
    urls: list[str] = []
    previous = ""
    for token in state.tokens:
        kind, was = token.type, previous
        previous = kind
        if kind != "inline":
            continue
        if _INLINE_TRIGGERS.search(token.content):
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)
            if was == "td_open" and on_urls is not None:
                urls.extend(_destinations(token.children))
        else:
            text = Token("text", "", 0)
            text.content = token.content
            token.children = [text]
    if urls and on_urls is not None:
        on_urls(urls)


def _destinations(children: list[Token]) -> Iterator[str]:
    """What the links and images among `children` point at, as the walker reads them."""
    for child in children:
        if child.type == "link_open":
            yield str(child.attrs.get("href", ""))
        elif child.type == "image":
            yield str(child.attrs.get("src", ""))


def _handing_over(table: BlockRule) -> BlockRule:
    """Wrap the table rule: once a top-level table is parsed, finish every token so far
    (inline parsing, text joining) and hand them to the sink a few rows at a time, so they can
    be freed."""

    def handed_over(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        matched = table(state, start, end, silent)
        sink = state.env.get(_SINK)
        # Top level is token level 0 (not parentType 'root': markdown-it-py's lheading rule
        # leaves parentType 'paragraph' behind when a paragraph is no setext heading).
        if matched and not silent and sink and state.level == 0:
            chunks = _by_rows(state.tokens)
            del state.tokens[:]
            while chunks:  # each chunk is dropped once handed over
                tokens = chunks.pop()
                core = StateCore(state.src, state.md, state.env, tokens)
                _inline_when_needed(core)
                text_join(core)
                sink(tokens)
        return matched

    return handed_over


def _by_rows(tokens: list[Token]) -> list[list[Token]]:
    """`tokens` cut after every `_ROWS_PER_CHUNK` table rows, last chunk first (to be popped):
    a table's rows are inline-parsed and walked a chunk at a time, so a 10,000-row table's
    tokens are never all in memory at once, and its first links reach the prober early."""
    chunks: list[list[Token]] = [[]]
    rows = 0
    for token in tokens:
        chunks[-1].append(token)
        if token.type == "tr_close":
            rows += 1
            if rows % _ROWS_PER_CHUNK == 0:
                chunks.append([])
    chunks.reverse()
    return chunks


def _recording_source(rule: InlineRule) -> InlineRule:
    """Wrap a link rule so its opening token records `src`: (start, end) of the link's source
    in the inline text."""

    def recorded(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            opening = next(t for t in state.tokens[count:] if t.type in _OPENERS)
            opening.meta["src"] = (start, state.pos)
        return matched

    return recorded


_OPENERS = frozenset({"link_open", "image"})
