#!/usr/bin/env python3
"""Independent cross-check of the hand annotation of the t_*.md table fixtures.

Counts the paper rows in each tests/surveys/real/t_*.md by simple, explicit rules
(standard library only, no linkwatch import) and asserts that the count equals
the number of objects in the matching t_*.papers.json.  The JSON is read only
to get that expected number; it never influences the count.

Rule: every table in the excerpt has one column that names the paper (its
title, or a link whose text is the title).  RULES says, per file, which header
names that column; the first header cell (``**`` and case ignored) found in that
list wins, so one file may hold tables of more than one shape.  A data row counts
as ONE paper when its cell in that column is not empty.

Pipe tables: a header line, then a ``|---|`` separator line, then data rows, one
a line, while lines start with ``|``.  HTML tables: ``<table>`` ... ``</table>``
(or the end of the excerpt, which may cut a table short); the first ``<tr>`` is
the header row, and rows with fewer cells than it (``colspan`` section headings)
are not data rows.  Fenced code blocks and HTML comments are skipped.

Exit status 1 if any count differs, or if a t_*.md has no rule.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

# File -> the headers of the column that names the paper, in order of preference.
RULES = {
    # | Title | Venue | Date | Code | Demo |; two tables.
    "t_mllm.md": ["title"],
    # |Date|Title|Paper|Code|Recom|; the Title cell is plain text ("[Nick] Title(@Org)"),
    # the Paper cell a [[pdf]] link or, on four rows, a [[blog]]/[[docs]] link, so the
    # Title column (always filled) is the one to test.
    "t_llm_inference.md": ["title"],
    # | Title & Authors | Introduction | Links |.
    "t_efficient_llm.md": ["title & authors"],
    # | **Title** | **Code** | ... (three tables), then | **Name** | **Paper** | ... .
    "t_video_reasoning.md": ["title", "paper"],
    # HTML table; header cells Metrics / ... / Paper name.  Rows for SNR, PSNR and MSE
    # have an empty Paper name cell: metrics without a paper, not counted.
    "t_iqa.md": ["paper name"],
    # | Date | keywords | Institute | Paper | Publication |.
    "t_awesome_llm.md": ["paper"],
    # | **Paper** | **Links** |, one table a week; every row is one item the list calls a
    # paper (three link a blog post or a project site as their [Paper]).
    "t_ml_potw.md": ["paper"],
    # | Title | arXiv | Github | WebSite | Pub. & Date |; some rows have a sixth cell.
    "t_video_diffusion.md": ["title"],
    # HTML table with a two-row header (Memory spans Operation and Structure); the Model cell
    # names the agent, every data row is one paper.
    "t_agent_survey.md": ["model"],
    # NLP-progress results tables: | Model | ROUGE-1 | ... | Paper / Source | Code |; a row
    # a result, several rows may cite one paper.
    "t_nlp_progress.md": ["model"],
    # | Year | Abbreviation | Title | Publication | ...; the Title cell is plain text.
    "t_rs_change.md": ["title"],
    # | Benchmark | Focus | Domain | Evaluation Criteria |, after a numbered list of papers
    # ('N. Title. _Authors._ Venue. [[paper](...)]'), counted too (LIST_TOO). The two pipe lines
    # after the table's blank line are a paragraph to GitHub, not rows: no papers.
    "t_llm_eval.md": ["benchmark"],
}
RULES["t_pwc.md"] = ["title"]  # | Title | Conf | Code | Stars |, the year in the heading
# | Model | Published | Code | Keywords |: no title column, the paper linked under its venue.
RULES["t_super_res.md"] = ["model"]
# Files that hold a numbered list of papers before their tables: each item with a link counts.
LIST_TOO = {"t_llm_eval.md"}
NUMBERED_WITH_LINK = re.compile(r"^\d+\. .*\]\(")

SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
TR = re.compile(r"<tr[^>]*>(.*?)</tr>", re.S | re.I)
TD = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
HEADER_ROW = re.compile(r"<tr[^>]*>.*?</tr>", re.S | re.I)
COLSPAN = re.compile(r"<t[dh](?:[^>]*?colspan=['\"]?(\d+))?[^>]*>", re.I)


def visible_lines(text):
    """The lines outside fenced code blocks and HTML comments."""
    out = []
    in_fence = in_comment = False
    for line in text.split("\n"):
        s = line.strip()
        if in_comment:
            in_comment = "-->" not in line
            continue
        if s.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if s.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        out.append(line)
    return out


def pipe_cells(line):
    s = line.strip()
    s = s.removeprefix("|")
    s = s.removesuffix("|")
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", s)]


def header_name(cell):
    return TAG.sub("", cell).replace("**", "").strip().lower()


def column(headers, wanted):
    names = [header_name(h) for h in headers]
    for want in wanted:
        if want in names:
            return names.index(want)
    return None


def count_pipe(lines, wanted):
    n = 0
    i = 0
    while i + 1 < len(lines):
        if lines[i].lstrip().startswith("|") and SEPARATOR.match(lines[i + 1]):
            col = column(pipe_cells(lines[i]), wanted)
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                cells = pipe_cells(lines[i])
                if col is not None and col < len(cells) and cells[col]:
                    n += 1
                i += 1
        else:
            i += 1
    return n


def count_html(text, wanted):
    n = 0
    for table in re.split(r"<table[^>]*>", text, flags=re.I)[1:]:
        table = re.split(r"</table>", table, flags=re.I)[0]
        rows = [TD.findall(tr) for tr in TR.findall(table)]
        if not rows:
            continue
        header, data = rows[0], rows[1:]
        col = column(header, wanted)
        if col is None:
            continue
        # A header cell with colspan='2' stands over two data cells.
        width = sum(int(n or 1) for n in COLSPAN.findall(HEADER_ROW.search(table)[0]))
        n += sum(1 for cells in data if len(cells) == width and TAG.sub("", cells[col]).strip())
    return n


def count(path):
    wanted = RULES[path.name]
    text = path.read_text(encoding="utf-8").split("\n", 1)[1]  # skip the source header
    lines = visible_lines(text)
    listed = (
        sum(bool(NUMBERED_WITH_LINK.match(line)) for line in lines) if path.name in LIST_TOO else 0
    )
    return listed + count_pipe(lines, wanted) + count_html("\n".join(lines), wanted)


def main():
    ok = True
    for md in sorted(HERE.glob("t_*.md")):
        expected = len(json.loads(md.with_suffix(".papers.json").read_text(encoding="utf-8")))
        if md.name not in RULES:
            print(f"{md.name}: no rule in RULES (papers.json has {expected})")
            ok = False
            continue
        n = count(md)
        mark = "" if n == expected else "  MISMATCH"
        print(f"{md.name}: {n} counted, {expected} in papers.json{mark}")
        ok &= n == expected
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
