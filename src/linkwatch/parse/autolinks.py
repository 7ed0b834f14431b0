"""
Bare URLs in text, found by GitHub's own rule (GFM 'extended autolinks'), not a fuzzy linkifier.

A survey is read on GitHub, so a bare URL is a link exactly when GitHub makes it one:
https://github.github.com/gfm/#autolinks-extension-
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# An autolink starts at the beginning of the text, after whitespace, or after * _ ~ (
_START = re.compile(r"(?<![^\s*_~(])(?:https?://|www\.)", re.IGNORECASE)
_RUN = re.compile(r"[^\s<]*")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_TRAILING_PUNCTUATION = "?!.,:*_~"
_ENTITY_AT_END = re.compile(r"&[A-Za-z0-9]+;$")


@dataclass(frozen=True, slots=True)
class BareUrl:
    url: str
    start: int
    end: int


def find_bare_urls(text: str) -> Iterator[BareUrl]:
    """Every extended autolink in `text`, with its offsets."""
    for match in _START.finditer(text):
        start = match.start()
        end = _RUN.match(text, match.end()).end()  # type: ignore[union-attr]
        url = _trim(text[start:end])
        if _valid_domain(url[match.end() - start :]):
            yield BareUrl(url, start, start + len(url))


def _valid_domain(rest: str) -> bool:
    """At least one period, and no underscore in the last two segments."""
    match = _DOMAIN.match(rest)
    if not match:
        return False
    return "_" not in "".join(match.group().split(".")[-2:])


def _trim(url: str) -> str:
    """Drop trailing punctuation, unbalanced closing parentheses and a trailing entity."""
    while url:
        if url[-1] in _TRAILING_PUNCTUATION or (url[-1] == ")" and url.count(")") > url.count("(")):
            url = url[:-1]
        elif url[-1] == ";" and (entity := _ENTITY_AT_END.search(url)):
            url = url[: entity.start()]
        else:
            return url
    return url
