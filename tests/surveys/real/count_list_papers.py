#!/usr/bin/env python3
"""Independent cross-check of the hand annotation of the l_*.md list fixtures.

Counts the papers in each tests/surveys/real/l_*.md by simple, explicit rules
(standard library only, no linkwatch import) and asserts that the count equals
the number of objects in the matching l_*.papers.json.  The JSON is read only
to get that expected number; it never influences the count.

Generic rule: a list item line ``^\\s*(?:[-*+]|\\d+\\.)\\s`` (outside fenced
code blocks and HTML comments) counts as ONE paper if that line holds a
Markdown link whose URL is on a paper host (arXiv, ACL Anthology, OpenReview,
PMLR, ACM DL, DOI, Springer, ScienceDirect, CVF, NeurIPS proceedings, or any
``.pdf``) or whose link text is paper / pdf / arxiv.

Other modes, for layouts the generic rule cannot see: ``bold_paragraphs`` counts the lines
that open a paragraph in bold (``**Title** \\``, ``**[12]** Authors. "Title."``);
``linked_items`` every list item with a link, whatever its host; ``top_items`` every
top-level ``* `` item (the paper links sit on continuation lines); ``link_paragraphs`` the
lines that are one link whose words are two or more (``      [Title](url)``);
``all_items`` every list item; ``bold_items`` the top-level items that open in bold;
``items_with`` the items that hold a given paper link at least once;
``link_led_paragraphs`` the lines that open with a link.

Exit status 1 if any count differs.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

PAPER_HOSTS = [
    r"arxiv\.org/(?:abs|pdf)/",
    r"aclweb\.org/anthology/",
    r"aclanthology\.org/",
    r"openreview\.net/(?:forum|pdf)",
    r"proceedings\.mlr\.press/",
    r"dl\.acm\.org/doi/",
    r"doi\.org/",
    r"link\.springer\.com/",
    r"sciencedirect\.com/science/article/",
    r"openaccess\.thecvf\.com/",
    r"proceedings\.neurips\.cc/",
    r"\.pdf(?:$|[?#])",
]
PAPER_TEXT = re.compile(r"^(?:paper|pdf|arxiv)$", re.I)

# Per-file rules, for what the generic rule cannot tell.
RULES = {
    # Item 18 ("Granite") names two papers in one list item, each with its own
    # [[paper](...)] link; the blog-only items (CodeParrot, CodeQwen1.5) have
    # none.  So count [[paper](...)] links per item instead of items.
    "l_code_llm.md": {"mode": "paper_links", "paper_link": re.compile(r"\[\[paper\]\(")},
    # Mostly company blog posts and talks.  Papers there link to publication
    # pages the generic host list does not know (Google Research pubs, Amazon
    # Science publications, LinkedIn research, JAMA, KDD, VLDB), and one .pdf
    # link is a talk's slide deck, which is not a paper.
    "l_applied_ml.md": {
        "extra_hosts": [
            r"research\.google/pubs/",
            r"amazon\.science/publications/",
            r"engineering\.linkedin\.com/research/",
            r"jamanetwork\.com/",
            r"kdd\.org/",
            r"vldb\.org/",
        ],
        "exclude_url": [r"/slides/"],
    },
    # No list markers: one paragraph a paper, '**Title** \\' / '*Authors* \\' /
    # 'Venue. [[Paper](...)] \\' / 'D Mon YYYY'.
    "l_diffusion_models.md": {"mode": "bold_paragraphs"},
    # Citation-style paragraphs: '**[N]** Authors. "**Title**." Venue (Year). [[pdf]](...)'.
    "l_dl_roadmap.md": {"mode": "bold_paragraphs"},
    # '* [MM/DD] [Title](url) (from Org)': every item is a paper, some linked to a project
    # page, a blog-hosted PDF or the repository.
    "l_foundation.md": {"mode": "linked_items"},
    # '* [arXiv:ID] **Title**,' with authors and [[Paper]] on the indented lines below.
    "l_mamba.md": {"mode": "top_items"},
    # Papers as indented one-link paragraphs under category bullets; '[LlamaIndex](github)',
    # a tool named in one word, is no paper.
    "l_rag_survey.md": {"mode": "link_paragraphs"},
    # '- Title | **[Venue' YY]** | [`[pdf]`](...)': every item is a paper, some with no link.
    "l_anomaly.md": {"mode": "all_items"},
    # One paragraph a paper: '[Title](url), Venue Year'.
    "l_xai.md": {"mode": "link_led_paragraphs"},
    # '**Title**' paragraphs, each followed by '- Paper: <url>' / '- Code: <url>' bullets.
    "l_cvpr2024.md": {"mode": "bold_paragraphs"},
    # '- **Title (Venue Year)**' with authors and links as sub-items.
    "l_graph_cls.md": {"mode": "bold_items"},
    # '* YYYY-VENUE - Title. [[Paper]](...) [[Code]](...)'.
    "l_label_noise.md": {"mode": "top_items"},
    # '* Title, in *Venue* Year. [\\[paper\\]](...)'; the tutorials ('[\\[link\\]]') and the
    # pointer to another repository are no papers.
    # (one item, 'Efficient transformers', links its paper twice: it counts once).
    "l_ts_transformers.md": {"mode": "items_with", "paper_link": re.compile(r"\[\\\[paper\\\]\]")},
}

ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")
LINK = re.compile(r"(?<!!)\[([^\[\]]*)\]\(([^()\s]+)\)")
ONE_LINK = re.compile(r"^\s*\[([^\[\]]+)\]\([^()\s]+\)\s*$")


def is_paper_link(text, url, hosts, exclude):
    if any(re.search(p, url) for p in exclude):
        return False
    if PAPER_TEXT.match(text.strip()):
        return True
    return any(re.search(h, url) for h in hosts)


def count(path):
    rule = RULES.get(path.name, {})
    hosts = PAPER_HOSTS + rule.get("extra_hosts", [])
    exclude = rule.get("exclude_url", [])
    lines = path.read_text(encoding="utf-8").split("\n")[1:]  # skip header
    n = 0
    in_fence = in_comment = False
    for line in lines:
        s = line.strip()
        if s.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if s.startswith("<!--"):
            in_comment = "-->" not in line
            continue
        mode = rule.get("mode")
        if mode == "bold_paragraphs":
            n += line.startswith("**")
            continue
        if mode == "link_paragraphs":
            one = ONE_LINK.match(line)
            n += bool(one and len(one[1].split()) >= 2)
            continue
        if mode == "top_items":
            n += line.startswith(("* ", "- "))
            continue
        if mode == "items_with":
            n += bool(ITEM.match(line) and rule["paper_link"].search(line))
            continue
        if mode == "bold_items":
            n += line.startswith(("- **", "* **"))
            continue
        if mode == "all_items":
            n += bool(ITEM.match(line))
            continue
        if mode == "link_led_paragraphs":
            n += line.startswith("[")
            continue
        if mode == "linked_items":
            n += bool(ITEM.match(line) and LINK.search(line))
            continue
        if not ITEM.match(line):
            continue
        if rule.get("mode") == "paper_links":
            n += len(rule["paper_link"].findall(line))
        elif any(is_paper_link(t, u, hosts, exclude) for t, u in LINK.findall(line)):
            n += 1
    return n


def main():
    ok = True
    for md in sorted(HERE.glob("l_*.md")):
        n = count(md)
        js = md.with_suffix(".papers.json")
        expected = len(json.loads(js.read_text(encoding="utf-8")))
        mark = "" if n == expected else f"  MISMATCH (papers.json has {expected})"
        print(f"{md.name}: {n}{mark}")
        ok &= n == expected
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
