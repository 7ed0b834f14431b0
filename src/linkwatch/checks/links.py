"""
Checks on how links are written that need no request: http:// where the host serves https.
"""

from __future__ import annotations

from collections.abc import Iterator

from linkwatch.checks.base import Context
from linkwatch.identify import host_matches, host_of
from linkwatch.model import Fix, Problem

# Hosts that serve every page over https (most redirect http:// to it, or use HSTS).
HTTPS_HOSTS = frozenset(
    {
        "arxiv.org",
        "github.com",
        "github.io",
        "huggingface.co",
        "hf.co",
        "openreview.net",
        "aclanthology.org",
        "doi.org",
        "proceedings.neurips.cc",
        "papers.nips.cc",
        "proceedings.mlr.press",
        "semanticscholar.org",
        "dl.acm.org",
        "ieeexplore.ieee.org",
        "link.springer.com",
        "sciencedirect.com",
        "nature.com",
        "science.org",
        "pnas.org",
        "cell.com",
        "biorxiv.org",
        "medrxiv.org",
        "openaccess.thecvf.com",
        "ojs.aaai.org",
        "ijcai.org",
        "jmlr.org",
        "paperswithcode.com",
        "kaggle.com",
        "google.com",
        "youtube.com",
        "twitter.com",
        "x.com",
        "medium.com",
        "wikipedia.org",
        "gitlab.com",
        "zenodo.org",
        "osf.io",
        "readthedocs.io",
        "pypi.org",
        "colab.research.google.com",
    }
)


def insecure_link(context: Context) -> Iterator[Problem]:
    """An http:// link to a host known to serve https (`http://arxiv.org/abs/2211.09085`):
    the reader's first request goes out unencrypted. Fix: the https:// link."""
    for link in context.survey.links:
        if not link.url.lower().startswith("http://"):
            continue
        if not host_matches(host_of(link.url), HTTPS_HOSTS):
            continue
        secure = "https://" + link.url[len("http://") :]
        fix = Fix(link.line, link.url, secure, link.span.start) if link.span else None
        yield Problem(
            link.file,
            link.line,
            f"Insecure link: {host_of(link.url)} serves https, so link {secure}.",
            url=link.url,
            entry_title=link.text or None,
            expected=secure,
            actual=link.url,
            fix=fix,
        )
