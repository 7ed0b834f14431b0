"""
A report full of hostile text, as a survey or a remote service could hand it over: markup, script,
event handlers, 'javascript:' links, Markdown and workflow-command syntax.
"""

from __future__ import annotations

from linkwatch.model import (
    Entry,
    Finding,
    Fix,
    Link,
    LinkOutcome,
    LinkStatus,
    Problem,
    Role,
    Severity,
    Syntax,
)
from linkwatch.model.report import InputFile, LinkRow, NotRun, Report

SCRIPT = '<script>document.title="pwned";alert("script")</script>'
IMG = "<img src=x onerror=\"document.title='pwned';alert('img')\">"
TITLE = f"{SCRIPT} {IMG} | *bold* [x](javascript:alert(1)) `tick` 100%"
MESSAGE = f"Title {IMG} differs:\n::error::injected, 50% sure"
JS_URL = "javascript:alert('href')"
FILE = "docs/a,b:c.md"


def hostile_report() -> Report:
    problem = Problem(
        FILE,
        7,
        MESSAGE,
        url=JS_URL,
        entry_title=TITLE,
        expected=f"Attention Is All You Need {SCRIPT}",
        actual=f"Attention is all you need {IMG}",
        evidence=JS_URL,
        fix=Fix(7, f"old {IMG}", f"new {SCRIPT}", 3, safe=False),
        related_lines=(9,),
    )
    finding = Finding("title-typo", Severity.WARNING, problem, "hostile-1", "new", SCRIPT)
    link = Link(JS_URL, FILE, 7, Role.PAPER, Syntax.INLINE, TITLE)
    outcome = LinkOutcome(LinkStatus.BROKEN, IMG, 404, f"https://e.org/{SCRIPT}", 12)
    return Report(
        generated_at="2026-11-25T06:00:00Z",
        inputs=(InputFile(FILE, "0" * 64),),
        entries=(Entry(FILE, 7, (SCRIPT,), TITLE, JS_URL, IMG, (JS_URL,), None),),
        links=(LinkRow(link, outcome),),
        findings=(finding,),
        not_run=(NotRun("broken-link", IMG),),
        notes=(SCRIPT,),
        fixed=(Finding("title-case", Severity.INFO, problem, "hostile-2", None, IMG),),
        source_url="https://github.com/o/r/blob/abc",
    )
