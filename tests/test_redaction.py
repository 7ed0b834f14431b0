"""
A service that echoes the credential in its error ('Bad credentials: Bearer ghp_...'), as some
proxies and gateways do: the token reaches no report, no terminal line and no cache row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from aiohttp import web
from click.testing import Result

from linkwatch.model.redaction import Redactor, proxy_secrets
from tests.servers.loopback import serving

TOKEN = "ghp_EchoedBackByAProxy0123456789abcdefXYZ"


def echoing_app() -> web.Application:
    async def echo(request: web.Request) -> web.Response:
        said = request.headers.get("Authorization", "no credentials")
        return web.json_response({"message": f"Bad credentials: {said}"}, status=401)

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", echo)
    return app


def test_an_echoed_token_is_masked_everywhere(
    workdir: Path, run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    with serving(echoing_app()) as api:
        monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
        monkeypatch.setenv("GITHUB_API_URL", api.url)
        monkeypatch.setenv("GITHUB_GRAPHQL_URL", f"{api.url}/graphql")
        (workdir / "survey.md").write_text(
            "| Paper | Venue | Code |\n|---|---|---|\n"
            "| [A Paper](https://x.org/a) | ICLR 2024 | https://github.com/owner/repo |\n"
        )
        result = run_cli(
            "check", "survey.md", "-v", "-f", "json,html,markdown,sarif", "--fail-on", "never",
            "--exclude", r"^https://x\.org", "--cache", "cache.sqlite",
        )  # fmt: skip
    assert result.exit_code in (0, 3), result.output
    assert "Bad credentials: Bearer ***" in (workdir / "reports" / "linkwatch.json").read_text()
    for name in ("linkwatch.json", "linkwatch.html", "linkwatch.md", "linkwatch.sarif"):
        assert TOKEN not in (workdir / "reports" / name).read_text(encoding="utf-8"), name
    assert TOKEN not in result.output
    cache = workdir / "cache.sqlite"
    assert not cache.exists() or TOKEN.encode() not in cache.read_bytes()


def test_the_redactor_masks_every_configured_secret_and_nothing_else() -> None:
    redactor = Redactor(
        [
            "s3cret-key",
            None,
            "",
            "ab",
            *proxy_secrets({"HTTPS_PROXY": "http://me:p%40ss@proxy:3128"}),
        ]
    )
    assert redactor.text("key s3cret-key, proxy p@ss, user me") == "key ***, proxy ***, user me"
    assert redactor.value({"a": ["s3cret-key", 3], "b": ("x s3cret-key",)}) == {
        "a": ["***", 3],
        "b": ("x ***",),
    }
    assert not Redactor([None, ""])  # nothing configured: nothing to do
