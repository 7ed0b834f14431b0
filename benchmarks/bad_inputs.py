"""
Bad-input sweep: every case is a fresh `linkwatch` process in its own temporary folder (which
starts with a small valid survey.md); what matters is that none ends in a Python traceback or
hangs. Expected for bad input: one `linkwatch: error: ...` line and exit 2 (1 when findings
exist, 0 when the input is fine, 3 when no service could be reached).

    python benchmarks/bad_inputs.py [-j JOBS] [-k SUBSTRING]   # the sweep; exit 1 on a problem
    python benchmarks/bad_inputs.py --black-hole               # services that never answer

'ok?' marks an exit 2 without a `linkwatch: error:` line, or an exit code outside 0-3. Network
cases point every service and host at 127.0.0.1:1, where nothing listens.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.servers.black_hole import BlackHole  # noqa: E402

LINKWATCH = str(ROOT / ".venv" / "bin" / "linkwatch")
TIMEOUT_S = 60
TRACEBACK = "Traceback (most recent call last)"
NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
LOCAL = "http://127.0.0.1:1"
SERVICES = ("LINKWATCH_ARXIV_API_URL", "LINKWATCH_S2_API_URL", "GITHUB_API_URL", "HF_ENDPOINT")
PROXIES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")
HEADER = "# Survey\n\n## Section\n\n| Paper | Published in | Code/Project |\n|---|:---:|:---:|\n"
TINY = "Tinystories: How small can language models be and still speak coherent english?"
SURVEY = HEADER + "".join(
    f"| [{title}]({url}) | {venue} | {code} |\n"
    for title, url, venue, code in [
        (TINY, "https://arxiv.org/abs/2305.07759", "arxiv 2023", "https://github.com/a/b"),
        ("Controllable dialogue simulation", "http://arxiv.org/abs/2210.04185", "arxiv 2022", "-"),
        ("A paper on the open web", "https://example.org/paper.pdf", "ACL 2023", "-"),
    ]
)
WEIRD = {
    "ipv6-unclosed": "http://[::1",
    "port-99999": "http://a:99999/",
    "javascript": "javascript:alert(1)",
    "empty-angle": "<>",
    "blank": " ",
    "userinfo": "http://user:pass@host/",
    "url-10k": "http://example.com/" + "a" * 10_000,
    "nul-in-url": "http://a\x00b.com/",
    "percent-zz": "%zz",
}
Setup = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    args: Sequence[str]
    setup: Setup | None = None
    env: dict[str, str] = field(default_factory=dict)
    stdout: str = "capture"  # or "/dev/full", or "broken-pipe"
    as_nobody: bool = False  # run as uid 65534 (setpriv), so permission bits bind under root


@dataclass(frozen=True)
class Outcome:
    case: Case
    code: int | None  # None: killed at the timeout
    traceback: bool
    last_line: str
    tail: list[str]
    seconds: float


# --- setups: each takes the case's temporary folder ---------------------------------------


def files(contents: dict[str, str | bytes]) -> Setup:
    def setup(tmp: Path) -> None:
        for name, data in contents.items():
            (tmp / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp / name).write_bytes(data if isinstance(data, bytes) else data.encode())

    return setup


def both(*setups: Setup | None) -> Setup:
    def setup(tmp: Path) -> None:
        for step in filter(None, setups):
            step(tmp)

    return setup


def survey_of(text: str | bytes) -> Setup:
    return files({"survey.md": text})


def toml(text: str, name: str = "linkwatch.toml") -> Setup:
    return files({name: text})


def symlink(name: str, target: str) -> Setup:
    return lambda tmp: (tmp / name).symlink_to(target)


def loop(name: str) -> Setup:
    return both(symlink(name, f"{name}.b"), symlink(f"{name}.b", name))


def fifo(name: str) -> Setup:
    return lambda tmp: os.mkfifo(tmp / name)


def folder(name: str) -> Setup:
    return lambda tmp: (tmp / name).mkdir(parents=True)


def remove(name: str) -> Setup:
    return lambda tmp: (tmp / name).unlink()


def chmod(name: str, mode: int) -> Setup:
    return lambda tmp: (tmp / name).chmod(mode)


@functools.cache
def valid_report() -> str:
    """The JSON report of an offline check of SURVEY, written once by linkwatch itself."""
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "survey.md").write_text(SURVEY)
        command = [LINKWATCH, "check", "--offline", "--no-progress", "-f", "json"]
        subprocess.run(command, cwd=tmp, capture_output=True, timeout=TIMEOUT_S, check=False)
        return Path(tmp, "reports", "linkwatch.json").read_text()


def report_file(name: str = "reports/linkwatch.json", edit: Callable[[str], str] = str) -> Setup:
    return lambda tmp: files({name: edit(valid_report())})(tmp)


def rows(*urls: str) -> str:
    return HEADER + "".join(f"| [x]({url}) | arxiv 2023 | - |\n" for url in urls)


# --- the cases: tables, one case a line ---------------------------------------------------

CHECK = ("check", "--offline", "--no-progress")
ONLINE = ("check", "--no-progress", "--retries", "0", "--timeout", "2")
LOCALLY = ("--remap", rf"^https?://[^/]+ {LOCAL}")  # every web probe refused on 127.0.0.1
TOKEN = {"GITHUB_TOKEN": "ghp_fake", "GITHUB_REPOSITORY": "o/r"}
ALL_WEIRD = rows(*(url for url in WEIRD.values() if "\x00" not in url))
ANCHOR = '<a href="https://arxiv.org/abs/2305.07759">Paper</a>'
WIDE = "| " + " | ".join(f"c{i}" for i in range(2000)) + " |\n|" + "---|" * 2000 + "\n"
WIDE += "| [x](https://arxiv.org/abs/2305.07759) |" + " y |" * 1999 + "\n"
REFS = "[Tinystories]\n\n[Tinystories]: https://arxiv.org/abs/2305.07759\n" * 20_000
INDENTED = "".join("  " * i + f"- [p{i}](http://a.com/{i})\n" for i in range(2000))


def nested_entries(text: str) -> str:
    return text.replace('"entries": [', '"entries": [' + "[" * 900 + "]" * 900 + ",", 1)


# fmt: off
REPORTS: dict[str, Setup | None] = {  # a bad JSON report (r.json) → its setup
    "missing": None, "directory": folder("r.json"), "fifo": fifo("r.json"),
    "not-json": toml("hello", "r.json"), "empty": toml("", "r.json"),
    "json-list": toml("[1, 2]", "r.json"), "5000-digits": toml("1" * 5000, "r.json"),
    "nested-100000": toml("[" * 100_000 + "]" * 100_000, "r.json"),
    "invalid-utf8": files({"r.json": b"\xff{"}),
    "schema-99": report_file("r.json", lambda t: t.replace(': 1,', ': 99,', 1)),
    "truncated": report_file("r.json", lambda text: text[: len(text) // 2]),
    "entries-nested-900": report_file("r.json", nested_entries),
}
CONFIGS = """timeout = "x"|timeout = inf|formats = 5|formats = []|exclude = [1]|exclude = ["("]
remap = ["("]|remap = ["^https://example \\\\g<"]|max-age = 5|cache = "/proc/x/c.sqlite"
concurrency = true|arxiv-batch-size = 0|arxiv-delay-seconds = nan|max-file-mb = -1
fail-on = "loud"|fail-if-empty = "yes"|files = ["nope.md"]|severity = { title-case = "loud" }
severity = { nokind = "error" }|severity = { title-case = ["error"] }|severity = 5
severity = { title-case = { a = 1 } }|hosts = { x = 5 }|hosts = { x = { concurrency = 0 } }
hosts = { x = { delay_seconds = -1 } }|hosts = { x = { delay_seconds = "1s" } }
ignore = ["nokind"]|frobnicate = 1|timeout = = 3""".replace("\n", "|").split("|")
SURVEYS: dict[str, str | bytes] = {  # survey.md → what is in it
    "invalid-utf8": SURVEY.encode() + b"\xc3\x28 bad\n", "utf16-bom": SURVEY.encode("utf-16"),
    "binary": bytes(range(256)) * 64, "empty": "", "bom-only": b"\xef\xbb\xbf",
    "crlf-and-lone-cr": SURVEY.replace("\n", "\r\n") + "a\rb\r",
    "nested-list-10000": "- " * 10_000 + "[x](http://a.com/)\n",
    "nested-list-indented-2000": INDENTED,
    "blockquote-10000": ">" * 10_000 + " [x](http://a.com/)\n",
    "brackets-100000": "[" * 100_000 + "\n", "emphasis-100000": "*_" * 50_000 + "\n",
    "table-2000-columns": WIDE, "line-2mb": SURVEY + "x" * 2_000_000 + "\n",
    "line-2mb-of-links": "[a](http://a.com/) " * 105_000 + "\n", "reference-links-20000": REFS,
    **{f"link {name}": rows(url) for name, url in WEIRD.items()},
    "link nul-after-8k": "x" * 9000 + "\n\n" + rows("http://a\x00b.com/"),
    "links all-weird": ALL_WEIRD,
    "html-table-unclosed": f"<table><tr><td>{ANCHOR[:-4]}<td>arxiv 2023<tr><td>",
    "html-tables-nested-100": "<table><tr><td>" * 100 + ANCHOR,
    "html-tables-nested-10000": "<table><tr><td>" * 10_000 + ANCHOR,
    "html-divs-nested-20000": "<div>" * 20_000 + "\n",
}
PATHS: dict[str, tuple[str, Setup | None]] = {  # a PATH argument → its setup
    "missing": ("nope.md", None), "directory-named-md": ("notes.md", folder("notes.md")),
    "empty-folder": ("empty", folder("empty")),
    "folder-with-fifo-md": ("d", both(folder("d"), fifo("d/x.md"))),
    "folder-with-loop-md": ("d", both(folder("d"), loop("d/x.md"))),
    "folder-broken-git": ("d", files({"d/.git": "gitdir: /nowhere", "d/a.md": SURVEY})),
    "glob-no-match": ("docs/**/*.md", None), "glob-bad-syntax": ("[a-", None),
    "/dev/zero": ("/dev/zero", None), "/dev/null": ("/dev/null", None),
    "fifo": ("f.md", fifo("f.md")), "symlink-loop": ("l.md", loop("l.md")),
    "dangling-symlink": ("l.md", symlink("l.md", "nowhere.md")),
    "spaces-unicode": ("my survey ü 論文.md", files({"my survey ü 論文.md": SURVEY})),
    "name-5000-chars": ("a" * 5000 + ".md", None),
    "not-markdown-suffix": ("notes.txt", files({"notes.txt": SURVEY})),
}
OUTPUTS: dict[str, tuple[str, Setup | None]] = {  # -o DIR → its setup
    "regular-file": ("out", toml("x", "out")), "under-regular-file": ("out/sub", toml("x", "out")),
    "json-is-directory": ("r", folder("r/linkwatch.json")), "symlink-loop": ("l", loop("l")),
    "/proc": ("/proc", None), "/proc/sub": ("/proc/lw-out", None), "/dev/full": ("/dev/full", None),
}


def each_report(name: str, args: Sequence[str], env: dict[str, str] | None = None) -> list[Case]:
    """One case per bad report in REPORTS; R in `args` stands for its path."""
    paths = {bad: "nope.json" if bad == "missing" else "r.json" for bad in REPORTS}
    return [Case(f"{name}-{bad}", [paths[bad] if a == "R" else a for a in args], setup, env or {})
            for bad, setup in REPORTS.items()]


def outputs(name: str, args: Sequence[str], setup: Setup | None = None) -> list[Case]:
    return [Case(f"{name}-{out}", [*args, "-o", path], both(setup, made))
            for out, (path, made) in OUTPUTS.items()]


REMAPS = [r"^https://example\.org \g<", r"^https://example\.org http://x\q", "^.*$ ::::",
          r"^https?://[^/]+ http://[::1", r"^https?://[^/]+ http://a:99999"]
CASES: list[Case] = [
    # CLI values
    *[Case(f"timeout={v}", [*CHECK, "--timeout", v]) for v in ("0", "-1", "nan", "inf", "1e309")],
    *[Case(f"timeout={v}", [*CHECK, "--timeout", v]) for v in ("abc", "1e-300")],
    *[Case(f"retries={v}", [*CHECK, "--retries", v]) for v in ("-1", "abc", "9" * 30)],
    *[Case(f"concurrency={v}", [*CHECK, "--concurrency", v]) for v in ("0", "-5")],
    Case("host-concurrency=0", [*CHECK, "--host-concurrency", "0"]),
    *[Case(f"max-age={v}", [*CHECK, "--max-age", v]) for v in ("garbage", "-5d", "0", "1e3")],
    Case("remap-no-replacement", [*CHECK, "--remap", "^https://x"]),
    Case("remap-bad-regex", [*CHECK, "--remap", "( x"]),
    Case("remap-missing-group-9", [*CHECK, "--remap", r"^https://(a) \9"]),
    Case("remap-missing-group-x", [*CHECK, "--remap", r"^https://(a) \g<x>"]),
    Case("exclude-bad-regex", [*CHECK, "--exclude", "("]),
    Case("ignore-unknown-kind", [*CHECK, "--ignore", "nokind"]),
    *[Case(f"format={v!r}", [*CHECK, "-f", v]) for v in ("", "pdf", "json,,html", ",")],
    Case("fail-on-garbage", [*CHECK, "--fail-on", "garbage"]),
    Case("timeout-missing-value", [*CHECK, "--timeout"]),
    Case("unknown-option", [*CHECK, "--frobnicate"]),
    # --baseline, --config, linkwatch.toml, pyproject.toml
    *each_report("baseline", [*CHECK, "--baseline", "R"]),
    Case("baseline-/dev/zero", [*CHECK, "--baseline", "/dev/zero"]),
    Case("config-missing", [*CHECK, "--config", "nope.toml"]),
    Case("config-directory", [*CHECK, "--config", "."]),
    Case("config-/dev/null", [*CHECK, "--config", "/dev/null"]),
    Case("config-fifo", CHECK, fifo("linkwatch.toml")),
    Case("config-invalid-utf8", CHECK, files({"linkwatch.toml": b"timeout = '\xff'"})),
    *[Case(f"config {text}", CHECK, toml(text)) for text in CONFIGS],
    Case("config remap bad template (online)", ONLINE, toml(r'remap = ["^https \\g<"]')),
    Case("config ca-bundle missing (online)", [*ONLINE, *LOCALLY], toml('ca-bundle = "no.pem"')),
    Case("config ca-bundle directory (online)", [*ONLINE, *LOCALLY], toml('ca-bundle = "."')),
    Case("config ca-bundle garbage (online)", [*ONLINE, *LOCALLY],
         files({"linkwatch.toml": 'ca-bundle = "ca.pem"', "ca.pem": "garbage"})),
    Case("pyproject [tool] linkwatch = 5", CHECK, toml("[tool]\nlinkwatch = 5", "pyproject.toml")),
    Case('pyproject tool = "x"', CHECK, toml('tool = "x"', "pyproject.toml")),
    Case('pyproject timeout = "x"', CHECK, toml('[tool.linkwatch]\ntimeout="x"', "pyproject.toml")),
    Case("pyproject invalid TOML", CHECK, toml("[tool\n", "pyproject.toml")),
    # input files
    *[Case(f"input-{name}", [*CHECK, path], setup) for name, (path, setup) in PATHS.items()],
    *[Case(f"survey {name}", CHECK, survey_of(text)) for name, text in SURVEYS.items()],
    Case("input-no-default", CHECK, remove("survey.md")),
    Case("input-over-max-file-mb", CHECK, both(toml("max-file-mb = 0.001"), survey_of(SURVEY * 9))),
    Case("input-no-read-permission (as root)", CHECK, chmod("survey.md", 0)),
    Case("input-no-read-permission", CHECK, chmod("survey.md", 0), as_nobody=True),
    # online, every service and host refused on 127.0.0.1:1
    Case("online-all-refused", [*ONLINE, *LOCALLY]),
    Case("online-all-weird-links", [*ONLINE, "--no-cache"], survey_of(ALL_WEIRD)),
    *[Case(f"online-remap {r}", [*ONLINE, "--no-cache", "--remap", r]) for r in REMAPS],
    Case("online-max-age=400-digits", [*ONLINE, *LOCALLY, "--max-age", "9" * 400 + "w"]),
    Case("online-retries=30-digits", [*ONLINE, *LOCALLY, "--retries", "9" * 30]),
    Case("online-concurrency=30-digits", [*ONLINE, *LOCALLY, "--concurrency", "9" * 30]),
    Case("online-timeout=1e-300", [*ONLINE, *LOCALLY, "--timeout", "1e-300"]),
    Case("online-service-url-garbage", ONLINE, env={"LINKWATCH_ARXIV_API_URL": "not a url"}),
    Case("online-proxy-garbage", [*ONLINE, *LOCALLY], env=dict.fromkeys(PROXIES, "http://[::1")),
    Case("online-cache-is-directory", [*ONLINE, *LOCALLY, "--cache", "."]),
    Case("online-cache-not-sqlite", [*ONLINE, *LOCALLY, "--cache", "c"], toml("junk", "c")),
    Case("online-cache-in-/proc", [*ONLINE, *LOCALLY, "--cache", "/proc/lw/cache.sqlite"]),
    # output
    *outputs("out", CHECK),
    Case("out-read-only-dir", [*CHECK, "-o", "ro"], chmod(".", 0o555), as_nobody=True),
    *[Case(f"out-step-summary={path}", [*CHECK, "-f", "github"], env={"GITHUB_STEP_SUMMARY": path})
      for path in ("/dev/full", "/no/dir/s.md", ".")],
    Case("stdout=/dev/full check -f github", [*CHECK, "-f", "github"], stdout="/dev/full"),
    Case("stdout=/dev/full kinds", ["kinds"], stdout="/dev/full"),
    Case("stdout=broken-pipe kinds", ["kinds"], stdout="broken-pipe"),
    Case("stdout=broken-pipe check -v", [*CHECK, "-v"], stdout="broken-pipe"),
    # fix, report, gate, track
    *each_report("fix-report", ["fix", "survey.md", "--report", "R"]),
    Case("fix-report-other-file", ["fix", "other.md", "--report", "reports/linkwatch.json"],
         both(toml(SURVEY, "other.md"), report_file())),
    Case("fix-only-unknown-kind", ["fix", "--only", "unknownkind"]),
    *[Case(f"fix-{name}", ["fix", path], setup) for name, (path, setup) in PATHS.items()],
    Case("fix-write-read-only", ["fix", "--write", "--fresh"], chmod(".", 0o555), as_nobody=True),
    *each_report("report", ["report", "R"]),
    Case("report-/dev/zero", ["report", "/dev/zero"]),
    *outputs("report-o", ["report", "reports/linkwatch.json"], report_file()),
    *[Case(f"report-format={v}", ["report", "reports/linkwatch.json", "-f", v], report_file())
      for v in ("sarif", "pdf", "")],
    *each_report("gate", ["gate", "R"]),
    Case("gate-default-missing", ["gate"]),
    Case("gate-fail-on-garbage", ["gate", "--fail-on", "x"], report_file()),
    Case("track-no-token", ["track", "--repo", "o/r"], report_file()),
    Case("track-repo-bad", ["track", "--repo", "bad"], report_file(), env=TOKEN),
    Case("track-label-empty", ["track", "--label", ""], report_file(), env=TOKEN),
    Case("track-no-repo", ["track"], report_file(), env={"GITHUB_TOKEN": "ghp_fake"}),
    *each_report("track-report", ["track", "--report", "R"], env=TOKEN),
    Case("track-api-refused", ["track"], report_file(), env=TOKEN),
    Case("track-api-url-garbage", ["track"], report_file(), {**TOKEN, "GITHUB_API_URL": "no url"}),
    # the rest
    Case("kinds-nokind", ["kinds", "nokind"]),
    Case("unknown-command", ["frobnicate"]),
    Case("color-sometimes", ["--color", "sometimes", "kinds"]),
    Case("version-extra-arg", ["--version", "extra"]),
]
# fmt: on


# --- running ------------------------------------------------------------------------------


def environment(tmp: Path, extra: dict[str, str]) -> dict[str, str]:
    """The caller's environment less anything that would reach out or change behaviour."""
    drop = ("GITHUB_", "LINKWATCH_", "HF_", "S2_", "CI", "FORCE_COLOR", *PROXIES)
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env |= dict.fromkeys(SERVICES, LOCAL) | {"GITHUB_GRAPHQL_URL": f"{LOCAL}/graphql"}
    return env | {"TMPDIR": str(tmp), "NO_COLOR": "1"} | extra


def run_case(case: Case) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="lw-bad-") as name:
        tmp = Path(name)
        command = [*(NOBODY if case.as_nobody else []), LINKWATCH, *case.args]
        tmp.chmod(0o777 if case.as_nobody else 0o700)
        (tmp / "survey.md").write_text(SURVEY)
        if case.setup:
            case.setup(tmp)
        out: int = subprocess.PIPE
        if case.stdout == "/dev/full":
            out = os.open("/dev/full", os.O_WRONLY)
        elif case.stdout == "broken-pipe":
            read_end, out = os.pipe()
            os.close(read_end)
        started = time.monotonic()
        try:
            done = subprocess.run(command, cwd=tmp, env=environment(tmp, case.env), stdout=out,
                                  stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                  timeout=TIMEOUT_S, check=False)  # fmt: skip
            code, stdout, stderr = done.returncode, done.stdout or b"", done.stderr
        except subprocess.TimeoutExpired as exc:
            code, stdout, stderr = None, exc.stdout or b"", exc.stderr or b""
        finally:
            if out != subprocess.PIPE:
                os.close(out)
            for path in [tmp, *tmp.rglob("*")]:  # undo the chmods, so that cleanup works
                if not path.is_symlink():
                    path.chmod(0o755)
        seconds = time.monotonic() - started
    text = stdout.decode(errors="replace") + stderr.decode(errors="replace")
    lines = [line for line in stderr.decode(errors="replace").splitlines() if line.strip()]
    return Outcome(case, code, TRACEBACK in text, lines[-1] if lines else "", lines[-5:], seconds)


def verdict(outcome: Outcome) -> str:
    if outcome.code is None:
        return "TIMEOUT"
    if outcome.traceback:
        return "TRACEBACK"
    plain = outcome.code in (0, 1, 3) or outcome.last_line.startswith("linkwatch: error: ")
    return "ok" if plain and outcome.code in (0, 1, 2, 3) else "ok?"


def shown(args: Sequence[str]) -> str:
    return shlex.join(arg if len(arg) <= 60 else f"{arg[:40]}...({len(arg)} chars)" for arg in args)


def sweep(jobs: int, only: str) -> int:
    cases = [case for case in CASES if only in case.name]
    twice = [name for name, n in Counter(case.name for case in cases).items() if n > 1]
    assert not twice, f"case names used twice: {twice}"
    if os.geteuid() == 0:
        print("# running as root: permission bits do not bind root; cases marked as_nobody run "
              "under setpriv as uid 65534 instead")  # fmt: skip
    with ThreadPoolExecutor(jobs) as pool:
        outcomes = list(pool.map(run_case, cases))
    for o in outcomes:
        code = "-" if o.code is None else o.code
        print(f"{verdict(o):<9} {code!s:>2} {o.seconds:5.1f}s  {o.case.name} | {o.last_line[:120]}")
    problems = [o for o in outcomes if o.traceback or o.code is None]
    for o in problems:
        print(f"\n## {verdict(o)}: {o.case.name}\n$ linkwatch {shown(o.case.args)}")
        print("\n".join("    " + line[:200] for line in o.tail))
    tracebacks = sum(o.traceback for o in outcomes)
    hangs = sum(o.code is None for o in outcomes)
    codes = dict(sorted(Counter(str(o.code) for o in outcomes).items()))
    print(f"\n{len(outcomes)} cases, {tracebacks} tracebacks, {hangs} hangs, exit codes {codes}")
    return 1 if problems else 0


# --- the black hole: services that accept connections and never answer ----------------------


def black_hole(token: str | None) -> dict[str, object]:
    hole = BlackHole()
    url = f"http://127.0.0.1:{hole.port}"
    env = {k: v for k, v in os.environ.items() if k not in (*PROXIES, "GITHUB_TOKEN")}
    env |= {"LINKWATCH_ARXIV_API_URL": f"{url}/api/query", "GITHUB_API_URL": url,
            "LINKWATCH_S2_API_URL": f"{url}/graph/v1", "GITHUB_GRAPHQL_URL": f"{url}/graphql",
            "HF_ENDPOINT": url, **({"GITHUB_TOKEN": token} if token else {})}  # fmt: skip
    exclude = r"^(?!https?://(www\.)?(arxiv\.org|github\.com|huggingface\.co)/)"
    command = [LINKWATCH, "check", "survey.md", "--no-progress", "--no-cache",
               "--exclude", exclude, "--remap", rf"^https://github\.com {url}"]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="lw-hole-") as tmp:
        shutil.copy(ROOT / "survey.md", tmp)
        started = time.monotonic()
        done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=3600, check=False)  # fmt: skip
        seconds = time.monotonic() - started
        report = Path(tmp, "reports", "linkwatch.json")
        summary = json.loads(report.read_bytes())["summary"] if report.exists() else {}
    hole.close()
    notes = [line for line in done.stdout.splitlines() if line and not line.startswith(" ")]
    return {"GITHUB_TOKEN": token, "wall_s": round(seconds, 1), "exit": done.returncode,
            "accepted": hole.connections, "traceback": TRACEBACK in done.stderr + done.stdout,
            "requests": summary.get("requests"), "stdout": notes[:12],
            "stderr": done.stderr.strip().splitlines()[-5:]}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().split("\n\n")[0])
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("-k", default="", help="only the cases whose name contains this")
    parser.add_argument("--black-hole", action="store_true", help="time the never-answering run")
    args = parser.parse_args(argv)
    # children inherit this: a runaway case (reading /dev/zero whole) dies of MemoryError
    # instead of taking the machine down
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
    if args.black_hole:
        for token in (None, "ghp_fake"):
            print(json.dumps(black_hole(token), indent=2, ensure_ascii=False), flush=True)
        return 0
    return sweep(args.jobs, args.k)


if __name__ == "__main__":
    sys.exit(main())
