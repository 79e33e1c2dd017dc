"""The seed's page in a real browser: headless Chromium renders it, and the DOM it
built shows each of the five seed quotations highlighted with its speaker.

Skipped when no Chromium is installed, except in CI (``CI=true``), where `.ci/run`
installs Debian's ``chromium`` and the test must run. The screenshot is kept in
``tests/artifacts/seed_page.png`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quoteattr import extract_quotes
from quoteattr._html import render_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "ebrard_pompeo.txt"
EXPECTED = ROOT / "seeds" / "ebrard_pompeo.expected.json"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120

# Run in the page by the test's copy only (the page itself has no script): record
# what the browser computed for each highlight, for --dump-dom to show.
PROBE = """<script>
window.addEventListener("load", () => {
  for (const el of document.querySelectorAll("mark.qa-q, span.qa-spk, span.qa-cue")) {
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    el.dataset.probeBg = cs.backgroundColor;
    el.dataset.probeLine = cs.textDecorationLine;
    el.dataset.probeVisible = String(r.width > 0 && r.height > 0);
  }
  document.body.dataset.probed = "yes";
});
</script>"""


def _chromium() -> str | None:
    explicit = os.environ.get("QUOTEATTR_CHROMIUM")
    if explicit:
        return explicit
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    found = _chromium()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but no Chromium found: .ci/run must install Debian's chromium")
        pytest.skip("no Chromium installed (apt-get install chromium)")
    return found


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    cmd = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        f"--user-data-dir={profile}",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict[str, object]] = []
        self.elements: list[dict[str, object]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el: dict[str, object] = {"tag": tag, "attrs": dict(attrs), "text": []}
        self.elements.append(el)
        if tag not in ("meta", "br", "rect", "link"):
            self.open.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i]["tag"] == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self.open:
            el["text"].append(data)  # type: ignore[union-attr]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_seed_page_in_chromium(chromium: str, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    page = render_html(text, extract_quotes(text), title="seeds/ebrard_pompeo.txt")
    ARTIFACTS.mkdir(exist_ok=True)
    html_path = ARTIFACTS / "seed_page.html"
    html_path.write_text(page, encoding="utf-8")
    probe_path = tmp_path / "probe.html"
    probe_path.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")

    # The DOM as Chromium built it.
    dumped = _run(chromium, tmp_path / "profile-dom", "--dump-dom", probe_path.as_uri())
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = _Dom()
    dom.feed(dumped.stdout)
    body = next(e for e in dom.elements if e["tag"] == "body")
    assert body["attrs"].get("data-probed") == "yes", "the page did not load"  # type: ignore[attr-defined]

    marks = [e for e in dom.elements if e["tag"] == "mark"]
    gold = json.loads(EXPECTED.read_text(encoding="utf-8"))["direct_and_mixed_quotes"]
    assert len(gold) == 5
    for g in gold:
        pieces = [
            m
            for m in marks
            if m["attrs"].get("data-start") == str(g["start"])  # type: ignore[attr-defined]
            and m["attrs"].get("data-end") == str(g["end"])  # type: ignore[attr-defined]
        ]
        assert pieces, f"quotation {g['text'][:40]!r} is not highlighted"
        shown = "".join("".join(m["text"]) for m in pieces)  # type: ignore[arg-type]
        assert shown == g["text"]
        for m in pieces:
            a = m["attrs"]
            assert a["data-entity"] == g["speaker"]["entity"], a  # type: ignore[index]
            assert a["data-kind"] == g["kind"], a  # type: ignore[index]
            # Chromium drew it, with a background colour (not transparent).
            assert a["data-probe-visible"] == "true", a  # type: ignore[index]
            assert a["data-probe-bg"] not in ("", "rgba(0, 0, 0, 0)"), a  # type: ignore[index]
    # Quotes of one speaker share a colour; different speakers differ.
    colour: dict[str, set[str]] = {}
    for m in marks:
        a = m["attrs"]
        colour.setdefault(a["data-entity"], set()).add(a["data-probe-bg"])  # type: ignore[index]
    assert all(len(c) == 1 for c in colour.values()), colour
    assert len({next(iter(c)) for c in colour.values()}) == len(colour), colour
    # Speaker mentions are underlined; each seed speaker's mention is there.
    speakers = [e for e in dom.elements if e["attrs"].get("data-role") == "speaker"]  # type: ignore[attr-defined]
    for s in speakers:
        assert "underline" in s["attrs"]["data-probe-line"]  # type: ignore[index]
    shown_speakers = {"".join(s["text"]) for s in speakers}  # type: ignore[arg-type]
    assert {g["speaker"]["text"] for g in gold} <= shown_speakers
    # The legend's chart and counts.
    bars = {
        e["attrs"]["data-speaker"]: e["attrs"]["data-count"]  # type: ignore[index]
        for e in dom.elements
        if e["tag"] == "g"
    }
    assert bars == {"Mike Pompeo": "3", "Marcelo Ebrard": "1", "U.S. authorities": "1"}

    # A screenshot for people (and a check that Chromium wrote a real image).
    shot = ARTIFACTS / "seed_page.png"
    shot.unlink(missing_ok=True)
    done = _run(
        chromium,
        tmp_path / "profile-shot",
        f"--screenshot={shot}",
        "--window-size=1280,1500",
        "--hide-scrollbars",
        html_path.as_uri(),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000
    assert _png_size(shot) == (1280, 1500)
