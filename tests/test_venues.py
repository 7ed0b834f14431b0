"""
The venue parser: 'Published in' cells as written in real paper lists become venue, year and
track, with how the name was spelt.
"""

from __future__ import annotations

import pytest

from linkwatch.venues import Spelling, Track, parse_venue

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
    ("NAS 2023", [(None, 2023, Track.OTHER, None)]),
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
