"""
Shared fixtures: a clean environment for every test, survey files on disk, and the CLI.
"""

from __future__ import annotations

import json
import os
import re
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
from click.testing import CliRunner, Result

from linkwatch.checks import Context, run_checks
from linkwatch.cli import cli
from linkwatch.model import Finding
from linkwatch.parse import parse_survey
from linkwatch.reporters.json import schema_errors
from linkwatch.sources.files import read_source
from tests.agreement import disagreements
from tests.servers import arxiv, semanticscholar
from tests.servers.github_repos import FakeGitHubRepos
from tests.servers.huggingface import FakeHub
from tests.servers.loopback import LoopbackServer, serving
from tests.servers.web import WebState, make_app

Web = tuple[LoopbackServer, WebState]
Arxiv = tuple[LoopbackServer, arxiv.ArxivState]
S2 = tuple[LoopbackServer, semanticscholar.S2State]
SURVEYS = Path(__file__).parent / "surveys"
PROJECT = Path(__file__).parent.parent
CLOSED = "http://127.0.0.1:9"
CLOSED_ARXIV_API = f"{CLOSED}/api/query"
# Each service a closed port of its own: a service caps its own origin (Semantic Scholar at
# one request a second, GitHub at one at a time), which must not slow the other tests down.
CLOSED_S2_API = "http://127.0.0.1:1/graph/v1"
CLOSED_GITHUB_API = "http://127.0.0.1:2"
CLOSED_HUB = "http://127.0.0.1:3"

MACHINE_ENVIRON = dict(os.environ)
"""The environment as the test run found it, before any test cleaned it: for a subprocess that
must reach the package index as the machine does (pre-commit installing the hook)."""
_ENVIRONMENT = (
    "GITHUB_TOKEN",
    "HF_TOKEN",
    "S2_API_KEY",
    "HTTPS_PROXY",
    "HTTP_PROXY",
    "NO_PROXY",
    "https_proxy",
    "http_proxy",
    "no_proxy",
    "ALL_PROXY",
    "all_proxy",
    "GITHUB_STEP_SUMMARY",
    "LINKWATCH_ARXIV_API_URL",
    "LINKWATCH_S2_API_URL",
    "GITHUB_API_URL",
    "GITHUB_GRAPHQL_URL",
    "HF_ENDPOINT",
    "GITHUB_SERVER_URL",
    "GITHUB_REPOSITORY",
    "GITHUB_SHA",
    "GITHUB_RUN_ID",
    "GITHUB_OUTPUT",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files of tests/reporters/golden from the current output.",
    )


_AGREEMENT = {"reports": 0, "links": 0, "findings": 0}


@pytest.fixture(autouse=True)
def reports_agree(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every JSON report a test writes is validated against the shipped schema and walked:
    its links table and its findings must not contradict each other (tests/agreement.py)."""
    folder = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if folder is None:
        return
    for path in folder.rglob("linkwatch.json"):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # a test that writes a broken report on purpose
        if not isinstance(report, dict) or not isinstance(report.get("links"), list):
            continue
        _AGREEMENT["reports"] += 1
        _AGREEMENT["links"] += len(report["links"])
        _AGREEMENT["findings"] += len(report.get("findings", ()))
        assert not (errors := schema_errors(report)), f"{path}: not valid: {errors[:3]}"
        problems = disagreements(report)
        assert not problems, f"{path}: " + "; ".join(problems[:5])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _AGREEMENT["reports"]:
        terminalreporter.write_line(
            "links table and findings agree in {reports} reports "
            "({links} links, {findings} findings)".format(**_AGREEMENT)
        )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test sees a real token, proxy or service URL from the machine it runs on, and none
    can reach a real service: every API points at a closed port on loopback unless a test
    points it at its own server, and every other request goes through a 'proxy' on that closed
    port (the client honours HTTP(S)_PROXY), loopback excepted. Tests about DNS failures lift
    the proxy with `real_dns`."""
    for name in _ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LINKWATCH_ARXIV_API_URL", CLOSED_ARXIV_API)
    monkeypatch.setenv("LINKWATCH_S2_API_URL", CLOSED_S2_API)
    monkeypatch.setenv("GITHUB_API_URL", CLOSED_GITHUB_API)
    monkeypatch.setenv("HF_ENDPOINT", CLOSED_HUB)
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.setenv(proxy, CLOSED)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture
def real_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No guard proxy: the test looks up names (*.invalid, which never resolve)."""
    for proxy in ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY"):
        monkeypatch.delenv(proxy, raising=False)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current directory, so no config file of the project leaks into a test."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def write_survey(tmp_path: Path) -> Callable[..., Path]:
    def write(text: str, name: str = "survey.md") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


def findings_of(path: Path) -> list[Finding]:
    """Offline findings for one survey file."""
    return run_checks(Context(parse_survey([read_source(path)])))


def kinds_by_line(findings: list[Finding]) -> set[tuple[int, str]]:
    return {(finding.line, finding.kind) for finding in findings}


def expected_in(path: Path) -> set[tuple[int, str]]:
    """The expectations a fixture survey states in its closing comment:

    <!-- expect
    12: empty-entry
    14: malformed-url, placeholder-link
    -->
    """
    block = re.search(r"<!-- expect\n(.*?)-->", path.read_text(encoding="utf-8"), re.S)
    expected = set()
    for line in block.group(1).splitlines() if block else []:
        number, kinds = line.split(":", 1)
        expected |= {(int(number), kind.strip()) for kind in kinds.split(",") if kind.strip()}
    return expected


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    def run(*args: str | Path) -> Result:
        return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)

    return run


@pytest.fixture
def survey_md() -> Iterator[Path]:
    yield PROJECT / "survey.md"


@pytest.fixture
def web() -> Iterator[tuple[LoopbackServer, WebState]]:
    state = WebState()
    with serving(make_app(state)) as server:
        yield server, state


@pytest.fixture
def arxiv_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[Arxiv]:
    """The loopback arXiv API with no papers yet (tests add theirs), and
    LINKWATCH_ARXIV_API_URL pointing at it."""
    state = arxiv.ArxivState()
    with serving(arxiv.make_app(state)) as server:
        monkeypatch.setenv("LINKWATCH_ARXIV_API_URL", f"{server.url}/api/query")
        yield server, state


@pytest.fixture
def s2_api(monkeypatch: pytest.MonkeyPatch) -> Iterator[S2]:
    """The loopback Semantic Scholar Graph API with no papers yet (tests add theirs), and
    LINKWATCH_S2_API_URL pointing at it."""
    state = semanticscholar.S2State()
    with serving(semanticscholar.make_app(state)) as server:
        monkeypatch.setenv("LINKWATCH_S2_API_URL", f"{server.url}/graph/v1")
        yield server, state


@pytest.fixture(scope="session")
def certificate_authority() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def tls_web(certificate_authority: trustme.CA) -> Iterator[tuple[LoopbackServer, WebState]]:
    """The same simulated web over TLS, with a certificate from a CA nobody trusts by default."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    certificate_authority.issue_cert("127.0.0.1").configure_cert(context)
    state = WebState()
    with serving(make_app(state), ssl_context=context) as server:
        yield server, state


@pytest.fixture
def trusting(certificate_authority: trustme.CA) -> ssl.SSLContext:
    """A client TLS context that trusts the test CA (as a company CA would be trusted)."""
    context = ssl.create_default_context()
    certificate_authority.configure_trust(context)
    return context


@dataclass
class GithubServers:
    """A loopback GitHub: the API (REST and GraphQL) and the github.com pages, one state."""

    fake: FakeGitHubRepos
    api: LoopbackServer
    pages: LoopbackServer

    @property
    def remap(self) -> str:
        """--remap that sends github.com pages to the loopback pages server."""
        return f"^https://github\\.com {self.pages.url}"


def serving_github(fake: FakeGitHubRepos) -> Iterator[GithubServers]:
    with serving(fake.api()) as api, serving(fake.pages()) as pages:
        fake.base_url = api.url
        yield GithubServers(fake, api, pages)


@pytest.fixture
def github() -> Iterator[GithubServers]:
    yield from serving_github(FakeGitHubRepos())


@pytest.fixture
def hub() -> Iterator[tuple[LoopbackServer, FakeHub]]:
    fake = FakeHub()
    with serving(fake.app()) as server:
        yield server, fake
