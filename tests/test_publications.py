"""
Where a paper was published, from arXiv's comment and journal reference and Semantic Scholar:
each source read as a claim, and the claims weighed (silent, agreeing, disagreeing).
"""

from __future__ import annotations

import pytest

from linkwatch.model.records.arxiv import ArxivRecord, ArxivStatus
from linkwatch.model.records.s2 import S2Record, S2Status
from linkwatch.papers.publications import (
    Disagreement,
    Publication,
    Source,
    anthology,
    comment_claim,
    dblp_venue_year,
    journal_ref_claim,
    publication_of,
    publication_years,
    s2_claim,
)
from linkwatch.papers.venues import Track

ICLR = "International Conference on Learning Representations"
EMNLP = "Conference on Empirical Methods in Natural Language Processing"


def arxiv(comment: str | None = None, journal_ref: str | None = None) -> ArxivRecord:
    return ArxivRecord("2408.16532", ArxivStatus.FOUND, comment=comment, journal_ref=journal_ref)


def s2(**fields: object) -> S2Record:
    return S2Record("2408.16532", S2Status.FOUND, **fields)  # type: ignore[arg-type]


# Real arXiv comments, as daily arXiv digests and paper notes in public repositories quote them
# (found with the code-search tools): (comment, (venue, year, track) or None)
COMMENTS = [
    ("Accepted by ICLR 2025", ("ICLR", 2025, None)),  # 2408.16532, WavTokenizer
    (
        "Accepted by ICML 2024; Code, data, model, and demo are available at "
        "https://github.com/xingyaoww/code-act",
        ("ICML", 2024, None),
    ),  # 2402.01030, CodeAct
    ("accepted to ICML 2025", ("ICML", 2025, None)),
    ("Accepted by IJCAI'24", ("IJCAI", 2024, None)),
    ("Accepted at MICCAI 2024", ("MICCAI", 2024, None)),
    ("Findings of EMNLP 2025", ("EMNLP", 2025, Track.FINDINGS)),
    (
        "Accepted to SIGGRAPH Asia 2024. Project page:   https://humansensinglab.github.io/x",
        ("SIGGRAPH Asia", 2024, None),
    ),
    ("Accepted on IWPE 2024", None),
    ("Accepted by IEEE Transactions on Big Data", None),
    (
        "Accepted by Proceedings of the 2024 TPC Technology Conference on   Performance "
        "Evaluation and Benchmarking @ VLDB 2024, Guangzhou",
        ("VLDB", 2024, Track.WORKSHOP),  # an event held at VLDB, not VLDB itself
    ),
    ("Submitted to EMNLP 2024", None),
    ("Submitted to TKDE", None),
    ("Submitted to ARR June 2024", None),
    ("Preprint. Code and data will be released soon", None),  # 2408.03617 v1
    ("This paper has been withdrawn by the author due to an error in Lemma 2", None),
    # the forms the issue names
    ("Accepted at ICLR 2024", ("ICLR", 2024, None)),
    ("NeurIPS 2023 camera-ready", ("NeurIPS", 2023, None)),
    ("Published as a conference paper at ICLR 2024", ("ICLR", 2024, None)),
    ("Accepted to EMNLP 2024 main conference", ("EMNLP", 2024, Track.MAIN)),
    ("Accepted at ICLR 2024. 29 pages, 10 figures", ("ICLR", 2024, None)),
    (
        "Accepted at the NeurIPS 2023 Workshop on Instruction Tuning and Instruction Following",
        ("NeurIPS", 2023, Track.WORKSHOP),
    ),
    ("29 pages, 10 figures", None),
]


@pytest.mark.parametrize(("comment", "expected"), COMMENTS, ids=[c[:40] for c, _ in COMMENTS])
def test_a_comment_says_where_the_paper_was_accepted(
    comment: str, expected: tuple[object, ...] | None
) -> None:
    claim = comment_claim(arxiv(comment=comment))
    got = (claim.venue.canonical, claim.year, claim.track) if claim else None
    assert expected == got


def test_a_comment_is_not_a_formal_record() -> None:
    claim = comment_claim(arxiv(comment="Accepted at ICLR 2024"))
    assert claim is not None and (claim.source, claim.formal) == (Source.COMMENT, False)


def test_a_journal_reference_is_a_formal_record_when_it_has_a_year() -> None:
    claim = journal_ref_claim(
        arxiv(journal_ref="Proceedings of the 40th International Conference on Machine Learning")
    )
    assert claim is not None
    assert (claim.venue.canonical, claim.year, claim.formal) == ("ICML", 2023, True)


def test_semantic_scholar_dates_the_venue_by_its_dblp_key_not_its_year() -> None:
    """The recorded WavTokenizer answer: year 2024 (its arXiv year), ICLR 2025 by DBLP."""
    claim = s2_claim(
        s2(
            venue=ICLR,
            publication_venue=ICLR,
            venue_type="conference",
            year=2024,
            journal="ArXiv",
            journal_volume="abs/2408.16532",
            dblp="conf/iclr/Ji00C0Z0C0LZY0J25",
        )
    )
    assert claim is not None
    assert (claim.venue.canonical, claim.year, claim.track, claim.formal) == (
        "ICLR",
        2025,
        None,
        True,
    )


def test_semantic_scholar_without_a_dblp_key_names_no_year() -> None:
    claim = s2_claim(s2(venue=ICLR, publication_venue=ICLR, year=2024))
    assert claim is not None and (claim.year, claim.formal) == (None, False)


@pytest.mark.parametrize(
    "record",
    [
        s2(venue="arXiv.org", publication_venue="arXiv.org", journal="ArXiv"),
        s2(venue="", dblp="journals/corr/abs-2305-07759"),
        s2(venue="IEEE Computational Intelligence Magazine"),
        s2(venue=ICLR, dblp="conf/nips/X23"),  # two names that disagree
        S2Record("2408.16532", S2Status.NOT_FOUND),
        S2Record("2408.16532", S2Status.UNVERIFIED, detail="throttling"),
    ],
    ids=["preprint", "corr-only", "not-in-table", "names-disagree", "not-found", "unverified"],
)
def test_semantic_scholar_is_silent(record: S2Record) -> None:
    assert s2_claim(record) is None


def test_an_acl_anthology_id_tells_findings_from_the_main_conference() -> None:
    findings = s2_claim(s2(venue=EMNLP, acl="2022.findings-emnlp.318", dblp="conf/emnlp/X22"))
    main = s2_claim(s2(venue=EMNLP, acl="2024.emnlp-main.1231"))
    assert findings is not None and (findings.year, findings.track) == (2022, Track.FINDINGS)
    assert main is not None and (main.year, main.track, main.formal) == (2024, Track.MAIN, True)


@pytest.mark.parametrize(
    ("acl_id", "expected"),
    [
        ("2023.findings-emnlp.725", ("EMNLP", 2023, Track.FINDINGS)),
        ("2023.acl-long.754", ("ACL", 2023, Track.MAIN)),
        ("2020.acl-main.447", ("ACL", 2020, Track.MAIN)),
        ("2024.acl-srw.52", ("ACL", 2024, Track.WORKSHOP)),
        ("2023.gem-1.16", (None, 2023, Track.WORKSHOP)),
        ("2023.tacl-1.1", ("TACL", 2023, None)),
        ("N19-1423", ("NAACL", 2019, Track.MAIN)),
        ("Q18-1001", ("TACL", 2018, None)),
        ("W19-1234", (None, None, None)),
        ("", (None, None, None)),
    ],
)
def test_anthology_ids(acl_id: str, expected: tuple[object, ...]) -> None:
    venue, year, track = anthology(acl_id)
    assert expected == (venue.canonical if venue else None, year, track)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("conf/iclr/Ji00C0Z0C0LZY0J25", ("ICLR", 2025)),
        ("conf/nips/VaswaniSPUJGKP17", ("NeurIPS", 2017)),
        ("conf/acl/LoWNKW20", ("ACL", 2020)),
        ("journals/tmlr/Smith23a", ("TMLR", 2023)),
        ("journals/corr/abs-2305-07759", (None, None)),
        ("conf/fat/BenderGMS21", ("FAccT", 2021)),
        ("conf/unknownconf/Smith21", (None, None)),
    ],
)
def test_dblp_keys(key: str, expected: tuple[object, ...]) -> None:
    venue, year = dblp_venue_year(key)
    assert expected == (venue.canonical if venue else None, year)


def test_silent_sources_know_nothing() -> None:
    assert publication_of(arxiv(), s2(venue="arXiv.org")) is None
    assert publication_of(None, None) is None


def test_both_sources_agreeing_is_certain() -> None:
    """The comment gives the year, Semantic Scholar the venue: a fix may be made unasked."""
    known = publication_of(arxiv(comment="Accepted by ICLR 2025"), s2(venue=ICLR))
    assert isinstance(known, Publication)
    assert (known.label, known.certain) == ("ICLR 2025", True)


def test_a_comment_alone_is_not_certain() -> None:
    known = publication_of(arxiv(comment="Accepted by ICLR 2025"), None)
    assert isinstance(known, Publication) and not known.certain


def test_one_formal_record_is_certain() -> None:
    known = publication_of(arxiv(), s2(venue=ICLR, dblp="conf/iclr/X25"))
    assert isinstance(known, Publication) and known.certain


def test_findings_or_main_unknown_is_not_certain() -> None:
    """EMNLP has Findings: Semantic Scholar's 'EMNLP 2023' alone cannot say which."""
    known = publication_of(arxiv(), s2(venue=EMNLP, dblp="conf/emnlp/X23"))
    assert isinstance(known, Publication)
    assert (known.label, known.track_unknown, known.certain) == ("EMNLP 2023", True, False)


def test_findings_are_labelled_as_a_survey_writes_them() -> None:
    known = publication_of(arxiv(comment="Findings of EMNLP 2023"), s2(venue=EMNLP))
    assert isinstance(known, Publication)
    assert (known.label, known.certain) == ("Findings of EMNLP 2023", True)


@pytest.mark.parametrize(
    ("comment", "s2_fields"),
    [
        ("Accepted at NeurIPS 2023", {"venue": ICLR}),
        ("Accepted at ICLR 2024", {"venue": ICLR, "dblp": "conf/iclr/X25"}),
        ("Findings of EMNLP 2023", {"venue": EMNLP, "acl": "2023.emnlp-main.1"}),
    ],
    ids=["venue", "year", "track"],
)
def test_sources_that_disagree_assert_nothing(comment: str, s2_fields: dict) -> None:
    known = publication_of(arxiv(comment=comment), s2(**s2_fields))
    assert isinstance(known, Disagreement)
    assert len(known.claims) == 2


def test_a_workshop_is_an_earlier_stage_not_a_rival_claim() -> None:
    known = publication_of(
        arxiv(comment="Accepted at the NeurIPS 2023 Workshop on Instruction Tuning"),
        s2(venue=ICLR, dblp="conf/iclr/X24"),
    )
    assert isinstance(known, Publication) and known.label == "ICLR 2024"


def test_publication_years_include_venues_outside_the_table() -> None:
    """The GEM workshop of EMNLP 2023: its ACL Anthology ID dates it, though GEM is unknown."""
    assert {2023} == publication_years(None, s2(venue="", acl="2023.gem-1.16"))


# Semantic Scholar batch records as a project's tests quote them ("Real S2 `paper/batch`
# payloads from a 60-paper vault"), read through S2Record.from_paper.
RECORDED = [
    (
        "1810.04805",  # BERT
        {
            "venue": "North American Chapter of the Association for Computational Linguistics",
            "publicationVenue": {
                "name": "North American Chapter of the Association for Computational Linguistics",
                "type": "conference",
                "alternate_names": ["NAACL"],
            },
            "journal": {"pages": "4171-4186"},
            "externalIds": {
                "ArXiv": "1810.04805",
                "DOI": "10.18653/v1/N19-1423",
                "ACL": "N19-1423",
            },
        },
        ("NAACL", 2019, Track.MAIN, True),
    ),
    (
        "1512.03385",  # ResNet
        {
            "venue": "Computer Vision and Pattern Recognition",
            "publicationVenue": {
                "name": "Computer Vision and Pattern Recognition",
                "type": "conference",
                "alternate_names": ["CVPR"],
            },
            "journal": {
                "name": "2016 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
                "pages": "770-778",
            },
            "externalIds": {"ArXiv": "1512.03385", "DOI": "10.1109/cvpr.2016.90"},
        },
        ("CVPR", 2016, None, True),
    ),
    (
        "1412.6980",  # Adam
        {
            "venue": ICLR,
            "publicationVenue": {"name": ICLR, "type": "conference", "alternate_names": ["ICLR"]},
            "journal": {"name": "CoRR", "volume": "abs/1412.6980"},
            "externalIds": {"ArXiv": "1412.6980"},
        },
        ("ICLR", None, None, False),
    ),
    (
        "2603.23483",  # a preprint
        {
            "venue": "arXiv.org",
            "publicationVenue": {
                "name": "arXiv.org",
                "alternate_names": ["ArXiv"],
                "issn": "2331-8422",
            },
            "journal": {"name": "ArXiv", "volume": "abs/2603.23483"},
            "externalIds": {"ArXiv": "2603.23483", "DOI": "10.48550/arXiv.2603.23483"},
        },
        None,
    ),
    (
        "2503.03505",  # nothing known
        {"venue": "", "publicationVenue": None, "journal": None, "externalIds": {}},
        None,
    ),
]


@pytest.mark.parametrize(("arxiv_id", "paper", "expected"), RECORDED, ids=[r[0] for r in RECORDED])
def test_recorded_semantic_scholar_records(arxiv_id: str, paper: dict, expected: object) -> None:
    claim = s2_claim(S2Record.from_paper(arxiv_id, paper))
    got = (claim.venue.canonical, claim.year, claim.track, claim.formal) if claim else None
    assert expected == got
