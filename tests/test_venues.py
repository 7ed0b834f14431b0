"""
The venue parser: 'Published in' cells as written in real paper lists become venue, year and
track, with how the name was spelt.
"""

from __future__ import annotations

import pytest

from linkwatch.papers.venues import Spelling, Track, parse_venue

# (cell, [(canonical venue or None, year, track, spelling or None), ...])
CASES = [
    ("arxiv 2023", [("arXiv", 2023, Track.PREPRINT, Spelling.ACCEPTED)]),
    ("arXiv 2024", [("arXiv", 2024, Track.PREPRINT, Spelling.CANONICAL)]),
    ("Arxiv 2023", [("arXiv", 2023, Track.PREPRINT, Spelling.ALIAS)]),
    ("arxuv 2023", [("arXiv", 2023, Track.PREPRINT, Spelling.MISSPELLED)]),
    ("arXiv preprint", [("arXiv", None, Track.PREPRINT, Spelling.FULL_NAME)]),
    ("CoRR 2021", [("arXiv", 2021, Track.PREPRINT, Spelling.ALIAS)]),
    ("NIPS 2022", [("NeurIPS", 2022, Track.MAIN, Spelling.ALIAS)]),
    ("NeurIPS 2023", [("NeurIPS", 2023, Track.MAIN, Spelling.CANONICAL)]),
    ("NeurIPS'22", [("NeurIPS", 2022, Track.MAIN, Spelling.CANONICAL)]),
    ("NeurIPS Workshop 2024", [("NeurIPS", 2024, Track.WORKSHOP, Spelling.CANONICAL)]),
    ("NeurIPS 2023 Datasets and Benchmarks", [("NeurIPS", 2023, Track.MAIN, Spelling.CANONICAL)]),
    (
        "Advances in Neural Information Processing Systems 35 (2022)",
        [("NeurIPS", 2022, Track.MAIN, Spelling.FULL_NAME)],
    ),
    ("41 ICML", [("ICML", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("ICML 2024", [("ICML", 2024, Track.MAIN, Spelling.CANONICAL)]),
    (
        "Proceedings of the 40th International Conference on Machine Learning",
        [("ICML", 2023, Track.MAIN, Spelling.FULL_NAME)],
    ),
    ("ICLR 2022 (Workshop)", [("ICLR", 2022, Track.WORKSHOP, Spelling.CANONICAL)]),
    ("ICLR 2024", [("ICLR", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("Findings of ACL 2024", [("ACL", 2024, Track.FINDINGS, Spelling.CANONICAL)]),
    ("ACL 2023 Findings", [("ACL", 2023, Track.FINDINGS, Spelling.CANONICAL)]),
    ("Findings of EMNLP 2023", [("EMNLP", 2023, Track.FINDINGS, Spelling.CANONICAL)]),
    ("EMNLP Workshop 2023", [("EMNLP", 2023, Track.WORKSHOP, Spelling.CANONICAL)]),
    ("EMNLP 2020", [("EMNLP", 2020, Track.MAIN, Spelling.CANONICAL)]),
    ("EMLNP 2023", [("EMNLP", 2023, Track.MAIN, Spelling.MISSPELLED)]),
    (
        "Proceedings of the 2023 Conference on Empirical Methods in Natural Language Processing",
        [("EMNLP", 2023, Track.MAIN, Spelling.FULL_NAME)],
    ),
    ("NAACL-HLT 2019", [("NAACL", 2019, Track.MAIN, Spelling.ACCEPTED)]),
    ("NAACL 2024", [("NAACL", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("TACL", [("TACL", None, Track.JOURNAL, Spelling.CANONICAL)]),
    ("COLING 2022", [("COLING", 2022, Track.MAIN, Spelling.CANONICAL)]),
    ("LREC-COLING 2024", [("LREC-COLING", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("AAAI 2024", [("AAAI", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("IJCAI 2023", [("IJCAI", 2023, Track.MAIN, Spelling.CANONICAL)]),
    ("KDD 2023", [("KDD", 2023, Track.MAIN, Spelling.CANONICAL)]),
    ("SIGIR 2024", [("SIGIR", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("WWW 2024", [("WWW", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("CVPR 2024", [("CVPR", 2024, Track.MAIN, Spelling.CANONICAL)]),
    (
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR) 2023",
        [("CVPR", 2023, Track.MAIN, Spelling.FULL_NAME)],
    ),
    ("ICCV 2023", [("ICCV", 2023, Track.MAIN, Spelling.CANONICAL)]),
    ("ECCV 2022", [("ECCV", 2022, Track.MAIN, Spelling.CANONICAL)]),
    ("TMLR 2024", [("TMLR", 2024, Track.JOURNAL, Spelling.CANONICAL)]),
    ("JMLR", [("JMLR", None, Track.JOURNAL, Spelling.CANONICAL)]),
    ("PNAS 2023", [("PNAS", 2023, Track.JOURNAL, Spelling.CANONICAL)]),
    ("Nature 2023", [("Nature", 2023, Track.JOURNAL, Spelling.CANONICAL)]),
    (
        "Nature Communications 2024",
        [("Nature Communications", 2024, Track.JOURNAL, Spelling.CANONICAL)],
    ),
    ("Science 2022", [("Science", 2022, Track.JOURNAL, Spelling.CANONICAL)]),
    ("iScience 2023", [("iScience", 2023, Track.JOURNAL, Spelling.CANONICAL)]),
    ("COLM 2024", [("COLM", 2024, Track.MAIN, Spelling.CANONICAL)]),
    (
        "Proceedings of the 26th Australasian Computing Education Conference",
        [("ACE", 2024, Track.MAIN, Spelling.FULL_NAME)],
    ),
    (
        "NeurIPS Workshop 2023 / ACL 2024",
        [
            ("NeurIPS", 2023, Track.WORKSHOP, Spelling.CANONICAL),
            ("ACL", 2024, Track.MAIN, Spelling.CANONICAL),
        ],
    ),
    ("Github repo", [("GitHub", None, Track.OTHER, Spelling.ACCEPTED)]),
    ("github 2023", [("GitHub", 2023, Track.OTHER, Spelling.ACCEPTED)]),
    ("Technical Report", [("Technical report", None, Track.OTHER, Spelling.ACCEPTED)]),
    ("TIP 2024.", [("TIP", 2024, Track.JOURNAL, Spelling.CANONICAL)]),
    ("3DV 2020", [("3DV", 2020, Track.MAIN, Spelling.CANONICAL)]),
    ("RA-L'2021", [("RA-L", 2021, Track.JOURNAL, Spelling.CANONICAL)]),
    ("Computer Graphics Forum", [("CGF", None, Track.JOURNAL, Spelling.FULL_NAME)]),
    ("*IEEE Access 2020*", [("IEEE Access", 2020, Track.JOURNAL, Spelling.CANONICAL)]),
    ("2024.01", [(None, None, Track.OTHER, None)]),
    ("CVPR 24.", [("CVPR", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("ACL-IJCNLP 2021", [("ACL", 2021, Track.MAIN, Spelling.ACCEPTED)]),
    (
        "ACM/IEEE International Conference on Human-Robot Interaction (HRI), Mar 2024",
        [("HRI", 2024, Track.MAIN, Spelling.FULL_NAME)],
    ),
    ("IJCV 22", [("IJCV", 2022, Track.JOURNAL, Spelling.CANONICAL)]),
    ("NAS 2023", [(None, 2023, Track.OTHER, None)]),
    # a 'W' after a conference's name is its workshops (cmhungsteve/Awesome-Transformer-Attention)
    ("CVPRW, 2022", [("CVPR", 2022, Track.WORKSHOP, Spelling.ACCEPTED)]),
    ("NeurIPSW 2021", [("NeurIPS", 2021, Track.WORKSHOP, Spelling.ACCEPTED)]),
    ("ICDEW, 2020", [("ICDE", 2020, Track.WORKSHOP, Spelling.ACCEPTED)]),
    ("TPAMIW 2020", [("TPAMI", 2020, Track.JOURNAL, Spelling.GUESSED)]),  # a journal has none
    ("Humanoids, Nov. 2024", [("Humanoids", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("AKBC 2021", [("AKBC", 2021, Track.MAIN, Spelling.CANONICAL)]),
    ("ACL Fingings 2022", [("ACL", 2022, Track.FINDINGS, Spelling.CANONICAL)]),  # a typo still
    ("FPGA 2024", [("FPGA", 2024, Track.MAIN, Spelling.CANONICAL)]),
    ("IEEE COMPSAC 2025", [("COMPSAC", 2025, Track.MAIN, Spelling.CANONICAL)]),
    ("ICIAAI", [(None, None, Track.OTHER, None)]),
    ("-", []),
    ("", []),
]


@pytest.mark.parametrize(("cell", "expected"), CASES, ids=[c for c, _ in CASES])
def test_parse_venue(cell: str, expected: list[tuple[object, ...]]) -> None:
    mentions = parse_venue(cell)
    assert expected == [
        (m.venue.canonical if m.venue else None, m.year, m.track, m.spelling) for m in mentions
    ]


def test_written_points_at_the_name_in_the_cell() -> None:
    cell = "NeurIPS Workshop 2023 / NIPS 2022"
    mention = parse_venue(cell)[1]
    assert cell[mention.written_at : mention.written_at + len(mention.written)] == "NIPS"


def test_edition_years_are_marked_as_worked_out() -> None:
    (mention,) = parse_venue("41 ICML")
    assert (mention.edition, mention.year, mention.year_written) == (41, 2024, False)


M, W, F, J, P, OTHER, S = (
    Track.MAIN,
    Track.WORKSHOP,
    Track.FINDINGS,
    Track.JOURNAL,
    Track.PREPRINT,
    Track.OTHER,
    Track.SUBMITTED,
)
CANON, ACC, FULL, ALIAS, TYPO = (
    Spelling.CANONICAL,
    Spelling.ACCEPTED,
    Spelling.FULL_NAME,
    Spelling.ALIAS,
    Spelling.MISSPELLED,
)
IRIP = "IRIP-BUAA/A-Survey-on-Data-Synthesis-and-Augmentation-for-Large-Language-Models"

# Venue strings exactly as public paper lists write them, each with where it was found (stored
# copies of public repositories, searched with the project's code-search tools). Reference
# lists of papers are included: surveys copy them into their 'Published in' column.
# (cell, (canonical venue or None, year, track, spelling), source)
REAL = [
    # survey.md is this list's first version; its later README (commit 12a4800) rewrote cells
    ("arxiv 2023", ("arXiv", 2023, P, ACC), f"{IRIP} README"),
    ("NAS 2023", (None, 2023, OTHER, None), f"{IRIP} README (PNAS, misnamed)"),
    ("PNAS 2023", ("PNAS", 2023, J, CANON), f"{IRIP} README, later version"),
    ("CVPR 2023", ("CVPR", 2023, M, CANON), f"{IRIP} README, later version"),
    ("NeurlPS 2023", ("NeurIPS", 2023, M, TYPO), f"{IRIP} README, later version"),
    ("EMNLP 2021", ("EMNLP", 2021, M, CANON), f"{IRIP} README, later version"),
    ("xAI 2023", (None, 2023, OTHER, None), f"{IRIP} README, later version"),
    ("ACL Anthology 2023", ("ACL", 2023, M, CANON), f"{IRIP} README, later version"),
    # awesome lists and reading lists
    ("EMNLP-Findings(2022)", ("EMNLP", 2022, F, CANON), "a task-oriented dialogue awesome list"),
    ("EMNLP findings 2021", ("EMNLP", 2021, F, CANON), "a list of LLM data-annotation papers"),
    ("EMNLP finding 2022", ("EMNLP", 2022, F, CANON), "a counterfactual-generation list"),
    ("DPFM@ICLR 2024", ("ICLR", 2024, W, CANON), "a math-reasoning paper list (MMIQC)"),
    ("ACL 2024 Findings", ("ACL", 2024, F, CANON), "the ClinGen README ('to appear on')"),
    ("ACL'24 Findings", ("ACL", 2024, F, CANON), "a finance LLM reading list"),
    ("EMNLP'24 Findings", ("EMNLP", 2024, F, CANON), "a finance LLM reading list"),
    ("(EMNLP24)", ("EMNLP", 2024, M, CANON), "a multimodal LLM list"),
    ("ICLR 2024 Spotlight", ("ICLR", 2024, M, CANON), "iTransformer README tables"),
    ("ICLR 2024 spotlight", ("ICLR", 2024, M, CANON), "a speech-synthesis reading list"),
    ("ICLR 2025 oral", ("ICLR", 2025, M, CANON), "synthetic-data notes (WizardMath)"),
    ("ICLR 2024 poster", ("ICLR", 2024, M, CANON), "OpenReview venue line (WizardLM)"),
    ("EMNLP 2023 main", ("EMNLP", 2023, M, CANON), "a code-LLM paper table"),
    ("EMNLP 2023 Main Conference", ("EMNLP", 2023, M, CANON), "a VQA paper table"),
    ("ACL 2023 (Findings)", ("ACL", 2023, F, CANON), "a Korean paper-study table"),
    ("ACL 2024 (Findings)", ("ACL", 2024, F, CANON), "a Korean paper-study table"),
    ("IEEE TPAMI 2025", ("TPAMI", 2025, J, ACC), "a remote-sensing paper table"),
    ("IEEE TPAMI 2022", ("TPAMI", 2022, J, ACC), "an open-intent detection README"),
    ("Trans. Mach. Learn. Res.", ("TMLR", None, J, FULL), "a publications YAML (venue:)"),
    ("Arxiv 2024", ("arXiv", 2024, P, ALIAS), "a data-synthesis list (Genixer)"),
    ("arXiv'24", ("arXiv", 2024, P, CANON), "an author homepage badge"),
    ("Coling 2024", ("COLING", 2024, M, ALIAS), "a scientific-document list"),
    ("[2024-ICSE]", ("ICSE", 2024, M, CANON), "a code-LLM survey list"),
    ("[2023-arXiv]", ("arXiv", 2023, P, CANON), "a code-LLM survey list"),
    ("[2024-SANER]", (None, 2024, OTHER, None), "a code-LLM list (not in the table)"),
    ("2024 Jul COLM", ("COLM", 2024, M, CANON), "ALEX-nlp/Awesome-Paper-List-for-Synthetic-Data"),
    ("2023 May ACM Computing Survey", ("CSUR", 2023, J, ALIAS), "the same list"),
    ("NPJ Digit. Med.", ("npj Digital Medicine", None, J, FULL), "a medical LLM list"),
    ("Nat Commun 2018", ("Nature Communications", 2018, J, ACC), "a bioinformatics tool table"),
    ("ICLR 2026 Poster", ("ICLR", 2026, M, CANON), "OpenReview venue strings in a test"),
    ("Submitted to ICLR 2026", ("ICLR", 2026, S, CANON), "OpenReview venue strings in a test"),
    ("Findings of the ACL: NAACL 2025", ("NAACL", 2025, F, CANON), "a bibliography script"),
    ("Findings of NAACL 2022", ("NAACL", 2022, F, CANON), "a metadata registry"),
    ("Findings of EMNLP 2020", ("EMNLP", 2020, F, CANON), "a benchmark citations file"),
    (
        "Findings of the Association for Computational Linguistics: IJCNLP-AACL, 2023",
        ("AACL", 2023, F, ACC),
        "a homepage publication list",
    ),
    (
        "Findings of the Association for Computational Linguistics ACL 2024",
        ("ACL", 2024, F, CANON),
        "a finance LLM paper table (FinTral)",
    ),
    # reference lists of papers citing the survey's papers
    (
        "Findings of the Association for Computational Linguistics: EMNLP 2022",
        ("EMNLP", 2022, F, CANON),
        "references citing Dialogic (2210.04185)",
    ),
    ("In Proc. of EMNLP Findings, 2022", ("EMNLP", 2022, F, CANON), "a reference to CORE"),
    (
        "Proceedings of the AAAI Conference on Artificial Intelligence, volume 39",
        ("AAAI", None, M, FULL),
        "a reference to MMIQC (a volume, not an edition)",
    ),
    (
        "Computer Vision - ECCV 2024: 18th European Conference, Milan, Italy, September "
        "29-October 4, 2024, Proceedings, Part XVII",
        ("ECCV", 2024, M, CANON),
        "a reference to ShareGPT4V",
    ),
    (
        "In Proceedings of the 61st Annual Meeting of the Association for Computational "
        "Linguistics (Volume 1: Long Papers)",
        ("ACL", 2023, M, FULL),
        "a reference to DISCO",
    ),
    (
        "In Proceedings of the 2024 Conference on Empirical Methods in Natural Language Processing",
        ("EMNLP", 2024, M, FULL),
        "a reference to Multimodal Self-Instruct",
    ),
    (
        "In The Twelfth International Conference on Learning Representations, 2024",
        ("ICLR", 2024, M, FULL),
        "a reference to WizardCoder",
    ),
    (
        "In The 3rd Workshop on Mathematical Reasoning and AI at NeurIPS'23, 2023",
        ("NeurIPS", 2023, W, CANON),
        "a reference to TinyGSM",
    ),
    (
        "In Proceedings of EMNLP 2023 Workshop on Natural Language Generation, Evaluation, "
        "and Metrics, pages 181\u2013191",
        ("EMNLP", 2023, W, CANON),
        "a reference to Synthetic Dialogue Dataset Generation",
    ),
    (
        "Advances in Neural Information Processing Systems 37",
        ("NeurIPS", None, M, FULL),
        "a reference to SciInstruct (volume 37 is NeurIPS 2024, the 38th)",
    ),
    (
        "Advances in neural information processing systems, 36:79024\u201379034, 2023",
        ("NeurIPS", 2023, M, FULL),
        "a reference to ALIA",
    ),
    ("In ECCV, pages 129\u2013147. Springer", ("ECCV", None, M, CANON), "a reference to Genixer"),
    (
        "In International Conference on Learning Representations, volume 2025, pages "
        "76346\u201376382, 2025",
        ("ICLR", 2025, M, FULL),
        "a reference to Magpie",
    ),
    (
        "Proceedings of the 41st International Conference on Machine Learning (PMLR Vol. 235, "
        "pp. 1067\u20131077)",
        ("ICML", 2024, M, FULL),
        "a reference to Physics of Language Models 3.1",
    ),
    ("In NeurIPS, 2023", ("NeurIPS", 2023, M, CANON), "a reference to ALIA"),
    (
        "In EMNLP (Findings), pages 10859\u201310885, 2023",
        ("EMNLP", 2023, F, CANON),
        "a reference to HuatuoGPT",
    ),
    (
        "In Findings of the Association for Computational Linguistics: EMNLP 2023, pages "
        "10859\u201310885, Singapore",
        ("EMNLP", 2023, F, CANON),
        "a reference to HuatuoGPT",
    ),
    (
        "In Proceedings of the 2023 Conference on Empirical Methods in Natural Language "
        "Processing, (Singapore), pp. 1051\u20131068",
        ("EMNLP", 2023, M, FULL),
        "a reference to Large Language Models Can Self-Improve",
    ),
    (
        "In European Conference on Computer Vision, pp. 370\u2013387. Springer, 2024a.",
        ("ECCV", 2024, M, FULL),
        "a reference to ShareGPT4V",
    ),
    (
        "Advances in Neural Information Processing Systems, 35:15476\u201315488, 2022",
        ("NeurIPS", 2022, M, FULL),
        "a reference to STaR",
    ),
    ("In ICLR. OpenReview.net, 2024", ("ICLR", 2024, M, CANON), "a reference to Llemma"),
    ("EMNLP 2023:1487\u2013505", ("EMNLP", 2023, M, CANON), "a reference table (CoAnnotating)"),
    ("Trans. Mach. Learn. Res., 2025", ("TMLR", 2025, J, FULL), "a reference to LLaVA-OneVision"),
    ("CoRR, abs/2308.10253", ("arXiv", None, P, ALIAS), "a reference to StableLLaVA"),
    ("CoRR abs/2305.07759", ("arXiv", None, P, ALIAS), "DBLP-style reference to TinyStories"),
    (
        "arXiv preprint arXiv:2311.16483",
        ("arXiv", None, P, FULL),
        "a reference to ChartLlama",
    ),
    ("ArXiv, abs/2406.10323", ("arXiv", None, P, ALIAS), "a reference to GenQA"),
    (
        "NeurIPS 2023 Datasets and Benchmarks",
        ("NeurIPS", 2023, M, CANON),
        "synthetic-data notes (AttrPrompt)",
    ),
]


@pytest.mark.parametrize(("cell", "expected", "source"), REAL, ids=[c for c, _, _ in REAL])
def test_parse_real_venue_strings(cell: str, expected: tuple[object, ...], source: str) -> None:
    """Each real string is one venue with its year, track and spelling (source: the list)."""
    (mention,) = parse_venue(cell)
    name = mention.venue.canonical if mention.venue else None
    assert expected == (name, mention.year, mention.track, mention.spelling), source


def test_the_real_table_has_sixty_strings_not_counted_twice() -> None:
    cells = [cell for cell, _, _ in REAL]
    assert len(cells) == len(set(cells)) >= 60


def test_a_volume_is_not_an_edition() -> None:
    """'Advances in NeurIPS 37' is volume 37 (NeurIPS 2024): no year is guessed from it."""
    (mention,) = parse_venue("Advances in Neural Information Processing Systems 37")
    assert (mention.edition, mention.year) == (None, None)


def test_text_at_points_at_each_mention() -> None:
    cell = "NeurIPS Workshop 2023 /  ACL 2024"
    second = parse_venue(cell)[1]
    assert cell[second.text_at :].startswith("ACL 2024")
