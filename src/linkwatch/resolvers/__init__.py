"""
Resolvers: one per service, each asked for all of its identifiers at once.

The web prober takes every link that none of the API resolvers below claims.
"""

from __future__ import annotations

from typing import Any

from linkwatch.resolvers.arxiv import ArxivResolver
from linkwatch.resolvers.base import Resolver
from linkwatch.resolvers.github import GithubResolver
from linkwatch.resolvers.huggingface import HuggingFaceResolver
from linkwatch.resolvers.semanticscholar import SemanticScholarResolver

API_RESOLVERS: tuple[type[Resolver[Any, Any]], ...] = (
    ArxivResolver,
    SemanticScholarResolver,
    GithubResolver,
    HuggingFaceResolver,
)
