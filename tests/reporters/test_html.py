"""
The HTML report as text: escaped, self-contained, locked down by its Content-Security-Policy.
"""

from __future__ import annotations

import base64
import hashlib
import re

import pytest

from linkwatch.reporters import html
from linkwatch.reporters.view import line_url, web_url
from tests.reporters.hostile import IMG, JS_URL, SCRIPT, hostile_report


@pytest.fixture(scope="module")
def page() -> str:
    return html.render(hostile_report())


def test_hostile_text_is_escaped_everywhere(page: str) -> None:
    assert SCRIPT not in page and IMG not in page
    assert "&lt;script&gt;document.title=&#34;pwned&#34;" in page
    assert "onerror=" not in page.replace("onerror=&#34;", "")


def test_javascript_urls_never_become_links(page: str) -> None:
    assert 'href="javascript' not in page.lower()
    assert f"<code>{JS_URL.replace(chr(39), '&#39;')}</code>" in page


def test_the_policy_allows_exactly_the_inline_style_and_scripts(page: str) -> None:
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert policy.startswith("default-src 'none'; ")
    inline = re.findall(r"<(script|style)>(.*?)</\1>", page, re.S)
    assert [tag for tag, _ in inline] == ["style", "script", "script"]
    for _, text in inline:
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"http", page)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/1", "https://arxiv.org/abs/1"),
        ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
        ("javascript:alert(1)", None),
        ("java\nscript:alert(1)", None),
        ("data:text/html,<b>", None),
        ("#anchor", None),
        ("https://", None),
        (None, None),
    ],
)
def test_only_web_addresses_are_linked(url: str | None, expected: str | None) -> None:
    assert web_url(url) == expected


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("survey.md", "https://github.com/o/r/blob/abc/survey.md#L7"),
        ("./docs/my survey.md", "https://github.com/o/r/blob/abc/docs/my%20survey.md#L7"),
        ("/abs/survey.md", None),
        ("../outside.md", None),
    ],
)
def test_line_links_point_into_the_repository(file: str, expected: str | None) -> None:
    assert line_url("https://github.com/o/r/blob/abc", file, 7) == expected
    assert line_url(None, file, 7) is None


def test_a_huge_list_keeps_every_link_to_look_at_and_caps_the_fine_ones(workdir, run_cli) -> None:
    """6,000 links that are fine and 2 broken anchors: the page lists the 2 and 4,998 fine ones
    (MAX_LINK_ROWS in all) and says that 1,002 more are in linkwatch.json."""
    from linkwatch.reporters.html_view import MAX_LINK_ROWS

    lines = ["# Links", "", "## Target", ""]
    lines += [f"- [fine {n}](#target)" for n in range(6000)]
    lines += ["- [gone](#nowhere)", "- [gone too](#elsewhere)"]
    (workdir / "survey.md").write_text("\n".join(lines) + "\n")
    result = run_cli("check", "--offline", "survey.md", "-f", "html,json", "--fail-on", "never")
    assert result.exit_code == 0, result.output
    html = (workdir / "reports" / "linkwatch.html").read_text(encoding="utf-8")
    table = html.split('<table class="links">', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr") - 1 == MAX_LINK_ROWS  # the header row aside
    assert table.count('data-status="broken"') == 2
    assert "1002 more links that are ok or skipped are not listed here" in html
