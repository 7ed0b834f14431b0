"""
The layout readers one by one: pipe tables of the shapes real lists use, bullet and numbered
lists, HTML tables, and shields.io badges read as data. Each case is a shape quoted in the
issue or taken from a real list (tests/surveys/real/ has the excerpts end to end).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from linkwatch.model import Entry, Layout, Role
from linkwatch.parse import parse_survey
from linkwatch.parse.badges import badge_repo, badge_text
from linkwatch.parse.fields import is_author_list
from linkwatch.sources.files import read_source
from tests.conftest import findings_of

Write = Callable[..., Path]


def entries(write: Write, text: str) -> list[Entry]:
    return list(parse_survey([read_source(write(text))]).entries)


def only(write: Write, text: str) -> Entry:
    found = entries(write, text)
    assert len(found) == 1, [(e.line, e.title) for e in found]
    return found[0]


# pipe tables


def test_paper_link_in_a_source_column_with_date_and_venue_columns(write: Write) -> None:
    entry = only(
        write,
        "| Date | Venue | Benchmark | Size | Language | Source |\n"
        "|---|---|---|---|---|---|\n"
        "| 2021-07 | arXiv 2021 | HumanEval | 164 | Python |"
        " [Paper](https://arxiv.org/abs/2107.03374) |\n",
    )
    assert (entry.title, entry.paper_url, entry.arxiv_id) == (
        "HumanEval",
        "https://arxiv.org/abs/2107.03374",
        "2107.03374",
    )
    assert (entry.venue, entry.date, entry.layout) == ("arXiv 2021", "2021-07", Layout.TABLE)
    assert entry.date_cell is not None and entry.date_cell.span.start == 2


def test_title_venue_date_code_demo(write: Write) -> None:
    entry = only(
        write,
        "| Title | Venue | Date | Code | Demo |\n|:---:|:---:|:---:|:---:|:---:|\n"
        "| ![Star](https://img.shields.io/github/stars/haotian-liu/LLaVA.svg?style=social)"
        " <br> [**Visual Instruction Tuning**](https://arxiv.org/pdf/2304.08485.pdf) <br> |"
        " NeurIPS | 2023-04-17 | [Github](https://github.com/haotian-liu/LLaVA) |"
        " [Demo](https://llava.hliu.cc/) |\n",
    )
    assert entry.title == "Visual Instruction Tuning"
    assert entry.paper_url == "https://arxiv.org/pdf/2304.08485.pdf"
    assert (entry.venue, entry.date) == ("NeurIPS", "2023-04-17")
    assert entry.code_urls == ("https://github.com/haotian-liu/LLaVA",)
    assert "https://llava.hliu.cc/" in entry.other_urls


def test_generic_paper_link_after_a_title_column(write: Write) -> None:
    entry = only(
        write,
        "|Date|Title|Paper|Code|Recom|\n|:---:|:---:|:---:|:---:|:---:|\n"
        "|2023.11|🔥[**Runtime Performance**] Dissecting the Runtime Performance of LLMs"
        "(@hkust-gz.edu.cn) | [[pdf]](https://arxiv.org/pdf/2311.03687.pdf)|⚠️|⭐️⭐️ |\n",
    )
    assert entry.title == "Dissecting the Runtime Performance of LLMs"
    assert entry.paper_url == "https://arxiv.org/pdf/2311.03687.pdf"
    assert (entry.date, entry.venue, entry.code_urls) == ("2023.11", "", ())


def test_name_then_paper_column(write: Write) -> None:
    entry = only(
        write,
        "| Name | Paper | Type | Modalities |\n|---|---|---|---|\n"
        "| BLIP-2 | [BLIP-2: Bootstrapping Language-Image Pre-training](https://arxiv.org/abs/2301.12597)"
        " | Model | Image, Text |\n",
    )
    assert entry.title == "BLIP-2: Bootstrapping Language-Image Pre-training"
    assert entry.paper_url == "https://arxiv.org/abs/2301.12597"


def test_bold_headers_and_a_repo_column(write: Write) -> None:
    entry = only(
        write,
        "| **Title** | **Repo** | **Paper** | **Video** |\n|---|---|---|---|\n"
        "| Video-R1 | [GitHub](https://github.com/tulerfeng/Video-R1) |"
        " [arXiv](https://arxiv.org/abs/2503.21776) | - |\n",
    )
    assert (entry.title, entry.paper_url) == ("Video-R1", "https://arxiv.org/abs/2503.21776")
    assert entry.code_urls == ("https://github.com/tulerfeng/Video-R1",)


def test_title_and_authors_with_badge_venue_and_links(write: Write) -> None:
    entry = only(
        write,
        "| Title & Authors | Introduction | Links |\n|:--|:--:|:--|\n"
        "| [![Publish](https://img.shields.io/badge/Conference-ICML'23-blue)]()<br>"
        "[SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot]"
        "(https://github.com/IST-DASLab/sparsegpt) <br> Elias Frantar, Dan Alistarh |"
        " ![](figures/sparsegpt.png) | [Github](https://github.com/IST-DASLab/sparsegpt) <br>"
        " [paper](https://arxiv.org/abs/2301.00774) |\n",
    )
    assert entry.title == "SparseGPT: Massive Language Models Can Be Accurately Pruned in One-Shot"
    assert entry.paper_url == "https://arxiv.org/abs/2301.00774"
    assert entry.venue == "ICML'23"
    assert entry.code_urls == ("https://github.com/IST-DASLab/sparsegpt",)


def test_a_title_linked_to_its_repository_is_code_not_the_paper(write: Write) -> None:
    entry = only(
        write,
        "| Paper | Published in | Code |\n|---|---|---|\n"
        "| [Stanford Alpaca](https://github.com/tatsu-lab/stanford_alpaca) | github 2023 | - |\n",
    )
    assert (entry.title, entry.paper_url) == ("Stanford Alpaca", None)
    assert entry.code_urls == ("https://github.com/tatsu-lab/stanford_alpaca",)


def test_a_column_of_dates_without_a_header_word_is_a_date_column(write: Write) -> None:
    found = entries(
        write,
        "| Paper | When |\n|---|---|\n"
        "| [A](https://arxiv.org/abs/2301.00001) | 2023/01 |\n"
        "| [B](https://arxiv.org/abs/2302.00001) | 2023/02 |\n",
    )
    assert [(e.date, e.venue) for e in found] == [("2023/01", ""), ("2023/02", "")]


# lists


def test_bullet_with_nested_sub_items(write: Write) -> None:
    entry = only(
        write,
        "- [MADiff: Offline Multi-agent Learning with Diffusion Models](https://arxiv.org/abs/2305.17330)\n"
        "  - Zhengbang Zhu, Minghuan Liu, Liyuan Mao\n"
        "  - Publisher: NeurIPS 2024\n"
        "  - Code: [Official](https://github.com/zbzhu99/madiff)\n"
        "  - ExpEnv: [MPE](https://github.com/openai/multiagent-particle-envs)\n\n"
        "- [A tool](https://github.com/some/tool)\n",
    )
    assert (entry.line, entry.end_line, entry.layout) == (1, 5, Layout.LIST)
    assert entry.title == "MADiff: Offline Multi-agent Learning with Diffusion Models"
    assert (entry.venue, entry.arxiv_id) == ("NeurIPS 2024", "2305.17330")
    assert entry.code_urls == ("https://github.com/zbzhu99/madiff",)
    assert entry.other_urls == ("https://github.com/openai/multiagent-particle-envs",)


def test_numbered_bold_title_authors_venue_pdf_code(write: Write) -> None:
    entry = only(
        write,
        "12. **Cross-lingual Language Model Pretraining**. *Guillaume Lample, Alexis Conneau*."
        " NeurIPS 2019. [[pdf](https://arxiv.org/pdf/1901.07291.pdf)]"
        " [[code](https://github.com/facebookresearch/XLM)]\n",
    )
    assert entry.title == "Cross-lingual Language Model Pretraining"
    assert (entry.paper_url, entry.venue) == (
        "https://arxiv.org/pdf/1901.07291.pdf",
        "NeurIPS 2019",
    )
    assert entry.code_urls == ("https://github.com/facebookresearch/XLM",)


def test_quoted_title_date_and_bracketed_venue(write: Write) -> None:
    found = entries(
        write,
        '- "Large Language Models for Software Engineering" [2023-08] [ICSE 2024]'
        " [[paper](https://arxiv.org/abs/2308.10620)]\n\n"
        '40. **CodeGemma**: "CodeGemma: Open Code Models Based on Gemma" [2024-06]'
        " [[paper](https://arxiv.org/abs/2406.11409)]\n",
    )
    assert [(e.title, e.date, e.venue) for e in found] == [
        ("Large Language Models for Software Engineering", "2023-08", "ICSE 2024"),
        ("CodeGemma: Open Code Models Based on Gemma", "2024-06", ""),
    ]
    cell = found[0].venue_cell
    first = '- "Large Language Models for Software Engineering" [2023-08] [ICSE 2024]'
    assert cell is not None and cell.span.start == first.index("[ICSE 2024]") + 1


def test_underlined_name_bold_quoted_title(write: Write) -> None:
    entry = only(
        write,
        '13. <u>Gopher</u>: **"Scaling Language Models: Methods, Analysis & Insights from Training'
        ' Gopher"**. *Jack W. Rae et al.* arXiv 2021. [[Paper](http://arxiv.org/abs/2112.11446v2)]\n',
    )
    assert entry.title.startswith("Scaling Language Models: Methods")
    assert (entry.venue, entry.arxiv_id, entry.arxiv_version) == ("arXiv 2021", "2112.11446", 2)


def test_title_link_then_paper_link_and_code_spans(write: Write) -> None:
    entry = only(
        write,
        "5. [Attention Is All You Need](https://blog.research.google/transformer)"
        " ([Paper](https://arxiv.org/pdf/1706.03762)) `Google` `2017`\n",
    )
    assert (entry.title, entry.paper_url) == (
        "Attention Is All You Need",
        "https://arxiv.org/pdf/1706.03762",
    )


def test_emoji_and_trailing_words(write: Write) -> None:
    entry = only(
        write, "- 🔥 [Qwen2 Technical Report](https://arxiv.org/abs/2407.10671) from Qwen.\n"
    )
    assert (entry.title, entry.arxiv_id) == ("Qwen2 Technical Report", "2407.10671")


def test_two_papers_in_one_item_are_two_entries(write: Write) -> None:
    found = entries(
        write,
        '18. **Granite**: "Granite Code Models" [2024-05] [[paper](https://arxiv.org/abs/2405.04324)]'
        ' "Scaling Granite Code Models to 128K Context" [2024-07]'
        " [[paper](https://arxiv.org/abs/2407.13739)]\n",
    )
    assert [(e.line, e.title, e.arxiv_id, e.date) for e in found] == [
        (1, "Granite Code Models", "2405.04324", "2024-05"),
        (1, "Scaling Granite Code Models to 128K Context", "2407.13739", "2024-07"),
    ]


def test_items_that_are_no_papers_give_links_only(write: Write) -> None:
    path = write(
        "- [Introduction](#introduction)\n"
        "- [A tool](https://github.com/some/tool)\n"
        "- [A blog post](https://medium.com/@x/post)\n"
        "- [A course](https://www.coursera.org/learn/nlp)\n\n"
        "## Introduction\n",
    )
    survey = parse_survey([read_source(path)])
    assert survey.entries == ()
    assert [link.url for link in survey.links] == [
        "#introduction",
        "https://github.com/some/tool",
        "https://medium.com/@x/post",
        "https://www.coursera.org/learn/nlp",
    ]
    assert findings_of(path) == []


def test_a_category_bullet_over_paper_items(write: Write) -> None:
    found = entries(
        write,
        "- Vision\n"
        "  - [Paper A](https://arxiv.org/abs/2301.00001)\n"
        "  - [Paper B](https://openreview.net/forum?id=abc)\n",
    )
    assert [(e.line, e.title) for e in found] == [(2, "Paper A"), (3, "Paper B")]


def test_link_roles_follow_the_entry(write: Write) -> None:
    path = write(
        "- [T](https://arxiv.org/abs/2301.00001) [[code](https://github.com/a/b)]"
        " [[blog](https://example.org/post)]\n"
    )
    roles = {link.url: link.role for link in parse_survey([read_source(path)]).links}
    assert roles == {
        "https://arxiv.org/abs/2301.00001": Role.PAPER,
        "https://github.com/a/b": Role.CODE,
        "https://example.org/post": Role.OTHER,
    }


def test_an_empty_list_item_is_an_empty_entry_only_in_a_table(write: Write) -> None:
    path = write("| Paper | Published in |\n|---|---|\n| []() | arXiv 2024 |\n\n- []()\n")
    assert [(f.kind, f.line) for f in findings_of(path)] == [("empty-entry", 3)]


# HTML tables


HTML = """\
# Metrics

<table>
    <tr>
        <th>Metric</th>
        <th>Year</th>
        <th>Paper name</th>
    </tr>
    <tr>
        <td colspan="3">Structural</td>
    </tr>
    <tr>
        <td>SSIM</td>
        <td>2004</td>
        <td>
          <a href="http://arxiv.org/abs/2301.00001">Structural similarity</a>
        </td>
    </tr>
    <tr><td>FSIM</td><td>2011</td><td><a href="https://doi.org/10.1109/5705575">FSIM</a></td></tr>
</table>
"""


def test_html_table_rows_with_their_lines(write: Write) -> None:
    found = entries(write, HTML)
    assert [(e.line, e.layout, e.title, e.paper_url, e.venue) for e in found] == [
        (12, Layout.HTML, "Structural similarity", "http://arxiv.org/abs/2301.00001", "2004"),
        (19, Layout.HTML, "FSIM", "https://doi.org/10.1109/5705575", "2011"),
    ]  # fmt: skip


def test_an_html_href_gets_its_fix(write: Write) -> None:
    path = write(HTML)
    insecure = [f for f in findings_of(path) if f.kind == "insecure-link"]
    assert len(insecure) == 1
    fix = insecure[0].problem.fix
    assert fix is not None and (fix.line, fix.old, fix.new) == (
        16,
        "http://arxiv.org/abs/2301.00001",
        "https://arxiv.org/abs/2301.00001",
    )
    assert path.read_text().splitlines()[15][fix.column :].startswith(fix.old)


# badges


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("https://img.shields.io/badge/Conference-NeurIPS'24-blue", "NeurIPS'24"),
        ("https://img.shields.io/badge/arXiv-2024-red", "arXiv 2024"),
        ("https://img.shields.io/badge/NeurIPS-2023-blue.svg", "NeurIPS 2023"),
        ("https://img.shields.io/badge/ACM--MM-2025-blue", "ACM-MM 2025"),
        ("https://img.shields.io/badge/EMNLP'23%20Findings-blue", "EMNLP'23 Findings"),
        ("https://img.shields.io/badge/Publish-NIPS_2024-blue", "NIPS 2024"),
        ("https://img.shields.io/github/stars/a/b.svg?style=social", ""),
        ("https://example.org/badge/NeurIPS-2023-blue", ""),
    ],
)
def test_badge_text(url: str, text: str) -> None:
    assert badge_text(url) == text


def test_an_arxiv_id_badge_names_no_venue(write: Write) -> None:
    """SkalskiP/top-cvpr-2023-papers: '[![arXiv](.../badge/arXiv-2211.06220-b31b1b.svg)]'
    links the preprint; the venue the item writes stays its venue."""
    badge = (
        "[![arXiv](https://img.shields.io/badge/arXiv-2211.06220-b31b1b.svg)]"
        "(https://arxiv.org/abs/2211.06220)"
    )
    found = entries(
        write,
        f"| Task | Paper | Links |\n|---|---|---|\n| Segmentation | OneFormer | {badge} |\n\n"
        f"- **OneFormer: One Transformer to Rule Segmentation**, CVPR 2023. {badge}\n",
    )
    assert [(e.line, e.venue, e.arxiv_id) for e in found] == [
        (3, "", "2211.06220"),
        (5, "CVPR 2023", "2211.06220"),
    ]


def test_a_stars_badge_names_its_repository(write: Write) -> None:
    assert badge_repo("https://img.shields.io/github/stars/IST-DASLab/gptq.svg?style=social") == (
        "https://github.com/IST-DASLab/gptq"
    )
    entry = only(
        write,
        "* [![Publish](https://img.shields.io/badge/Conference-ICLR'22-blue)]()"
        " ![Star](https://img.shields.io/github/stars/IST-DASLab/gptq.svg?style=social)"
        " [GPTQ: Accurate Post-Training Quantization](https://arxiv.org/abs/2210.17323).\n",
    )
    assert (entry.venue, entry.code_urls) == ("ICLR'22", ("https://github.com/IST-DASLab/gptq",))


def test_badges_in_venue_and_code_columns(write: Write) -> None:
    """t_video_reasoning's shape: a Venue column of badges only, a Code column with a stars
    badge beside the repository link, a Checkpoint column of Hub links."""
    entry = only(
        write,
        "| **Title** | **Code** | **Checkpoint** | **Time** | **Venue** |\n|---|---|---|---|---|\n"
        "| [VILA-U: a Unified Foundation Model](https://arxiv.org/abs/2409.04429) |"
        " [GitHub](https://github.com/mit-han-lab/vila-u)"
        " ![](https://img.shields.io/github/stars/mit-han-lab/vila-u?style=social) |"
        " [Hugging_Face](https://huggingface.co/collections/mit-han-lab/vila-u-7b) | 2024-09 |"
        " [![](https://img.shields.io/badge/ICLR-2025-blue.svg?style=plastic)]() |\n",
    )
    assert (entry.venue, entry.date) == ("ICLR 2025", "2024-09")
    assert entry.code_urls == (
        "https://github.com/mit-han-lab/vila-u",
        "https://huggingface.co/collections/mit-han-lab/vila-u-7b",
    )


def test_a_badge_that_names_no_venue_is_no_venue(write: Write) -> None:
    entry = only(
        write,
        "| Paper | Code |\n|---|---|\n"
        "| [![Type](https://img.shields.io/badge/Unstructured-C2A4A6)]() <br>"
        " [Junk DNA Hypothesis](https://arxiv.org/abs/2310.02277) | - |\n",
    )
    assert (entry.title, entry.venue) == ("Junk DNA Hypothesis", "")


def test_a_nickname_is_no_label_and_source_is_code(write: Write) -> None:
    """l_llmsurvey's numbered items: '<u>Name</u>: **"Title"**. *Authors* VENUE YEAR.
    [[Paper](...)] [[Source](...)]'; 'Source' is the source code, wherever it is hosted."""
    found = entries(
        write,
        '1. <u>TensorFlow</u>: **"TensorFlow: A system for large-scale machine learning"**.'
        " *Martín Abadi et al.* OSDI 2016. [[Paper](https://arxiv.org/abs/1605.08695)]"
        " [[Source](https://www.tensorflow.org/)]\n"
        '2. <u>OneFlow</u>: **"OneFlow: Redesign the Distributed Deep Learning Framework"**.'
        " *Jinhui Yuan et al.* arXiv 2021. [[Paper](https://arxiv.org/abs/2110.15032)]"
        " [[Source](https://github.com/Oneflow-Inc/oneflow)]\n",
    )
    assert [(e.venue, e.code_urls) for e in found] == [
        ("OSDI 2016", ("https://www.tensorflow.org/",)),
        ("arXiv 2021", ("https://github.com/Oneflow-Inc/oneflow",)),
    ]


def test_plain_title_cells_lose_their_numbering_and_description(write: Write) -> None:
    """dair-ai/ML-Papers-of-the-Week: '| 1) Title - description | [Paper](...) |'; a
    capitalised subtitle after a dash, or a double space inside a short title, stays."""
    found = entries(
        write,
        "| **Paper** | **Links** |\n|---|---|\n"
        "| 1) Self-Adaptive LLMs - introduces Transformer^2, a novel self-adaptation framework |"
        " [Paper](https://arxiv.org/abs/2501.06252) |\n"
        '| 2) **Alignment Faking in LLMs** - shows that a model engages in "alignment faking" |'
        " [Paper](https://arxiv.org/abs/2412.14093) |\n"
        "| 3) Mamba - Linear-Time Sequence Modeling | [Paper](https://arxiv.org/abs/2312.00752) |\n"
        "| High-Throughput Generative Inference of Large Language Models  with a Single GPU |"
        " [Paper](https://arxiv.org/abs/2303.06865) |\n",
    )
    assert [e.title for e in found] == [
        "Self-Adaptive LLMs",
        "Alignment Faking in LLMs",
        "Mamba - Linear-Time Sequence Modeling",
        "High-Throughput Generative Inference of Large Language Models  with a Single GPU",
    ]


def test_papers_written_as_paragraphs(write: Write) -> None:
    """hee9joon/Awesome-Diffusion-Models: no list markers, one paragraph a paper, lines
    joined by backslash breaks, the date on the last line; prose around them is no entry."""
    found = entries(
        write,
        "# Diffusion\n\nThis list follows [our survey](https://arxiv.org/abs/2209.00796).\n\n"
        "**Diffusion Models in NLP: A Survey** \\\n*Yuansong Zhu, Yu Zhao* \\\n"
        "arXiv 2023. [[Paper](https://arxiv.org/abs/2303.07576)] \\\n14 Mar 2023\n\n"
        "**Diffusion Models in Vision: A Survey** \\\n*Florinel-Alin Croitoru, In So Kweon* \\\n"
        "TPAMI 2023. [[Paper](https://arxiv.org/abs/2209.04747)]"
        " [[Github](https://github.com/CroitoruAlin/Diffusion-Models-in-Vision-A-Survey)] \\\n"
        "10 Sep 2022\n",
    )
    assert [(e.line, e.end_line, e.title, e.venue, e.date) for e in found] == [
        (5, 8, "Diffusion Models in NLP: A Survey", "arXiv 2023", "14 Mar 2023"),
        (10, 13, "Diffusion Models in Vision: A Survey", "TPAMI 2023", "10 Sep 2022"),
    ]
    assert found[1].code_urls == (
        "https://github.com/CroitoruAlin/Diffusion-Models-in-Vision-A-Survey",
    )
    assert found[0].block == found[1].block and found[0].layout == Layout.LIST


def test_website_badges_are_project_links_and_name_no_venue(write: Write) -> None:
    """A Website column of badge links is code whatever the host; a 'Homepage' badge is
    no venue, the bracketed venue beside it is; a Pub. & Date column holds either."""
    found = entries(
        write,
        "| Title | WebSite | Pub. & Date |\n|---|---|---|\n"
        "| [PYoCo](https://arxiv.org/abs/2305.10474) |"
        " [![Website](https://img.shields.io/badge/Website-9cf)](https://research.nvidia.com/labs/dir/pyoco/)"
        " | May, 2023 |\n"
        "| [Grid Diffusion](https://arxiv.org/abs/2404.00234) | - | CVPR, 2024 |\n\n"
        "- Paper: [Aligning What VLMs See](https://arxiv.org/abs/2604.15809) (CVPR 2026)"
        " [![Static Badge](https://img.shields.io/badge/Homepage-blue)](https://cxliu0.github.io/AIF/)\n",
    )
    assert [(e.venue, e.date, e.code_urls) for e in found] == [
        ("", "May, 2023", ("https://research.nvidia.com/labs/dir/pyoco/",)),
        ("CVPR, 2024", "", ()),
        ("CVPR 2026", "", ("https://cxliu0.github.io/AIF/",)),
    ]


def test_a_venue_glued_to_et_al_and_a_publication_time_of_dates(write: Write) -> None:
    found = entries(
        write,
        "- [2022/10] **Language Models of Code are Few-Shot Commonsense Learners.** *Aman Madaan"
        " et al.arXiv.* [[paper](https://arxiv.org/abs/2210.07128)]\n\n"
        "| Metrics | Earliest publication time | Paper name |\n|---|---|---|\n"
        "| SSIM | 2004.04 | [Image quality assessment](https://ieeexplore.ieee.org/document/1284395)"
        " |\n",
    )
    assert [(e.venue, e.date) for e in found] == [("arXiv", "2022/10"), ("", "2004.04")]


def test_an_html_header_of_two_rows_with_spans(write: Write) -> None:
    """Paitesanshi/LLM-Agent-Survey: 'Memory' spans two columns over 'Operation' and
    'Structure'; the Paper and Code columns after it keep their place."""
    entry = only(
        write,
        "<table>\n<tr><td rowspan='2'>Model</td><td colspan='2'>Memory</td>"
        "<td rowspan='2'>Paper</td><td rowspan='2'>Code</td></tr>\n"
        "<tr><td>Operation</td><td>Structure</td></tr>\n"
        "<tr><td>SayCan</td><td>-</td><td>-</td>"
        '<td><a href="https://arxiv.org/abs/2204.01691">Paper</a></td>'
        '<td><a href="https://say-can.github.io/">Code</a></td></tr>\n</table>\n',
    )
    assert (entry.title, entry.paper_url, entry.code_urls) == (
        "SayCan",
        "https://arxiv.org/abs/2204.01691",
        ("https://say-can.github.io/",),
    )


def test_html_cells_whose_row_lost_its_tr_are_a_row(write: Write) -> None:
    """A row written '<td>...</td></tr>' without its '<tr>': a browser still shows it as a
    row, so it is a paper, on its own line, with its own cells."""
    found = entries(
        write,
        "<table>\n<tr><th>Paper</th><th>Venue</th><th>Code</th></tr>\n"
        '<tr><td><a href="https://arxiv.org/abs/2301.00001">Alpha Learning</a></td>'
        "<td>CVPR 2023</td><td>-</td></tr>\n"
        '<td><a href="https://arxiv.org/abs/2301.00002">Gamma Networks</a></td>'
        '<td>ICCV 2023</td><td><a href="https://github.com/c/d">code</a></td></tr>\n'
        '<tr><td><a href="https://arxiv.org/abs/2301.00003">Delta Models</a></td>'
        "<td>NeurIPS 2022</td><td>-</td></tr>\n</table>\n",
    )
    assert [(e.line, e.title, e.venue, e.code_urls) for e in found] == [
        (3, "Alpha Learning", "CVPR 2023", ()),
        (4, "Gamma Networks", "ICCV 2023", ("https://github.com/c/d",)),
        (5, "Delta Models", "NeurIPS 2022", ()),
    ]


def test_plain_titles_with_year_then_authors(write: Write) -> None:
    """terryum/awesome-deep-learning-papers: '- Title (2017), Andrew G. Howard et al.
    [[pdf]](...)' (100 items); a title written like the authors ('Learning, Reasoning, and
    Planning') keeps its commas."""
    found = entries(
        write,
        "- MobileNets: Efficient Convolutional Networks (2017), Andrew G. Howard et al. "
        "[[pdf]](https://arxiv.org/pdf/1704.04861.pdf)\n"
        "- Batch renormalization: Towards reducing minibatch dependence (2017), S. Ioffe "
        "[[pdf]](https://arxiv.org/pdf/1702.03275)\n"
        "- From captions to visual concepts and back (2015), H. Fang et al. "
        "[[pdf]](http://example.org/fang.pdf).\n"
        "- Reducing the dimensionality of data, G. Hinton and R. Salakhutdinov. "
        "[[pdf]](http://example.org/hinton.pdf)\n"
        "- Learning, Reasoning, and Planning (2019) [[pdf]](http://example.org/lrp.pdf)\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("MobileNets: Efficient Convolutional Networks", "2017"),
        ("Batch renormalization: Towards reducing minibatch dependence", "2017"),
        ("From captions to visual concepts and back", "2015"),
        ("Reducing the dimensionality of data", ""),
        ("Learning, Reasoning, and Planning", "2019"),
    ]


def test_a_dotted_venue_date_tag_and_a_bracketed_second_link(write: Write) -> None:
    """Yangzhangcst/Transformer-in-Computer-Vision: '(arXiv.2021.02) Title, [[Paper]](...)'
    is dated like '(arXiv 2021.02)'; a second link in brackets ('[[Awesome]](...)') is no
    part of the title."""
    found = entries(
        write,
        "- (arXiv.2021.02) Conditional Positional Encodings for Vision Transformers, "
        "[[Paper]](https://arxiv.org/abs/2102.10882)\n"
        "- (arXiv 2023.06) 2D Object Detection with Transformers: A Review. "
        "[[Paper]](https://arxiv.org/pdf/2306.04670.pdf), [[Awesome]](https://github.com/a/b)\n",
    )
    assert [(e.title, e.venue, e.date) for e in found] == [
        ("Conditional Positional Encodings for Vision Transformers", "arXiv", "2021.02"),
        ("2D Object Detection with Transformers: A Review", "arXiv", "2023.06"),
    ]


def test_an_emphasised_venue_after_the_authors(write: Write) -> None:
    """jason718/awesome-self-supervised-learning: '  - Dhiraj Gandhi, Lerrel Pinto, Abhinav
    Gupta *IROS 2017*' under the title: the venue is the emphasis, not the last author."""
    entry = only(
        write,
        "- Learning to Fly by Crashing\n  [[pdf]](https://arxiv.org/abs/1704.05588)\n"
        "  - Dhiraj Gandhi, Lerrel Pinto, Abhinav Gupta *IROS 2017*\n",
    )
    assert (entry.title, entry.venue) == ("Learning to Fly by Crashing", "IROS 2017")


def test_news_items_are_no_entries(write: Write) -> None:
    """RManLuo/Awesome-LLM-KG, WooooDyy/LLM-Agent-Paper-List: a News section announces
    papers in sentences ('Our [roadmap paper](...) has been accepted by TKDE.'); its links are
    still links, the papers are the list's below."""
    path = write(
        "# List\n\n## 🔔 News\n\n"
        "* Our [roadmap paper](https://arxiv.org/abs/2306.08302) has been accepted by TKDE.\n"
        "* [2024/05/02] R3 ([Training LLMs for Reasoning](https://arxiv.org/abs/2402.05808))"
        " was accepted by ICML 2024!\n\n"
        "## Papers\n\n"
        "* Unifying Large Language Models and Knowledge Graphs: A Roadmap (TKDE, 2024) "
        "[[paper]](https://arxiv.org/abs/2306.08302)\n"
    )
    survey = parse_survey([read_source(path)])
    assert [(e.line, e.venue) for e in survey.entries] == [(10, "TKDE, 2024")]
    assert [link.line for link in survey.links] == [5, 6, 10]


def test_links_markdown_refused_leave_no_title_or_venue(write: Write) -> None:
    """GT-RIPL/Awesome-LLM-Robotics: '[[Website] (https://...)]' is no link, and its label
    no venue; Transformer-in-Computer-Vision: a code link closed by a full-width parenthesis is
    a bare URL, never the title, and the words of the links before it leave the title alone."""
    found = entries(
        write,
        '- **ProgPrompt**: "Programmatically Grounded Robotic Manipulation", ICLR, Apr 2023. '
        "[[Paper](https://arxiv.org/abs/2304.13826)] [[Website] (https://progport.github.io/)]\n"
        "- Memory-Augmented Transformer for Stain Restoration, [[Paper]](https://arxiv.org/abs/"
        "2401.00001),[[Code]](https://github.com/CXH-Research/StainRestorer\uff09\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Programmatically Grounded Robotic Manipulation", "ICLR"),
        ("Memory-Augmented Transformer for Stain Restoration", ""),
    ]


def test_citations_in_apa_and_gbt_style(write: Write) -> None:
    """TsinghuaDatabaseGroup/AIDB: 'Authors (2019). Title. VENUE, 2019.' (APA, 'n.d.' when
    undated, one author too), 'Tzoumas K, Deshpande A. Title[J]. Venue' (GB/T 7714), a title
    ending in '!' before its venue; the bracketed year gives way to the venue named."""
    link = "[[paper](https://doi.org/10.14778/{})]"
    found = entries(
        write,
        "**[Card, Data-based]** Yang, Z., Liang, E., Wu, C., … Stoica, I. (2019). Deep "
        f"Unsupervised Cardinality Estimation. VLDB, 2019. {link.format(1)}\n\n"
        "**[Cost]** Sun, J., & Li, G. (n.d.). *An End-to-End Learning-based Cost Estimator*. "
        f"VLDB, 2020. {link.format(2)}\n\n"
        "**[1-D]** Shangyu Wu. (2022). *NFL: Robust Learned Index via Distribution "
        f"Transformation*. VLDB, 2022. {link.format(3)}\n\n"
        "**[Card]** Tzoumas K, Deshpande A, Jensen C S. Lightweight graphical models for "
        "selectivity estimation[J]. Proceedings of the VLDB Endowment, 4(11): 852-863, 2011. "
        f"{link.format(4)}\n\n"
        "**[Card]** Hilprecht, B., Schmidt, A., & Binnig, C. (2020). DeepDB: Learn from data, "
        f"not from queries! VLDB, 2020. {link.format(5)}\n",
    )
    assert [e.title for e in found] == [
        "Deep Unsupervised Cardinality Estimation",
        "An End-to-End Learning-based Cost Estimator",
        "NFL: Robust Learned Index via Distribution Transformation",
        "Lightweight graphical models for selectivity estimation",
        "DeepDB: Learn from data, not from queries!",
    ]
    assert [e.venue for e in found][:4] == [
        "VLDB, 2019",
        "VLDB, 2020",
        "VLDB, 2022",
        "Proceedings of the VLDB Endowment",
    ]


def test_a_title_wrapped_onto_the_next_line(write: Write) -> None:
    """RManLuo/Awesome-LLM-KG, jason718/awesome-self-supervised-learning: a title that runs on
    to the next source line before its tag or links is one title; a line of authors below a
    title is not part of it."""
    found = entries(
        write,
        "* Deep Bidirectional Language-Knowledge Graph\nPretraining (NIPS, 2022) "
        "[[paper]](https://arxiv.org/abs/2210.09338)\n"
        "-   Supersizing Self-supervision: Learning to Grasp from 50K Tries and\n"
        "    700 Robot Hours. [\\[pdf\\]](https://arxiv.org/pdf/1509.06825.pdf)\n"
        "    -   Pinto, Lerrel and Gupta, Abhinav. *ICRA 2016*\n"
        "- Learning to Fly by Crashing\n  Dhiraj Gandhi, Lerrel Pinto (IROS 2017) "
        "[[pdf]](https://arxiv.org/abs/1704.05588)\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Deep Bidirectional Language-Knowledge Graph Pretraining", "NIPS, 2022"),
        (
            "Supersizing Self-supervision: Learning to Grasp from 50K Tries and 700 Robot Hours",
            "ICRA 2016",
        ),
        ("Learning to Fly by Crashing", "IROS 2017"),
    ]


def test_tag_chips_and_emoji_shortcodes_are_no_title(write: Write) -> None:
    """Yochengliu/awesome-point-cloud-analysis: '[[ICRA](...)] Title. [__`seg.`__ __`oth.`__]'
    tags the paper in bold code chips, and ':star:' marks it; neither is its title."""
    found = entries(
        write,
        "- [[NeurIPS](https://papers.nips.cc/paper/6931-deep-sets)] Deep Sets. "
        "[[pytorch](https://github.com/manzilzaheer/DeepSets)] [__`cls.`__] :star:\n"
        "- [[ICRA](https://ieeexplore.ieee.org/document/7989618)] SegMatch: Segment based "
        "place recognition in 3D point clouds. [__`seg.`__ __`oth.`__] :fire: :star:\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Deep Sets", "NeurIPS"),
        ("SegMatch: Segment based place recognition in 3D point clouds", "ICRA"),
    ]


def test_authors_after_a_title_link_are_no_venue(write: Write) -> None:
    """dkozlov/awesome-knowledge-distillation ('[Title](url), L.K. Hansen, P. Salamon, 1990'),
    yenchenlin/awesome-adversarial-machine-learning ('[Title](url) N. Carlini et al., SSP
    2017'): the year, or the venue, the authors are written before; a venue the table does
    not know ('IEEE DSAA, 2018', 'Information Fusion, 2019') is kept."""
    found = entries(
        write,
        "- [Neural Network Ensembles](https://example.org/nne), L.K. Hansen, P. Salamon, 1990\n"
        "- [FitNets: Hints for Thin Deep Nets](https://arxiv.org/pdf/1412.6550), Adriana "
        "Romero, Nicolas Ballas, Samira Ebrahimi Kahou, Carlo Gatta, Yoshua Bengio, 2015\n"
        "- [Ensemble Methods](http://example.org/em.pdf), Thomas G. Dietterich, 2000\n"
        "- [Towards Evaluating the Robustness of Neural Networks]"
        "(https://arxiv.org/abs/1608.04644) N. Carlini et al., SSP 2017\n"
        "- [Title Three Here](https://example.org/p3), IEEE DSAA, 2018\n"
        "- [Explainable AI: Concepts](http://arxiv.org/abs/1910.10045), Information Fusion, "
        "2019\n",
    )
    assert [e.venue for e in found] == [
        "1990",
        "2015",
        "2000",
        "SSP 2017",
        "IEEE DSAA, 2018",
        "Information Fusion, 2019",
    ]


def test_a_heading_then_authors_abstract_and_a_paragraph_of_links(write: Write) -> None:
    """MrNeRF/awesome-3D-gaussian-splatting: '### 3. OmniRe: ...', '**Authors**: ...', the
    abstract in '<details>', then '[📄 Paper](...) | [🌐 Project Page](...) | [💻 Code](...)':
    one paper, titled by its heading; a code link still to come ('[💻 Code (not yet)]()') is
    no forgotten placeholder."""
    path = write(
        "# Resources\n\n## Autonomous Driving\n\n"
        "### 3. OmniRe: Omni Urban Scene Reconstruction\n"
        "**Authors**: Ziyu Chen, Jiawei Yang, Jiahui Huang\n"
        "<details span>\n<summary><b>Abstract</b></summary>\nWe introduce OmniRe.\n"
        "</details>\n\n"
        "[📄 Paper](https://arxiv.org/abs/2408.16760) | [🌐 Project Page]"
        "(https://ziyc.github.io/omnire/) | [💻 Code](https://github.com/ziyc/drivestudio)\n\n"
        "### 1. [CVPR '24] DrivingGaussian: Composite Gaussian Splatting for Driving Scenes\n"
        "**Authors**: Xiaoyu Zhou, Zhiwei Lin\n\n"
        "  [📄 Paper (Low Resolution)](https://arxiv.org/pdf/2312.07920.pdf) | "
        "[🎥 Explanation Video](https://youtu.be/x) | [💻 Code (not yet)]()\n"
    )
    found = list(parse_survey([read_source(path)]).entries)
    assert [(e.line, e.title, e.venue, e.paper_url, e.code_urls) for e in found] == [
        (
            5,
            "OmniRe: Omni Urban Scene Reconstruction",
            "",
            "https://arxiv.org/abs/2408.16760",
            ("https://ziyc.github.io/omnire/", "https://github.com/ziyc/drivestudio"),
        ),
        (
            14,
            "DrivingGaussian: Composite Gaussian Splatting for Driving Scenes",
            "CVPR '24",
            "https://arxiv.org/pdf/2312.07920.pdf",
            (),
        ),
    ]
    assert [f.kind for f in findings_of(path) if f.severity.value != "info"] == []


def test_a_paper_column_beside_the_title_column(write: Write) -> None:
    """yueliu1999/Awesome-Deep-Graph-Clustering: '| Year | Title | Venue | Paper | Code |',
    the Paper column's '[Link](...)' is the paper whatever its host; a link there whose words
    say it is something else ('[[docs]]', '[[blog]]') is not."""
    found = entries(
        write,
        "| Year | Title | Venue | Paper | Code |\n|---|---|---|---|---|\n"
        "| 2022 | **Fine-grained Attributed Graph Clustering** | SDM | "
        "[Link](https://epubs.siam.org/doi/epdf/10.1137/1.9781611977172.42) | "
        "[Link](https://github.com/sckangz/FGC) |\n"
        "| 2023 | **FlashInfer: Kernel Library for LLM Serving** | - | "
        "[[docs]](https://flashinfer.ai/2024/02/02/cascade-inference.html) | "
        "[[flashinfer]](https://github.com/flashinfer-ai/flashinfer) |\n",
    )
    assert [(e.paper_url, e.code_urls) for e in found] == [
        (
            "https://epubs.siam.org/doi/epdf/10.1137/1.9781611977172.42",
            ("https://github.com/sckangz/FGC",),
        ),
        (None, ("https://github.com/flashinfer-ai/flashinfer",)),
    ]


def test_a_br_ends_the_title_and_a_year_in_the_title_is_written_beside_it(
    write: Write,
) -> None:
    """HuangOwen/Awesome-LLM-Compression: 'Title <br> TACL [[Paper]](...)' (a title wraps
    only at a source line's end, never at a '<br>'); awesome-speech-recognition...: a year in
    the title ('**VoxSRC 2019: ...**(2019)') and beside it is the entry's year."""
    found = entries(
        write,
        "- A Survey on Model Compression for Large Language Models <br> TACL "
        "[[Paper]](https://arxiv.org/abs/2308.07633)\n"
        "- **VoxSRC 2019: The first VoxCeleb Speaker Recognition Challenge**(2019), Son Chung "
        "et al. [[pdf]](https://arxiv.org/pdf/1912.02522)\n"
        "- **CGF: Learning Compact Geometric Features** [[pdf]](https://arxiv.org/abs/1709.05056)\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("A Survey on Model Compression for Large Language Models", "TACL"),
        ("VoxSRC 2019: The first VoxCeleb Speaker Recognition Challenge", "2019"),
        ("CGF: Learning Compact Geometric Features", ""),
    ]


def test_brackets_that_belong_to_the_title(write: Write) -> None:
    """HuangOwen/Awesome-LLM-Compression: 'LLM.int8(): ...' keeps its '()', and '(Dynamic)
    Prompting ...' its first word; a venue tag before a title still goes."""
    found = entries(
        write,
        "- LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale <br> NeurIPS 2022 "
        "[[Paper]](https://arxiv.org/abs/2208.07339)\n"
        "- (Dynamic) Prompting might be all you need to repair Compressed LLMs <br> Arxiv 2023 "
        "[[Paper]](https://arxiv.org/abs/2310.00867)\n"
        "- (CVPR 2021) Pre-Trained Image Processing Transformer, "
        "[[Paper]](https://arxiv.org/abs/2012.00364)\n",
    )
    assert [e.title for e in found] == [
        "LLM.int8(): 8-bit Matrix Multiplication for Transformers at Scale",
        "(Dynamic) Prompting might be all you need to repair Compressed LLMs",
        "Pre-Trained Image Processing Transformer",
    ]


def test_a_bracketed_venue_by_its_long_full_name(write: Write) -> None:
    """Yutong-Zhou-cv/Awesome-Text-to-Image: '(IEEE Transactions on Neural Networks and
    Learning Systems 2022) ... **Title**': nine words, but the full name of a venue."""
    entry = only(
        write,
        "* (IEEE Transactions on Neural Networks and Learning Systems 2022) [💬Person Generation]"
        " **Verbal-Person Nets: Pose-Guided Multi-Granularity Language-to-Person Generation**,"
        " Deyin Liu et al. [[Paper](https://ieeexplore.ieee.org/document/9732175)]\n",
    )
    assert entry.venue == "IEEE Transactions on Neural Networks and Learning Systems 2022"


def test_a_bold_phrase_inside_a_plain_title(write: Write) -> None:
    """DirtyHarryLYL/Transformer-in-Vision: '(arXiv 2023.2) Deep Learning for **Video-Text
    Retrieval**: a Review' bolds words of its title (2,147 titles were the bold words); a
    bold title after its tag or its authors is still the title."""
    found = entries(
        write,
        "- (arXiv 2023.2) Deep Learning for **Video-Text Retrieval**: a Review, "
        "[[Paper]](https://arxiv.org/pdf/2302.12552.pdf)\n"
        "- Kipf et al. **Semi-Supervised Classification with GCNs**. ICLR 2017 "
        "[[Paper]](https://arxiv.org/abs/1609.02907)\n"
        "- [CVPR 2023] **Title In Bold Here** [[Paper]](https://arxiv.org/abs/2301.00001)\n",
    )
    assert [e.title for e in found] == [
        "Deep Learning for Video-Text Retrieval: a Review",
        "Semi-Supervised Classification with GCNs",
        "Title In Bold Here",
    ]


def test_a_model_name_after_the_links_and_a_title_like_an_author_pair(write: Write) -> None:
    """ZhengZixiang/ATPapers: 'Title (NAACL 2018) [[paper]](...) - ***ELMo***' is titled by
    its plain title, not the model's bold name; a full-width '\uff08' opens a venue too.
    FLHonker/Awesome-Knowledge-Distillation: 'Joint Progressive Knowledge Distillation and
    Unsupervised Domain Adaptation. Nguyen-Meidine et al. WACV 2020' is a title, not two
    people; a bold title after its tags still is the title."""
    found = entries(
        write,
        "- Deep Contextualized Word Representations (NAACL 2018) "
        "[[paper]](https://aclweb.org/anthology/N18-1202) - ***ELMo***\n"
        "- Joint Progressive Knowledge Distillation and Unsupervised Domain Adaptation. "
        "Nguyen-Meidine et al. WACV 2020 [[paper]](https://arxiv.org/abs/2005.07839)\n"
        "- Efficient Training of BERT by Progressively Stacking \uff08ICML 2019) "
        "[[paper]](http://proceedings.mlr.press/v97/gong19a.html)\n"
        "- \u2b50(arXiv preprint 2023) [Image Editing] **Delta Denoising Score**, Amir Hertz "
        "et al. [[Paper](https://arxiv.org/abs/2304.07090)]\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Deep Contextualized Word Representations", "NAACL 2018"),
        (
            "Joint Progressive Knowledge Distillation and Unsupervised Domain Adaptation",
            "WACV 2020",
        ),
        ("Efficient Training of BERT by Progressively Stacking", "ICML 2019"),
        ("Delta Denoising Score", "arXiv preprint 2023"),
    ]


def test_a_citations_last_sentence_is_its_venue(write: Write) -> None:
    """FLHonker/Awesome-Knowledge-Distillation: 'N. Title. Li, Kang et al. TMI 2021', '...
    Huang, Zehao & Wang, Naiyan. 2017': the last sentence, after the authors, is the venue
    even when the venue table does not know it; a year alone and 'TOIS 2018' elsewhere do
    not disagree."""
    path = write(
        "1. Dual-Teacher++: Exploiting Intra-domain Knowledge. Li, Kang et al. TMI 2021\n"
        "2. Like What You Like: Knowledge Distill via Neuron Selectivity Transfer. Huang, Zehao"
        " & Wang, Naiyan. 2017\n"
        "3. Layer-Level Knowledge Distillation for Deep Neural Networks. Li, Hao Ting et al. "
        "Applied Sciences, 2019\n"
        "4. Adversarial Distillation for Efficient Recommendation. Wang, Xiaojie et al. TOIS "
        "2018\n"
        "5. Adversarial Distillation for Efficient Recommendation. Wang, Xiaojie et al. 2018\n",
    )
    survey = parse_survey([read_source(path)])
    assert [e.venue for e in survey.entries] == [
        "TMI 2021",
        "2017",
        "Applied Sciences, 2019",
        "TOIS 2018",
        "2018",
    ]
    assert [f.kind for f in findings_of(path) if f.kind == "inconsistent-entry"] == []


def test_a_remark_in_brackets_is_no_venue(write: Write) -> None:
    """kjw0612/awesome-deep-vision: '..., arXiv:1504.01013. [[Paper]](...) (1st ranked in
    VOC2012)' is a remark, the citation names the venue; uncbiag/Awesome-Foundation-Models:
    '(vision benchmark. from Stanford, 2009)' is a note; a journal's long name in brackets
    ('(Expert Systems with Applications, 2023)') is a venue."""
    found = entries(
        write,
        "* Adelaide\n"
        "  * Guosheng Lin, Chunhua Shen, Efficient piecewise training of deep structured models,"
        " arXiv:1504.01013. [[Paper]](http://arxiv.org/pdf/1504.01013) (1st ranked in VOC2012)\n"
        "* Pre-training language model incorporating domain-specific knowledge (Expert Systems"
        " with Applications, 2023) [[paper]](https://www.sciencedirect.com/science/article/x)\n",
    )
    assert [e.venue for e in found] == [
        "arXiv:1504.01013",
        "Expert Systems with Applications, 2023",
    ]


def test_a_citation_that_lists_its_authors_first_comma_after_comma(write: Write) -> None:
    """kjw0612/awesome-deep-vision: 'Hanxi Li, Yi Li and Fatih Porikli, DeepTrack: ..., BMVC,
    2014. [[Paper]](...)' is titled after its authors; 'Yongjoo Park, Shucheng Zhong, and
    Barzan Mozafari. Quicksel: ...' ends its authors with a full stop, as before."""
    found = entries(
        write,
        "* Hanxi Li, Yi Li and Fatih Porikli, DeepTrack: Learning Discriminative Feature "
        "Representations for Visual Tracking, BMVC, 2014. [[Paper]](http://example.org/dt.pdf)\n"
        "* N Wang, DY Yeung, Learning a Deep Compact Image Representation for Visual Tracking, "
        "NIPS, 2013. [[Paper]](http://winsty.net/papers/dlt.pdf)\n"
        "* Bolei Zhou, Aditya Khosla, Aude Oliva, Object Detectors Emerge in Deep Scene CNNs, "
        "ICLR, 2015. [[arXiv Paper]](http://arxiv.org/abs/1412.6856)\n"
        "* Yongjoo Park, Shucheng Zhong, and Barzan Mozafari. Quicksel: Quick selectivity "
        "learning with mixture models. SIGMOD 2020. [[paper](https://arxiv.org/pdf/1812.10568)]\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        (
            "DeepTrack: Learning Discriminative Feature Representations for Visual Tracking",
            "BMVC, 2014",
        ),
        ("Learning a Deep Compact Image Representation for Visual Tracking", "NIPS, 2013"),
        ("Object Detectors Emerge in Deep Scene CNNs", "ICLR, 2015"),
        ("Quicksel: Quick selectivity learning with mixture models", "SIGMOD 2020"),
    ]


def test_paper_paragraphs_under_a_category_item(write: Write) -> None:
    """hymie122/RAG-Survey: category bullets whose papers are one-link paragraphs."""
    found = entries(
        write,
        "- Input Enhancement\n\n  - Query Transformations\n\n"
        "    [Query2doc: Query Expansion with Large Language Models]"
        "(https://aclanthology.org/2023.emnlp-main.585)\n\n"
        "    [Tree of Clarifications: Answering Ambiguous Questions]"
        "(https://openreview.net/forum?id=vDvFT7IX4O)\n\n"
        "    [LlamaIndex](https://github.com/jerryjliu/llama_index)\n",
    )
    assert [(e.line, e.title) for e in found] == [
        (5, "Query2doc: Query Expansion with Large Language Models"),
        (7, "Tree of Clarifications: Answering Ambiguous Questions"),
    ]


def test_items_written_like_their_paper_siblings_are_papers(write: Write) -> None:
    """uncbiag/Awesome-Foundation-Models: among items that link arXiv, one linked to its
    project page is a paper too; one linked to its repository has that as code."""
    found = entries(
        write,
        "* [12/27] [DeepSeek-V3 Technical Report](https://arxiv.org/abs/2412.19437)\n"
        "* [12/18] [Genesis: A Generative and Universal Physics Engine]"
        "(https://genesis-embodied-ai.github.io/) (from CMU)\n"
        "* [12/13] [Apollo: An Exploration of Video Understanding](https://arxiv.org/abs/2412.10360)\n"
        "* [04/05] [SAM: Segment Anything](https://github.com/facebookresearch/segment-anything)\n"
        "* [12/10] [Infinity: Scaling Bitwise AutoRegressive Modeling](https://arxiv.org/abs/2412.04431)"
        " (from ByteDance, ICCV 2025 best paper)\n",
    )
    assert [(e.title.split(":")[0], e.paper_url, e.code_urls, e.venue) for e in found] == [
        ("DeepSeek-V3 Technical Report", "https://arxiv.org/abs/2412.19437", (), ""),
        ("Genesis", "https://genesis-embodied-ai.github.io/", (), ""),
        ("Apollo", "https://arxiv.org/abs/2412.10360", (), ""),
        ("SAM", None, ("https://github.com/facebookresearch/segment-anything",), ""),
        ("Infinity", "https://arxiv.org/abs/2412.04431", (), "ICCV 2025 best paper"),
    ]
    alone = entries(
        write, "* [LangChain: a framework](https://github.com/langchain-ai/langchain)\n"
    )
    assert alone == []


def test_citations_and_arxiv_ids_as_venues(write: Write) -> None:
    """floodsung/Deep-Learning-Papers-Reading-Roadmap and Event-AHU's Mamba list."""
    found = entries(
        write,
        '**[1]** Kingma, Diederik, and Jimmy Ba. "**Adam: A method for stochastic optimization**."'
        " arXiv preprint arXiv:1412.6980 (2014). [[pdf]](http://arxiv.org/pdf/1412.6980)\n\n"
        '**[2]** Goodfellow, Ian, et al. "**Generative adversarial nets**." Advances in Neural'
        " Information Processing Systems. 2014. [[pdf]](http://papers.nips.cc/paper/5423.pdf)\n\n"
        '**[3]** Oord, Aaron van den, et al. "Conditional image generation with PixelCNN decoders."'
        " arXiv preprint arXiv:1606.05328 (2016). [[pdf]](https://arxiv.org/pdf/1606.05328)"
        " **(PixelCNN)**\n\n"
        "* [arXiv:2502.10463] **From Layers to States: A State Space Model Perspective**,\n"
        "  [[Paper](https://arxiv.org/abs/2502.10463)]\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Adam: A method for stochastic optimization", "arXiv preprint arXiv:1412.6980 (2014)"),
        (
            "Generative adversarial nets",
            "Advances in Neural Information Processing Systems. 2014",
        ),
        (
            "Conditional image generation with PixelCNN decoders",
            "arXiv preprint arXiv:1606.05328 (2016)",
        ),
        ("From Layers to States: A State Space Model Perspective", "arXiv:2502.10463"),
    ]


def test_one_paper_cited_by_several_results_is_no_duplicate(write: Write) -> None:
    """sebastianruder/NLP-progress: a results table names each model; rows of one paper under
    two names are two results, the same name twice is a duplicate."""
    link = "[Don't Give Me the Details](https://arxiv.org/pdf/1808.08745.pdf)"
    path = write(
        "| Model | ROUGE-1 | Paper / Source |\n|---|---|---|\n"
        f"| PtGen | 29.70 | {link} |\n| Seq2Seq | 28.42 | {link} |\n| PtGen | 29.70 | {link} |\n"
    )
    found = [f for f in findings_of(path) if f.kind == "duplicate-entry"]
    assert [(f.line, f.problem.related_lines) for f in found] == [(5, (3,))]


def test_one_paper_under_two_category_items_is_no_duplicate(write: Write) -> None:
    """Category bullets over their papers ('- Vision', '- Language'): a paper filed under both
    is listed twice on purpose; twice under one category it is a duplicate."""
    alpha = "[Alpha Learning for Beta Tasks](https://arxiv.org/abs/2301.00001) CVPR 2023"
    path = write(
        f"- Vision\n  - {alpha}\n  - [Gamma Networks](https://arxiv.org/abs/2301.00002)\n"
        f"- Language\n  - {alpha}\n  - [Delta Models](https://arxiv.org/abs/2301.00003)\n"
        f"  - {alpha}\n"
    )
    found = [f for f in findings_of(path) if f.kind == "duplicate-entry"]
    assert [(f.line, f.problem.related_lines) for f in found] == [(7, (5,))]


def test_a_shared_title_never_joins_two_arxiv_papers(write: Write) -> None:
    """XueFuzhao/awesome-mixture-of-experts: line 5 links Switch Transformers' arXiv ID under
    Expert Choice's title; it is Switch's row with another title, and Expert Choice (line 3,
    its own ID) stays out of Switch's rows. Two papers of one title ('DeepSolo' and
    'DeepSolo++', two surveys both called 'Diffusion Models in NLP') are no duplicate."""
    switch = "Switch Transformers: Scaling to Trillion Parameter Models"
    choice = "Mixture-of-Experts with Expert Choice Routing"
    path = write(
        f"- {switch} [Feb 2021] [Paper](https://arxiv.org/abs/2101.03961)\n"
        f"- {switch} [[11 Jan 2021]](https://arxiv.org/abs/2101.03961)\n"
        f"- {choice} [[NeurIPS 2022]](https://arxiv.org/abs/2202.09368)\n"
        "- Diffusion Models in NLP: A Survey [[paper]](https://arxiv.org/abs/2303.07576)\n"
        f"- {choice} [[18 Feb 2022]](https://arxiv.org/abs/2101.03961)\n"
        "- Diffusion Models in NLP: A Survey [[paper]](https://arxiv.org/abs/2305.14671)\n"
    )
    found = [f for f in findings_of(path) if f.severity.value != "info"]
    assert [(f.kind, f.line, f.problem.related_lines) for f in found] == [
        ("inconsistent-entry", 1, (2, 5)),  # the title; a date in a link's words is no venue
        ("duplicate-entry", 2, (1,)),
        ("duplicate-entry", 5, (1,)),
    ]
    assert f"line 5: '{choice}'" in found[0].problem.message


def test_items_with_pipe_fields_and_bold_venue_tags(write: Write) -> None:
    """hoya012/awesome-anomaly-detection: '- Title | **[Venue' YY]** | [`[pdf]`](...)'; an
    item like its siblings but with no link is a paper with no link."""
    found = entries(
        write,
        "- Anomaly Detection of Time Series  | **[Thesis' 10]** |[`[pdf]`](https://example.org/a.pdf)\n"
        "- Long short term memory networks for anomaly detection | **[ESANN' 15]** |"
        "[`[pdf]`](https://www.researchgate.net/publication/304782562_LSTM)\n"
        "- LSTM-Based System-Call Language Modeling | **[arXiv' 16]** |"
        "   [`[pdf]`](https://arxiv.org/pdf/1611.01726.pdf)\n"
        "- Few-Shot Scene-Adaptive Anomaly Detection\t | **[ECCV' 20]** \n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Anomaly Detection of Time Series", "Thesis' 10"),
        ("Long short term memory networks for anomaly detection", "ESANN' 15"),
        ("LSTM-Based System-Call Language Modeling", "arXiv' 16"),
        ("Few-Shot Scene-Adaptive Anomaly Detection", "ECCV' 20"),
    ]
    assert found[3].paper_url is None


def test_venue_first_with_a_date_and_a_bracketed_title_word(write: Write) -> None:
    """XiaoxinHe/Awesome-Graph-LLM: '- (*arXiv 2023.05*) Title [[paper](...)][[code](...)]'."""
    found = entries(
        write,
        "- (*arXiv 2023.05*) GPT4Graph: Can Large Language Models Understand Graph Data?"
        " [[paper](https://arxiv.org/abs/2305.15066)][[code](https://github.com/SpaceLearner/Graph-GPT)]\n"
        "- (*NeurIPS'24*) Graph Instruction Tuning for Large Language Models (LLMs)"
        " [[paper](https://arxiv.org/abs/2310.13023)][[project papge](https://graphgpt.github.io/)]\n",
    )
    assert [(e.title, e.venue, e.date) for e in found] == [
        ("GPT4Graph: Can Large Language Models Understand Graph Data?", "arXiv", "2023.05"),
        ("Graph Instruction Tuning for Large Language Models (LLMs)", "NeurIPS'24", ""),
    ]


def test_plain_numbered_titles_end_before_the_authors(write: Write) -> None:
    """MLGroupJLU/LLM-eval-survey: 'N. Title. _Authors et al._ Venue. [[paper](...)]', then a
    table whose name cells carry their links: '| SOCKET [[paper](...)] |'."""
    found = entries(
        write,
        "4. Tool Learning with Foundation Models. _Qin et al._ arXiv 2023."
        " [[paper](https://arxiv.org/abs/2304.08354)]\n"
        "7. Zero-shot recommendation as language modeling. _Damien Sileo et al._ ECIR 2022."
        " [[paper](https://arxiv.org/abs/2112.00000)]\n\n"
        "| Benchmark | Focus |\n|---|---|\n"
        "| Xiezhi [[paper](https://arxiv.org/abs/2306.05783)]"
        "[[GitHub](https://github.com/MikeGu721/XiezhiBenchmark)] | Knowledge |\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Tool Learning with Foundation Models", "arXiv 2023"),
        ("Zero-shot recommendation as language modeling", "ECIR 2022"),
        ("Xiezhi", ""),
    ]


def test_a_venue_worded_paper_link_is_no_title(write: Write) -> None:
    """wenhwu/awesome-remote-sensing-change-detection: the Publication cell links the paper
    as '[TGRS2024](...)' beside a Year column; the Title column holds the title."""
    entry = only(
        write,
        "| Year | Abbreviation | Title | Publication |\n|---|---|---|---|\n"
        "|2023|[ChangeCLIP](https://github.com/dyzy41/ChangeCLIP)|ChangeCLIP: Remote sensing change"
        " detection|[ISPRS P&RS 2024](https://www.sciencedirect.com/science/article/pii/S0924271624000042)|\n",
    )
    assert (entry.title, entry.venue) == (
        "ChangeCLIP: Remote sensing change detection",
        "ISPRS P&RS 2024",
    )


def test_a_citation_paragraph_names_its_venue_after_the_link(write: Write) -> None:
    """wangyongjie-ntu/Awesome-explainable-AI: '[Title](url), Venue Year' paragraphs; one on
    a publisher's page after a paper paragraph is a paper too."""
    found = entries(
        write,
        "[Explaining Explanations: An Overview of Interpretability](https://arxiv.org/abs/1806.00069),"
        " IEEE DSAA, 2018\n\n"
        "[Towards Faithful Model Explanation in NLP: A Survey](https://direct.mit.edu/coli/article/50/2/657),"
        " MIT Press 2024\n",
    )
    assert [(e.title.split(":")[0], e.venue) for e in found] == [
        ("Explaining Explanations", "IEEE DSAA, 2018"),
        ("Towards Faithful Model Explanation in NLP", "MIT Press 2024"),
    ]


def test_a_bold_title_with_its_labelled_links_below(write: Write) -> None:
    """amusi/CVPR2024-Papers-with-Code: '**Title**', then '- Homepage: / - Paper: / - Code:'
    bullets of bare URLs: one paper."""
    entry = only(
        write,
        "**InstanceDiffusion: Instance-level Control for Image Generation**\n\n"
        "- Homepage: https://people.eecs.berkeley.edu/~xdwang/projects/InstDiff/\n"
        "- Paper: https://arxiv.org/abs/2402.03290\n"
        "- Code: https://github.com/frank-xwang/InstanceDiffusion\n",
    )
    assert (entry.line, entry.end_line, entry.title, entry.paper_url) == (
        1,
        5,
        "InstanceDiffusion: Instance-level Control for Image Generation",
        "https://arxiv.org/abs/2402.03290",
    )
    assert entry.code_urls == (
        "https://people.eecs.berkeley.edu/~xdwang/projects/InstDiff/",
        "https://github.com/frank-xwang/InstanceDiffusion",
    )


def test_venue_tags_before_and_after_the_title(write: Write) -> None:
    """'* 2015-CVPR - Title. [[Paper]](...)', '- **Title (ACPR 2019)**', '* Title, in *ICLR*
    2024. [\\[official code\\]](...)': the tags are the venue, never the title."""
    found = entries(
        write,
        "* 2015-CVPR - Learning from Massive Noisy Labeled Data. [[Paper]](http://example.org/x.pdf)"
        " [[Loss-Code-Unofficial-1]](https://github.com/a/b)\n"
        "* **DAGCN: Dual Attention Graph Convolutional Networks (ACPR 2019)**\n"
        "  - [[Paper]](https://arxiv.org/abs/1904.02278)\n"
        "* CARD: Channel Aligned Robust Blend Transformer, in *ICLR* 2024."
        " [\\[official code\\]](https://github.com/wxie9/CARD) [\\[paper\\]](https://openreview.net/forum?id=MJksrOhurE)\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("Learning from Massive Noisy Labeled Data", "2015-CVPR"),
        ("DAGCN: Dual Attention Graph Convolutional Networks", "ACPR 2019"),
        ("CARD: Channel Aligned Robust Blend Transformer", "ICLR 2024"),
    ]


def test_a_paper_link_worded_as_its_venue_and_a_compact_date(write: Write) -> None:
    """EdisonLeeeee/Awesome-Fair-Graph-Learning ('Title, [[IJCAI]](arxiv), [[Code]](...)') and
    jindongwang/transferlearning ('- 20210706 CVPR-21 [Title](...)')."""
    found = entries(
        write,
        "+ FairGT: A Fairness-aware Graph Transformer, [[IJCAI]](https://arxiv.org/abs/2404.17169),"
        " [[Code]](https://github.com/yushuowiki/fairgt)\n"
        "+ Chasing Fairness in Graphs: A GNN Architecture Perspective,"
        " [[AAAI]](https://arxiv.org/abs/2312.12369)\n\n"
        "- 20210706 CVPR-21 [Instance Level Affinity-Based Transfer for Unsupervised Domain"
        " Adaptation](https://arxiv.org/abs/2104.01286)\n",
    )
    assert [(e.title, e.venue, e.date) for e in found] == [
        ("FairGT: A Fairness-aware Graph Transformer", "IJCAI", ""),
        ("Chasing Fairness in Graphs: A GNN Architecture Perspective", "AAAI", ""),
        (
            "Instance Level Affinity-Based Transfer for Unsupervised Domain Adaptation",
            "CVPR-21",
            "20210706",
        ),
    ]


def test_a_list_of_titles_only_and_a_venue_line_in_a_title_cell(write: Write) -> None:
    """naganandy's per-conference lists: items that are only a title linking a notes page
    ('.../README.md'); VainF/Awesome-Anything: '<br> > CVPR'18' under the title in its cell.
    A table of contents (anchors) or a tool list ('[LangChain](...)') stays no paper list."""
    page = "https://github.com/naganandy/graph-based-deep-learning-literature/blob/master/x"
    found = entries(
        write,
        f"- [ProfiX: Improving Profile-Guided Optimization in Compilers]({page}/profix/README.md)\n"
        f"- [You Only Spectralize Once: Taking a Spectral Detour]({page}/yoso/README.md)\n"
        f"- [Graph-Based Attention for Differentiable MaxSAT Solving]({page}/maxsat/README.md)\n\n"
        "| Title | Code |\n|---|---|\n"
        "| [**Learning to Segment Every Thing**](https://openaccess.thecvf.com/content_cvpr_2018/"
        "papers/Hu_Learning_to_Segment_CVPR_2018_paper.pdf) <br> *Ronghang Hu* <br> > CVPR'18 |"
        " [[Github](https://github.com/ronghanghu/seg_every_thing)] |\n",
    )
    assert [(e.title.split(":")[0], e.paper_url is not None, e.venue) for e in found] == [
        ("ProfiX", True, ""),
        ("You Only Spectralize Once", True, ""),
        ("Graph-Based Attention for Differentiable MaxSAT Solving", True, ""),
        ("Learning to Segment Every Thing", True, "CVPR'18"),
    ]
    assert (
        entries(
            write,
            "- [LangChain](https://github.com/a/b)\n- [LlamaIndex](https://github.com/c/d)\n- [Haystack](https://github.com/e/f)\n",
        )
        == []
    )
    toc = "".join(f"- [Section number {n} of the list](#section-{n})\n" for n in range(4))
    assert entries(write, toc) == []


def test_bold_titles_without_links_a_venue_dash_date_and_a_misspelt_label(write: Write) -> None:
    """Yangyi-Chen/Multimodal-AND-Large-Language-Models (bold titles, no links) and
    jxzhangjhu/Awesome-LLM-RAG ('Venue \u2013 Mon YYYY [[Ppaer](...)]')."""
    found = entries(
        write,
        "- **A Survey of Large Language Models;** Wayne Xin Zhao et al\n"
        "- **Multimodal Foundation Models: From Specialists to General-Purpose Assistants;** Li\n"
        "- **Visual Instruction Tuning with Language Models;** Haotian Liu et al\n\n"
        "**Self-Knowledge Guided Retrieval Augmentation for Large Language Models** \\\n"
        "*Yile Wang et al.* \\\n"
        "EMNLP 2023 \u2013 Oct 2023 [[Ppaer](https://arxiv.org/abs/2310.05002)]\n",
    )
    assert [(e.title, e.paper_url, e.venue, e.date) for e in found] == [
        ("A Survey of Large Language Models", None, "", ""),
        (
            "Multimodal Foundation Models: From Specialists to General-Purpose Assistants",
            None,
            "",
            "",
        ),
        ("Visual Instruction Tuning with Language Models", None, "", ""),
        (
            "Self-Knowledge Guided Retrieval Augmentation for Large Language Models",
            "https://arxiv.org/abs/2310.05002",
            "EMNLP 2023",
            "Oct 2023",
        ),
    ]


def test_chinese_headers(write: Write) -> None:
    """mli/paper-reading: | 已录制 | 年份 | 名字 | 简介 | 引用 | (recorded, year, name, summary,
    citations); the name is the paper's nickname linked to it."""
    entry = only(
        write,
        "| 已录制 | 年份 | 名字 | 简介 | 引用 |\n|---|---|---|---|---|\n"
        "| ✅ | 2021 | [MAE](https://arxiv.org/pdf/2111.06377.pdf) | BERT的CV版 | 1000 |\n",
    )
    assert (entry.title, entry.paper_url, entry.venue) == (
        "MAE",
        "https://arxiv.org/pdf/2111.06377.pdf",
        "2021",
    )


@pytest.fixture
def write(write_survey: Write) -> Write:
    return write_survey


def test_an_abbreviated_venue_header_and_rows_without_their_empty_last_cell(write: Write) -> None:
    """MatrixBrain/awesome-NeRF: 'Conf/Jour' is the venue column, and rows that leave off an
    empty last cell render as GitHub pads them: no table-malformed for those."""
    path = write(
        "|Year|Conf/Jour|Code|Title|OtherInfo|\n"
        "|:-:|:-:|:-:|:-:|:-:|\n"
        "|2022|Computer Graphics Forum||[Advances in Neural Rendering]"
        "(https://arxiv.org/pdf/2111.05849.pdf)||\n"
        "|2022|ECCV||[GeoAug: Data Augmentation for Few-Shot NeRF](https://www.ecva.net/g.pdf)|\n"
        "|2022|ECCV|[Torch](https://github.com/a/b)|[Sim: Learning to Generate Data]"
        "(https://arxiv.org/pdf/2207.11368.pdf)||\n"
        "|2021|ICCV|[Torch](https://github.com/c/d)|[Diet: Consistent Few-Shot Views]"
        "(https://arxiv.org/pdf/2104.00677.pdf)|[Project Page](https://www.ajayj.com/dietnerf)|\n"
    )
    survey = parse_survey([read_source(path)])
    assert [(e.line, e.venue) for e in survey.entries] == [
        (3, "Computer Graphics Forum 2022"),
        (4, "ECCV 2022"),
        (5, "ECCV 2022"),
        (6, "ICCV 2021"),
    ]
    assert survey.table_defects == ()


def test_a_row_that_lost_a_cell_in_the_middle_is_still_malformed(write: Write) -> None:
    """Line 6 leaves off its venue, so its code link lands in the Venue column; line 5 only
    leaves off its code cell."""
    path = write(
        "| Title | Venue | Code |\n|---|---|---|\n"
        "| [Alpha: One](https://arxiv.org/abs/2101.00001) | ICML 2021 | |\n"
        "| [Beta: Two](https://arxiv.org/abs/2101.00002) | ICLR 2021 |[c](https://github.com/b) |\n"
        "| [Gamma: Three](https://arxiv.org/abs/2101.00003) | ICML 2022 |\n"
        "| [Delta: Four](https://arxiv.org/abs/2101.00004) | [c](https://github.com/d/e) |\n"
    )
    survey = parse_survey([read_source(path)])
    assert [(d.line, d.message) for d in survey.table_defects] == [
        (6, "This row has 2 cells but its table's header has 3 cells.")
    ]


def test_a_venue_sentence_after_a_plain_title_is_the_venue_not_the_title(write: Write) -> None:
    """XuyangBai/awesome-point-cloud-registration: 'Title. VENUE'YYYY [[paper]](...)'."""
    found = entries(
        write,
        "- 3DFeat-Net: Weakly Supervised Local 3D Features for Point Cloud Registration."
        " ECCV'2018 [[paper]](https://arxiv.org/pdf/1807.09413.pdf)"
        " [[code]](https://github.com/yewzijian/3DFeatNet)\n"
        "- PointCloud Saliency Maps. ICCV'2019 [[paper]](http://arxiv.org/pdf/1812.01687)\n"
        "- CGF: Learning Compact Geometric Features. ICCV'2017"
        " [[paper]](http://arxiv.org/pdf/1709.05056)\n"
        "- Harris3D: a robust extension of the harris operator. VC'2011"
        " [[paper]](http://www.ivan-sipiran.com/papers/SB11b.pdf)\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        (
            "3DFeat-Net: Weakly Supervised Local 3D Features for Point Cloud Registration",
            "ECCV'2018",
        ),
        ("PointCloud Saliency Maps", "ICCV'2019"),
        ("CGF: Learning Compact Geometric Features", "ICCV'2017"),
        ("Harris3D: a robust extension of the harris operator", ""),
    ]
    assert found[0].code_urls == ("https://github.com/yewzijian/3DFeatNet",)


def test_a_title_linked_to_its_project_page_and_cited_with_its_venue_is_a_paper(
    write: Write,
) -> None:
    """awesome-NeRF/awesome-NeRF: '[Title](project page), Authors et al., VENUE YEAR | [github]
    | [bibtex]', alone in its list; a blog and a BibTeX file kept on GitHub are no code."""
    found = entries(
        write,
        "## Papers\n"
        "- [NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis]"
        "(https://www.matthewtancik.com/nerf), Mildenhall et al., ECCV 2020 |"
        " [github](https://github.com/bmild/nerf) |"
        " [bibtex](https://github.com/a/awesome-NeRF/blob/main/citations/nerf.txt)\n\n"
        "## Tools\n"
        "- [A Tool for Rendering Neural Fields](https://tool.example.org/), a viewer |"
        " [blog](https://owner.github.io/viewer/)\n\n"
        "## Surveys\n"
        "- [Neural Volume Rendering: NeRF And Beyond](https://arxiv.org/abs/2101.05204),"
        " Dellaert and Yen-Chen, Arxiv 2020 | [blog](https://dellaert.github.io/NeRF/) |"
        " [bibtex](https://raw.githubusercontent.com/a/b/main/NeRF-and-Beyond.bib)\n",
    )
    assert [(e.line, e.title, e.paper_url, e.venue) for e in found] == [
        (
            2,
            "NeRF: Representing Scenes as Neural Radiance Fields for View Synthesis",
            "https://www.matthewtancik.com/nerf",
            "ECCV 2020",
        ),
        (
            8,
            "Neural Volume Rendering: NeRF And Beyond",
            "https://arxiv.org/abs/2101.05204",
            "Arxiv 2020",
        ),
    ]
    assert found[0].code_urls == ("https://github.com/bmild/nerf",)
    assert found[1].code_urls == ()
    assert "https://dellaert.github.io/NeRF/" in found[1].other_urls


def test_a_format_template_quoted_in_a_note_is_no_paper_and_no_defect(write: Write) -> None:
    """Yutong-Zhou-cv/Awesome-Text-to-Image shows its format in a blockquote; the same line
    left outside a note is a placeholder, reported once (not also as a missing file)."""
    template = (
        "* (Conference/Journal Year) **Title**, First Author et al."
        " [[Paper](URL)] [[Code](URL)] [[Project](URL)]\n"
    )
    paper = (
        "* (NeurIPS 2023) **Real Paper About Diffusion Models**, A. Author et al."
        " [[Paper](https://arxiv.org/abs/2301.00001)]\n"
    )
    path = write(">🐌 Markdown Format:\n> " + template + "\n## Papers\n\n" + paper)
    survey = parse_survey([read_source(path)])
    assert [(e.line, e.title) for e in survey.entries] == [(6, "Real Paper About Diffusion Models")]
    assert findings_of(path) == []

    left = write("## Papers\n\n" + paper + template)
    found = sorted((f.line, f.kind) for f in findings_of(left))
    assert found == [(4, "placeholder-link")] * 3


def test_a_results_table_names_methods_that_the_list_below_titles(write: Write) -> None:
    """zhengli97/Awesome-Prompt-Adapter-Learning-for-VLMs: a results table names each method
    ('ProDA') and links its paper; rows of combined methods link nothing; the list below
    gives the full titles. Neither is a different title, and the combinations are no papers."""
    path = write(
        "| Methods | Paper | Pub | Base | HM | Code |\n"
        "| :---: | :---: | :---: | --- | :---: | :--: |\n"
        "| ProDA | [Link](https://arxiv.org/abs/2205.03340) | CVPR 22 | 81.56 | 76.65 |"
        " [Link](https://github.com/bbbdylan/proda) |\n"
        "| KgCoOp | [Link](https://arxiv.org/abs/2303.13283) | CVPR 23 | 80.73 | 77.00 |"
        " [Link](https://github.com/htyao89/KgCoOp) |\n"
        "| KgCoOp+PromptKD | - | - | 87.05 | **84.35** | - |\n"
        "| RPO | [Link](https://arxiv.org/abs/2308.14960) | ICCV 23 | 81.13 | 77.78 |"
        " [Link](https://github.com/mlvlab/RPO) |\n\n"
        "- `ProDA` **Prompt Distribution Learning.** CVPR 2022.\n"
        "  [[Paper](https://arxiv.org/abs/2205.03340)]\n"
        "- `RPO` **Read-only Prompt Optimization for Few-shot Learning.** ICCV 2023.\n"
        "  [[Paper](https://arxiv.org/abs/2308.14960)]\n"
        "- `CoOp` **Learning to Prompt for Vision-Language Models.** IJCV 2022.\n"
        "  [[Paper](https://arxiv.org/abs/2308.14960)]\n"
    )
    survey = parse_survey([read_source(path)])
    assert [(e.line, e.title) for e in survey.entries] == [
        (3, "ProDA"),
        (4, "KgCoOp"),
        (6, "RPO"),
        (8, "Prompt Distribution Learning"),
        (10, "Read-only Prompt Optimization for Few-shot Learning"),
        (12, "Learning to Prompt for Vision-Language Models"),
    ]
    titles = [f.problem for f in findings_of(path) if "different title" in f.problem.message]
    assert [(f.line, f.message) for f in titles] == [
        (
            10,
            "The same paper (arXiv 2308.14960) has a different title in 2 rows: line 10:"
            " 'Read-only Prompt Optimization for Few-shot Learning'; line 12: 'Learning to"
            " Prompt for Vision-Language Models'.",
        )
    ]


def test_numbered_plain_text_citations_are_papers(write: Write) -> None:
    """FLHonker/Awesome-Knowledge-Distillation: 'N. Title. Authors et al. VENUE YEAR
    [[code]][ref]', 'N. Title [VENUE YEAR] [[Video]](...)', no paper link; emphasised words
    inside a title; a slides PDF is not the paper."""
    found = entries(
        write,
        "1. Distilling the knowledge in a neural network. Hinton et al. arXiv:1503.02531\n"
        "2. Relational Knowledge Distillation. Park, Wonpyo et al. CVPR 2019\n"
        "3. Subclass Distillation. Müller, Rafael et al. arXiv:2002.03936\n"
        "4. Meta Pseudo Labels. Pham, Hieu et al. ICML 2020 [[code]][1.26]\n"
        "5. Fast Human _Pose Estimation_. Zhang, Feng et al. CVPR 2019\n"
        "6. Target Interest Distillation for Multi-Interest Recommendation [CIKM 2022]"
        " [[Video]](https://dl.acm.org/doi/10.1145/3511808.3557464)\n"
        "7. A General Distillation Framework for Counterfactual Recommendation. Liu, Dugang et al."
        " SIGIR 2020 [[Sildes]](http://csse.szu.edu.cn/KDCRec-Slides.pdf)\n\n"
        "[1.26]: https://github.com/google-research/google-research/tree/master/meta_pseudo_labels\n",
    )
    assert [(e.line, e.title, e.venue) for e in found] == [
        (1, "Distilling the knowledge in a neural network", "arXiv:1503.02531"),
        (2, "Relational Knowledge Distillation", "CVPR 2019"),
        (3, "Subclass Distillation", "arXiv:2002.03936"),
        (4, "Meta Pseudo Labels", "ICML 2020"),
        (5, "Fast Human Pose Estimation", "CVPR 2019"),
        (6, "Target Interest Distillation for Multi-Interest Recommendation", "CIKM 2022"),
        (7, "A General Distillation Framework for Counterfactual Recommendation", "SIGIR 2020"),
    ]
    assert found[3].code_urls == (
        "https://github.com/google-research/google-research/tree/master/meta_pseudo_labels",
    )
    assert found[6].paper_url is None


def test_a_numbered_list_of_steps_is_no_list_of_papers(write: Write) -> None:
    found = entries(
        write,
        "1. Install the package. Python 3.11 or later.\n"
        "2. Run the checker on your list.\n"
        "3. Read the report in the browser.\n"
        "4. Fix what it found and commit.\n",
    )
    assert found == []


def test_words_where_the_url_belongs_and_a_doubled_slash(write: Write) -> None:
    """jason718/awesome-self-supervised-learning writes a title where a link's URL belongs
    (GitHub shows it as text); Trustworthy-AI-Group/TransferAttack links arxiv.org//abs/."""
    path = write(
        "- Contrastive Learning Inverts the Data Generating Process.\n"
        "    [[pdf]](Contrastive Learning Inverts the Data Generating Process)\n"
        "    - Roland S. Zimmermann, Yash Sharma. **ICML 2021**\n"
        "- [Spaced: A Paper With a Broken Link](https://arxiv.org/abs/ 2102.08850)\n"
        "- [Doubled: Learning With Two Slashes](https://arxiv.org//abs/2405.03193)\n"
    )
    found = sorted((f.line, f.kind, f.problem.message) for f in findings_of(path))
    assert found == [
        (
            2,
            "malformed-url",
            "Malformed URL 'Contrastive Learning Inverts the Data Generating Process': words"
            " stand where the URL belongs, so GitHub shows no link.",
        ),
        (
            4,
            "malformed-url",
            "Malformed URL 'https://arxiv.org/abs/ 2102.08850': it contains a space.",
        ),
    ]
    doubled = [e for e in parse_survey([read_source(path)]).entries if e.line == 5]
    assert [e.arxiv_id for e in doubled] == ["2405.03193"]


def test_an_empty_code_link_is_a_placeholder(write: Write) -> None:
    """yunlong10/Awesome-LLMs-for-Video-Understanding: '[code]()' in a Code column; an empty
    row ('| []() | |') is an empty entry, not also a placeholder; '[Coming soon]()' says why
    there is no link yet."""
    path = write(
        "| Title | Code |\n|---|---|\n"
        "| [Video Understanding With Language Models](https://arxiv.org/abs/2301.00001) |"
        " [code]() |\n"
        "| []() | |\n"
        "| [Chain of Thought Prompt Tuning](https://arxiv.org/pdf/2304.07919.pdf) |"
        " [Coming soon]() |\n"
    )
    found = sorted((f.line, f.kind, f.problem.message) for f in findings_of(path))
    assert found == [
        (3, "placeholder-link", "Empty link left in the survey: [code]() links nowhere."),
        (4, "empty-entry", "Empty entry: it has no title and no link."),
    ]


def test_a_description_after_the_links_is_not_the_title(write: Write) -> None:
    """jason718/awesome-self-supervised-learning: 'Title [[pdf]](...) [[repo]](...): a
    description ...'."""
    found = entries(
        write,
        "- FAIR Self-Supervision Benchmark [[pdf]](https://arxiv.org/abs/1905.01235)"
        " [[repo]](https://github.com/facebookresearch/fair_self_supervision_benchmark):"
        " various benchmark (and legacy) tasks for evaluating quality of visual representations"
        " learned by various self-supervision approaches.\n\n"
        "- How Well Do Self-Supervised Models Transfer? [[pdf]](https://arxiv.org/abs/2011.13377)"
        " [[repo]](https://github.com/linusericsson/ssl-transfer): A benchmark for evaluating"
        " self-supervision consisting of many-shot/few-shot recognition, object detection,"
        " surface normal estimation and semantic segmentation.\n",
    )
    assert [e.title for e in found] == [
        "FAIR Self-Supervision Benchmark",
        "How Well Do Self-Supervised Models Transfer?",
    ]


def test_a_year_cited_in_the_link_words_of_an_html_table(write: Write) -> None:
    """Trustworthy-AI-Group/TransferAttack: '<a href=...>SGM (Wu et al., 2020)</a>'; the
    year is the entry's, with no cell to fix (the URL beside it holds '2020' too)."""
    path = write(
        '<table style="width:100%" border="1">\n<thead>\n<tr class="header">\n'
        "<th><strong>Category</strong></th>\n<th><strong>Attack </strong></th>\n"
        "<th><strong>Main Idea</strong></th>\n</tr>\n</thead>\n\n<tr>\n"
        '<th rowspan="2"><sub><strong>Model-related</strong></sub></th>\n'
        '<td><a href="https://proceedings.neurips.cc/paper/2020/file/00e2-Paper.pdf">'
        "LinBP (Guo et al., 2020)</a></td>\n"
        "<td ><sub>Backpropagates the loss as if no ReLU is met</sub></td>\n</tr>\n\n<tr>\n"
        '<td><a href="https://arxiv.org/abs/2109.04176">PNA-PatchOut (Wei et al., 2022)</a></td>\n'
        "<td ><sub>Randomly drop patches among the perturbation</sub></td>\n</tr>\n</table>\n"
    )
    found = entries(write, path.read_text())
    assert [(e.title, e.venue, e.venue_cell) for e in found] == [
        ("LinBP", "2020", None),
        ("PNA-PatchOut", "2022", None),
    ]


def test_html_tables_with_tall_cells_in_the_header_and_the_body(write: Write) -> None:
    """Bennie123-byte/Toward_Large-scale_SNN_Survey: header cells of rowspan 2 over an empty
    '<tr></tr>' (this crashed the parser), and a category cell spanning three body rows; and
    a tall header with no second row, whose first data row is data."""
    header = (
        '<table>\n<thead>\n  <tr>\n    <th rowspan="2">Category</th>\n'
        '    <th rowspan="2">Paper</th>\n    <th rowspan="2">Code Link</th>\n'
        '    <th rowspan="2">Venue</th>\n  </tr>\n'
    )

    def row(category: str, n: int, venue: str) -> str:
        first = f'    <td rowspan="3">{category}</td>\n' if category else ""
        return (
            f"  <tr>\n{first}"
            f'    <td><a href="https://arxiv.org/abs/2304.1195{n}">Spiking Transformer Number {n}'
            "</a></td>\n"
            f'    <td><a href="https://github.com/a/spiking{n}">Github</a></td>\n'
            f"    <td>{venue}</td>\n  </tr>\n"
        )

    body = row("Vanilla Attention", 1, "CVPR2022") + row("", 2, "ECCV2022") + row("", 3, "")
    for blank in ("  <tr>\n  </tr>\n", ""):
        found = entries(
            write, header + blank + "</thead>\n<tbody>\n" + body + "</tbody>\n</table>\n"
        )
        assert [(e.title, e.venue, e.code_urls) for e in found] == [
            ("Spiking Transformer Number 1", "CVPR2022", ("https://github.com/a/spiking1",)),
            ("Spiking Transformer Number 2", "ECCV2022", ("https://github.com/a/spiking2",)),
            ("Spiking Transformer Number 3", "", ("https://github.com/a/spiking3",)),
        ]


def test_paper_links_worded_as_a_venue_with_a_track_or_a_date(write: Write) -> None:
    """zengxingchen/LLM-Visualization-Paper-List: '**Title** <br> Authors <br> [COLING 2025
    Industry Track](paper) • [Code](...)': the link's words are the venue, the bold the title."""
    found = entries(
        write,
        "**ChartGemma: Visual Instruction-tuning for Chart Reasoning in the Wild** <br>\n"
        "Ahmed Masry, Megh Thakkar, Aayush Bajaj <br>\n"
        "[COLING 2025 Industry Track](https://aclanthology.org/2025.coling-industry.54.pdf) •"
        " [Code](https://github.com/vis-nlp/ChartGemma)\n\n"
        "**Chart-R1: Chain-of-Thought Supervision and Reinforcement for Advanced Chart Reasoner**\n"
        "Lei Chen, Xuanle Zhao <br>\n"
        "[arXiv, 21 Jul 2025](https://arxiv.org/pdf/2507.15509) •"
        " [Homepage](https://yueyang1996.github.io/cosyn/)\n\n"
        "**ChartAssistant: A Universal Chart Multimodal Language Model** <br>\n"
        "Fanqing Meng, Wenqi Shao <br>\n"
        "[Findings of ACL 2024](https://arxiv.org/abs/2401.02384) •"
        " [Code](https://github.com/OpenGVLab/ChartAst)\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        (
            "ChartGemma: Visual Instruction-tuning for Chart Reasoning in the Wild",
            "COLING 2025 Industry Track",
        ),
        (
            "Chart-R1: Chain-of-Thought Supervision and Reinforcement for Advanced Chart Reasoner",
            "arXiv, 21 Jul 2025",
        ),
        ("ChartAssistant: A Universal Chart Multimodal Language Model", "Findings of ACL 2024"),
    ]


def test_a_bold_title_paragraph_then_its_authors_and_link_paragraph(write: Write) -> None:
    """TsinghuaDatabaseGroup/AIDB: '**Title** ![](badge)', a blank line, then '*Authors.
    VENUE, 2014.* [[paper](...)]'; a phrase quoted inside the bold title stays in it."""
    path = write(
        "#### Heuristic\n\n"
        "**OpenTuner: An Extensible Framework for Program Autotuning**"
        " ![](https://img.shields.io/badge/-search-yellowgreen)\n\n"
        "*Ansel J, Kamil S, Veeramachaneni K, et al. PACT, 2014.*"
        " [[paper](https://dl.acm.org/doi/pdf/10.1145/2628071.2628092)]\n\n"
        "**DB-BERT: a Database Tuning Tool that “Reads the Manual”**"
        " ![](https://img.shields.io/badge/-llm-f5f5dc)\n\n"
        "*Trummer I. SIGMOD, 2022.* [[paper](https://dl.acm.org/doi/pdf/10.1145/3514221.3517843)]\n\n"
        "**OpenTuner: An Extensible Framework for Program Autotuning**\n\n"
        "*Ansel J, et al. PACT, 2014.* [[paper](https://dl.acm.org/doi/pdf/10.1145/2628071.2628092)]\n"
    )
    found = entries(write, path.read_text())
    assert [(e.line, e.title, e.venue, e.paper_url) for e in found] == [
        (
            3,
            "OpenTuner: An Extensible Framework for Program Autotuning",
            "",
            "https://dl.acm.org/doi/pdf/10.1145/2628071.2628092",
        ),
        (
            7,
            "DB-BERT: a Database Tuning Tool that “Reads the Manual”",
            "SIGMOD, 2022",
            "https://dl.acm.org/doi/pdf/10.1145/3514221.3517843",
        ),
        (
            11,
            "OpenTuner: An Extensible Framework for Program Autotuning",
            "",
            "https://dl.acm.org/doi/pdf/10.1145/2628071.2628092",
        ),
    ]
    assert [(f.line, f.kind) for f in findings_of(path)] == [(11, "duplicate-entry")]


def test_a_venue_after_in_is_the_venue_without_it(write: Write) -> None:
    """zeke-xie/deep-learning-dynamics-paper-list: 'Title. In *ICML 2017*. [[pdf](...)]'."""
    found = entries(
        write,
        "- How to escape saddle points efficiently. In *ICML 2017*."
        " [[pdf](http://proceedings.mlr.press/v70/jin17a/jin17a.pdf)]\n"
        "- Gradient descent converges to minimizers. In *COLT 2016*."
        " [[pdf](http://proceedings.mlr.press/v49/lee16.pdf)]\n"
        "- Sharp minima can generalize for deep nets. In *ICML 2017*."
        " [[pdf](https://arxiv.org/pdf/1703.04933.pdf)]\n",
    )
    assert [(e.title, e.venue) for e in found] == [
        ("How to escape saddle points efficiently", "ICML 2017"),
        ("Gradient descent converges to minimizers", "COLT 2016"),
        ("Sharp minima can generalize for deep nets", "ICML 2017"),
    ]


def test_a_heading_per_paper_over_a_list_of_its_links(write: Write) -> None:
    """wcventure/FuzzingPaper: '### Title (VENUE YEAR)' then '* [Link](...)', '* [Paper](...)'
    and an abstract: one paper titled by its heading, not papers titled 'Link' and 'Paper'.
    A heading over a list of titled papers stays a section."""
    found = entries(
        write,
        "# Survey\n\n"
        '### A Survey of Protocol Fuzzing<a name="a-survey-of-protocol-fuzzing"></a>\n\n'
        '* <img src="image/link.png">[Link](https://arxiv.org/abs/2401.01568)\n'
        '* <img src="image/pdf_24px.png">[Paper](./Paper/ACM_CSUR24_Protocol_Fuzzing.pdf)\n\n'
        "Abstract: Communication protocols form the bedrock of our interconnected world.\n\n"
        "### Demystify the Fuzzing Methods: A Comprehensive Survey (ACM CSUR 2023)\n\n"
        '* <img src="image/wechat_24px.png">[Reading Note](https://www.yuque.com/x/y/z)\n'
        '* <img src="image/pdf_24px.png">[Paper2](https://dl.acm.org/doi/10.1145/3623375)\n\n'
        "### Papers on Directed Fuzzing\n\n"
        "* [Directed Greybox Fuzzing With Many Targets](https://arxiv.org/abs/2401.00001)\n"
        "* [Beacon: Directed Grey-Box Fuzzing with Provable Path Pruning](https://arxiv.org/abs/2401.00002)\n",
    )
    assert [(e.line, e.title, e.venue, e.paper_url) for e in found] == [
        (3, "A Survey of Protocol Fuzzing", "", "https://arxiv.org/abs/2401.01568"),
        (
            10,
            "Demystify the Fuzzing Methods: A Comprehensive Survey",
            "ACM CSUR 2023",
            "https://dl.acm.org/doi/10.1145/3623375",
        ),
        (
            17,
            "Directed Greybox Fuzzing With Many Targets",
            "",
            "https://arxiv.org/abs/2401.00001",
        ),
        (
            18,
            "Beacon: Directed Grey-Box Fuzzing with Provable Path Pruning",
            "",
            "https://arxiv.org/abs/2401.00002",
        ),
    ]


def test_an_anchor_with_spaces_is_one_malformed_url(write: Write) -> None:
    """ydyjya/Awesome-LLM-Safety: '[🔐Security & Discussion](#security & discussion)' is no
    link on GitHub: reported once, as a malformed URL, not also as a missing heading."""
    path = write("# Papers\n\n- [🔐Security & Discussion](#security & discussion)\n")
    found = [(f.line, f.kind, f.problem.message) for f in findings_of(path)]
    assert found == [
        (3, "malformed-url", "Malformed URL '#security & discussion': it contains a space.")
    ]


def test_citations_that_open_with_their_authors(write: Write) -> None:
    """TsinghuaDatabaseGroup/AIDB: '**[Tag]** Authors. Title. VENUE YEAR. [[paper](...)]' and
    '**[Tag]** Authors. *Title*. VENUE YEAR.': the authors are not the title."""
    found = entries(
        write,
        "#### Traditional\n\n"
        "**[Rewrite Rules]** \tBéatrice Finance, Georges Gardarin. A Rule-Based Query Rewriter"
        " in an Extensible DBMS. ICDE 1991. [[paper](https://ieeexplore.ieee.org/document/131472)]\n\n"
        "**[Rewrite Rules]** \tHamid Pirahesh, Joseph M. Hellerstein, Waqar Hasan."
        " *Extensible/Rule Based Query Rewrite Optimization in Starburst*. SIGMOD Conference 1992."
        " [[paper](https://sigmodrecord.org/publications/141484.130294.pdf)]\n\n"
        "**[Card, Query-based]** Kipf A, Kipf T, Radke B, et al. Learned cardinalities:"
        " Estimating correlated joins with deep learning. CIDR, 2019."
        " [[paper](https://arxiv.org/pdf/1809.00677)]\n\n"
        "**[Predicate Rewrite]** Qi Zhou, Joy Arulraj, Shamkant B. Navathe, Jinpeng Wu."
        " *Sia : Optimizing Queries using Learned Predicates*. SIGMOD, 2021."
        " [[paper](https://doi.org/10.1145/3448016.3457262)]\n",
    )
    assert [e.title for e in found] == [
        "A Rule-Based Query Rewriter in an Extensible DBMS",
        "Extensible/Rule Based Query Rewrite Optimization in Starburst",
        "Learned cardinalities: Estimating correlated joins with deep learning",
        "Sia : Optimizing Queries using Learned Predicates",
    ]


def test_a_title_of_listed_words_is_no_author_list() -> None:
    assert is_author_list("Dutt, A., Wang, C., & Chaudhuri, S. (2018)")
    assert is_author_list("Hinton et al")
    assert not is_author_list("Learning, Reasoning, and Planning")
    assert not is_author_list("Deep Residual Learning")
