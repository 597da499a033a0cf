"""Hostile and odd input through the real command line.

Every input must give a sensible comparison (exit 0; in JSON every sentence of both reports
in exactly one change) or one line on stderr starting "Error: " and exit 2. Never a
traceback, never a hang, never a lost sentence. Each case is compared against a normal
report, once as the old and once as the new edition.
"""

import gzip
import json
import random
import signal
import struct
import time
import traceback
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

import tipdiff
from tipdiff.cli import main
from tipdiff.pipeline import MAX_TEXT

pytestmark = pytest.mark.slow  # each case runs the whole command line twice; about a minute and a half in all

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "mexico" / "2022.txt"
HANG_SECONDS = 60
"""A run that takes longer than this is a hang."""

WORDS = (
    "the government increased law enforcement efforts to identify victims of trafficking and prosecuted"
    " convicted traffickers shelters services labor inspectors officials reported authorities federal state"
).split()


class Hang(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` in tipdiff swallows it."""


@dataclass
class Run:
    args: list[str]
    code: int
    out: str
    err: str
    seconds: float


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path, limit: float = HANG_SECONDS) -> Run:
    """`tipdiff ARGS` in process: a crash or a hang fails the test with what a user would see."""
    argv = [str(arg) for arg in args]

    def stop(signum, frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    start = time.perf_counter()
    try:
        code = main(argv)
    except Hang:
        capsys.readouterr()
        pytest.fail(f"hang: `tipdiff {' '.join(argv)}` still running after {limit:.0f} s", pytrace=False)
    except Exception as error:  # noqa: BLE001 -- any exception is what a user sees as a traceback, exit 1
        capsys.readouterr()
        tail = "".join(traceback.format_exception(error)[-4:])
        pytest.fail(f"crash: `tipdiff {' '.join(argv)}`\n{tail}", pytrace=False)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - start
    out, err = capsys.readouterr()
    return Run(argv, code, out, err, seconds)


@cache
def sentences_of(path: str, input_format: str | None) -> Counter:
    """(text, line) of every sentence of a report, as the library reads it."""
    return Counter((s.text, s.line) for s in tipdiff.load_report(path, input_format).sentences)


def check_run(run: Run, old: Path, new: Path, hostile: Path, fmt: str, input_format: str | None) -> None:
    """A comparison with every sentence in exactly one change, or one clear error line."""
    assert "Traceback" not in run.out + run.err, run.err
    assert run.code in (0, 2), f"exit {run.code} from `tipdiff {' '.join(run.args)}`: {run.err!r}"
    if run.code == 2:
        assert run.out == ""
        assert run.err.startswith("Error: "), run.err
        assert run.err.endswith("\n") and run.err.count("\n") == 1, f"error is not one line: {run.err!r}"
        assert str(hostile) in run.err, f"the error does not name the file: {run.err!r}"
        return
    assert run.err == "" or (run.err.startswith("The reports are identical") and run.err.count("\n") == 1), run.err
    assert run.out.strip(), "exit 0 but nothing written"
    if fmt != "json":
        return
    data = json.loads(run.out)
    changes = [change for section in data["sections"] for change in section["changes"]]
    for side, path in (("old", old), ("new", new)):
        expected = sentences_of(str(path), input_format)
        got = Counter((s["text"], s["line"]) for change in changes for s in change[side])
        lost, doubled = expected - got, got - expected
        assert not lost and not doubled, (
            f"{side} report {path.name}: {sum(lost.values())} sentences lost {list(lost)[:3]},"
            f" {sum(doubled.values())} extra or repeated {list(doubled)[:3]}"
        )
        assert data[side]["sentences"] == sum(expected.values())


def check(
    capsys: pytest.CaptureFixture[str],
    hostile: Path,
    side: str,
    *,
    formats: tuple[str, ...] = ("json", "text"),
    input_format: str | None = None,
    other: Path = EXAMPLE,
    limit: float = HANG_SECONDS,
) -> list[Run]:
    """Compare `hostile` against `other`, `hostile` being the `side` ("old" or "new") report."""
    old, new = (hostile, other) if side == "old" else (other, hostile)
    extra = ["--input-format", input_format] if input_format else []
    runs = []
    for fmt in formats:
        run = run_cli(capsys, "compare", old, new, "-f", fmt, *extra, limit=limit)
        check_run(run, old, new, hostile, fmt, input_format)
        runs.append(run)
    return runs


def show(capsys: pytest.CaptureFixture[str], message: str) -> None:
    """A line that `pytest -s` (and plain pytest) shows, past capsys."""
    with capsys.disabled():
        print(f"\n    {message}", end="")


def json_changes(run: Run) -> list[dict]:
    return [change for section in json.loads(run.out)["sections"] for change in section["changes"]]


@pytest.fixture(params=["old", "new"])
def side(request: pytest.FixtureRequest) -> str:
    """Which edition the hostile file is: the old one, or the new one."""
    return request.param


def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


# --- Unicode text -------------------------------------------------------------------------

SCRIPTS = {
    "latin": [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xFF)],
    "greek": [(0x391, 0x3C9)],
    "cyrillic": [(0x410, 0x44F)],
    "hebrew": [(0x5D0, 0x5EA)],
    "arabic": [(0x627, 0x64A)],
    "devanagari": [(0x905, 0x939), (0x93E, 0x94D)],
    "thai": [(0xE01, 0xE30)],
    "cjk": [(0x4E00, 0x9FFF)],
    "hangul": [(0xAC00, 0xD7A3)],
    "emoji": [(0x1F600, 0x1F64F)],
    "combining": [(0x61, 0x7A), (0x300, 0x36F)],
}


def any_code_point(rng: random.Random) -> str:
    """Any code point a UTF-8 file can hold: unassigned, private use and controls included."""
    while True:
        point = rng.randrange(0x20, 0x110000)
        if not 0xD800 <= point <= 0xDFFF:
            return chr(point)


def random_unicode(seed: int, anything: bool) -> str:
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(40):
        sentences = []
        for _ in range(rng.randint(1, 6)):
            words = []
            for _ in range(rng.randint(2, 14)):
                if anything:
                    words.append("".join(any_code_point(rng) for _ in range(rng.randint(1, 8))))
                else:
                    ranges = SCRIPTS[rng.choice(sorted(SCRIPTS))]
                    words.append("".join(chr(rng.randint(*rng.choice(ranges))) for _ in range(rng.randint(1, 8))))
            sentences.append(" ".join(words) + ".")
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("anything", [False, True], ids=["scripts", "any-code-point"])
def test_random_unicode(capsys, tmp_path: Path, side: str, seed: int, anything: bool) -> None:
    path = tmp_path / "unicode.txt"
    path.write_text(random_unicode(seed, anything), encoding="utf-8")
    check(capsys, path, side)


RTL = """\
المكسيك (المستوى 2)

لا تفي حكومة المكسيك بالكامل بالحد الأدنى من المعايير للقضاء على الاتجار بالبشر. لكنها تبذل جهودًا كبيرة للقيام بذلك. حددت الحكومة 440 ضحية في عام 2022؟ نعم.

הממשלה הגבירה את מאמצי האכיפה. היא זיהתה 744 קורבנות בשנת 2021. \u200fהמשטרה עצרה 12 חשודים.\u200f

\u202bמשפט עם סימני כיווון\u202c. \u202eThe government of Mexico\u202c increased efforts. قالت الحكومة: "Mexico remained on Tier 2."
"""

CJK = """\
墨西哥（第二级）

墨西哥政府没有完全达到消除人口贩运的最低标准，但正在为此做出重大努力。政府调查了三十五起案件。法院判处了七十五名贩运者。

保护

政府保持了保护工作。政府确认了744名受害者！这是真的吗？是的。日本語の文です。한국어 문장입니다.
"""


@pytest.mark.parametrize(("name", "text"), [("rtl.txt", RTL), ("cjk.txt", CJK)], ids=["rtl-arabic-hebrew", "cjk"])
def test_right_to_left_and_cjk(capsys, tmp_path: Path, side: str, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    runs = check(capsys, path, side)
    assert runs[0].code == 0, runs[0].err  # real sentences: there is something to compare
    show(capsys, f"{name} as the {side} report: {len(tipdiff.load_report(path).sentences)} sentences")


# --- Control characters and line endings -------------------------------------------------

C0 = [chr(c) for c in [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]]
UNICODE_ODDITIES = ["\x85", "\u2028", "\u2029", "\u200b", "\u200e", "\u202e", "\ufeff", "\x9b", "\u00ad", "\ufffd"]


def sprinkle(text: str, pool: list[str], count: int, seed: int) -> str:
    rng = random.Random(seed)
    chars = list(text)
    for _ in range(count):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(pool))
    return "".join(chars)


@pytest.mark.parametrize(
    ("pool", "count"),
    [(C0, 40), (C0, 2000), (["\x00"], 1), (UNICODE_ODDITIES, 200), (["\x1b[2J\x1b[31m"], 20)],
    ids=["few-c0", "many-c0", "one-nul", "unicode-separators-and-format", "ansi-escapes"],
)
def test_control_characters_in_normal_text(capsys, tmp_path: Path, side: str, pool: list[str], count: int) -> None:
    path = tmp_path / "controls.txt"
    text = sprinkle(example_text(), pool, count, seed=count)
    path.write_text(text, encoding="utf-8")
    runs = check(capsys, path, side)
    if runs[0].code == 0:
        lines = text.split("\n")
        for change in json_changes(runs[0]):
            for sentence in change[side]:
                first = sentence["text"].split()[0]
                assert first in lines[sentence["line"] - 1], f"line {sentence['line']} is not where {first!r} is"


def mixed_line_endings(text: str) -> str:
    """CRLF, CR and LF in turn; never a CR before an empty line, which would make one CRLF of two endings."""
    lines = text.split("\n")
    endings = ["\r\n", "\r", "\n"]
    ending = [endings[n % 3] for n in range(len(lines))]
    ending = ["\n" if e == "\r" and lines[n + 1 : n + 2] == [""] else e for n, e in enumerate(ending)]
    mixed = "".join(line + e for line, e in zip(lines, ending, strict=True))
    assert mixed.count("\r\n") and mixed.replace("\r\n", "").count("\r") and mixed.replace("\r\n", "").count("\n")
    return mixed


def test_mixed_line_endings(capsys, tmp_path: Path, side: str) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(mixed_line_endings(example_text()).encode("utf-8"))
    runs = check(capsys, path, side)
    assert runs[0].code == 0
    assert all(change["kind"] == "unchanged" for change in json_changes(runs[0]))
    assert sentences_of(str(path), None) == sentences_of(str(EXAMPLE), None)


# --- Size: one huge line, many tiny lines ------------------------------------------------


@pytest.fixture(scope="module")
def four_megabyte_line(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """One line of 4 MB of words (near the size limit) and no full stop, and its words; one
    file for both directions."""
    words = random.Random(5).choices(WORDS, k=4 * 2**20 // 8)
    path = tmp_path_factory.mktemp("big") / "one-line.txt"
    path.write_text(" ".join(words), encoding="utf-8")
    assert 4 * 10**6 <= path.stat().st_size <= MAX_TEXT
    return path, words


def test_four_megabyte_line_without_full_stop(capsys, four_megabyte_line: tuple[Path, list[str]], side: str) -> None:
    path, words = four_megabyte_line
    (run,) = check(capsys, path, side, formats=("json",))
    show(capsys, f"4 MB line as the {side} report: {run.seconds:.2f} s (exit {run.code})")
    assert run.code == 0
    kept = Counter(word for text, _ in sentences_of(str(path), None).elements() for word in text.split())
    assert kept == Counter(words)  # no word lost when the line is cut into units


@pytest.fixture(scope="module")
def tiny_lines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """50,000 lines of "a." and of "x"; one file each for both directions."""
    folder = tmp_path_factory.mktemp("tiny")
    paths = {}
    for line in ("a.\n", "x\n"):
        paths[line] = folder / f"{line.strip()}-lines.txt"
        paths[line].write_text(line * 50_000, encoding="utf-8")
    return paths


@pytest.mark.parametrize(
    ("line", "side", "limit"),
    [
        ("x\n", "old", HANG_SECONDS),
        ("x\n", "new", HANG_SECONDS),
        ("a.\n", "old", HANG_SECONDS),
        ("a.\n", "new", HANG_SECONDS),
    ],
    ids=["x-old", "x-new", "a-dot-old", "a-dot-new"],
)
def test_fifty_thousand_tiny_lines(capsys, tiny_lines: dict[str, Path], line: str, side: str, limit: float) -> None:
    path = tiny_lines[line]
    (run,) = check(capsys, path, side, formats=("json",), limit=limit)
    show(capsys, f"50,000 lines of {line.strip()!r} as the {side} report: {run.seconds:.2f} s (exit {run.code})")
    assert run.code == 0
    kept = sum(len(text.split()) for text, _ in sentences_of(str(path), None).elements())
    assert kept == 50_000


# --- Files with little or no prose -------------------------------------------------------


def only_numbers(full_stops: bool) -> str:
    rng = random.Random(7)
    numbers = ["42", "3.14", "1,864", "-7", "2022", "0.5%", "$1,000", "1e6", "12/31/2022", "10-15", "½", "٣٤"]
    end = "." if full_stops else ""
    return "\n".join(" ".join(rng.choices(numbers, k=rng.randint(1, 9))) + end for _ in range(200)) + "\n"


HEADINGS_ONLY = (
    "MEXICO (TIER 2)\n\nPRIORITIZED RECOMMENDATIONS:\n\nPROSECUTION\nPROTECTION\n\nPREVENTION\nTRAFFICKING PROFILE\n"
)


@pytest.mark.parametrize(
    "text",
    [
        only_numbers(full_stops=False),
        only_numbers(full_stops=True),
        HEADINGS_ONLY,
        " ".join(w.upper() for w in WORDS) + "\n",
        "PROSECUTION\n",
        example_text() + "\n\nPREVENTION\n",
        "PROSECUTION\n\nPROTECTION\nThe government maintained protection efforts.\n\nPREVENTION:\n",
        "# Prosecution\n\n## Protection\n\n## Prevention\n",
    ],
    ids=[
        "numbers",
        "numbers-with-full-stops",
        "headings-only",
        "one-caps-line",
        "one-heading",
        "heading-with-no-body-at-end",
        "headings-with-no-body-between",
        "markdown-headings-only",
    ],
)
def test_numbers_and_headings(capsys, tmp_path: Path, side: str, text: str) -> None:
    path = tmp_path / "sparse.txt"
    path.write_text(text, encoding="utf-8")
    check(capsys, path, side)


# --- The same sentence a thousand times --------------------------------------------------

SENTENCE = "The government increased efforts to protect victims of trafficking."


@pytest.fixture
def repeated(tmp_path: Path) -> Path:
    path = tmp_path / "repeated.txt"
    path.write_text((SENTENCE + "\n") * 1000, encoding="utf-8")
    return path


def test_same_sentence_a_thousand_times_against_itself(capsys, repeated: Path) -> None:
    (run,) = check(capsys, repeated, "old", formats=("json",), other=repeated, limit=HANG_SECONDS)
    assert run.code == 0
    assert run.err.startswith("The reports are identical")
    assert Counter(change["kind"] for change in json_changes(run)) == {"unchanged": 1000}


def test_same_sentence_a_thousand_times_plus_one(capsys, repeated: Path, tmp_path: Path) -> None:
    plus_one = tmp_path / "plus-one.txt"
    plus_one.write_text(repeated.read_text() + "It also opened two new shelters.\n", encoding="utf-8")
    (run,) = check(capsys, repeated, "old", formats=("json",), other=plus_one, limit=HANG_SECONDS)
    assert run.code == 0
    kinds = Counter(change["kind"] for change in json_changes(run))
    assert kinds == {"unchanged": 1000, "added": 1}
    (added,) = [change for change in json_changes(run) if change["kind"] == "added"]
    assert [s["text"] for s in added["new"]] == ["It also opened two new shelters."]


def test_same_sentence_a_thousand_times_against_a_report(capsys, repeated: Path, side: str) -> None:
    check(capsys, repeated, side)


# --- Files that are not UTF-8 text -------------------------------------------------------


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def random_bytes(nul: bool) -> bytes:
    data = random.Random(11).randbytes(65_536)
    return data if nul else data.replace(b"\x00", b"\x01")


@pytest.mark.parametrize(
    "data",
    [
        random_bytes(nul=True),
        random_bytes(nul=False),
        png(),
        b"\x89PNG\r\n\x1a\n",
        gzip.compress(EXAMPLE.read_bytes(), mtime=0),
        b"",
        b"   \t \n\n  \r\n \t\n",
        "\u00a0\u3000\u2003\n\u200b\n".encode(),
        example_text().encode("cp1252", errors="replace") + "Café – “quoted” costs €5.\n".encode("cp1252"),
        example_text().encode("utf-16"),
        example_text().encode("utf-16-le"),
        example_text().encode("utf-16-be"),
        CJK.encode("utf-16-le"),
    ],
    ids=[
        "random-bytes",
        "random-bytes-no-nul",
        "png",
        "png-signature-only",
        "gzip",
        "empty",
        "whitespace-only",
        "unicode-whitespace-only",
        "windows-1252",
        "utf-16-with-bom",
        "utf-16-le-no-bom",
        "utf-16-be-no-bom",
        "utf-16-le-cjk-no-bom",
    ],
)
def test_not_utf8_text_is_refused(capsys, tmp_path: Path, side: str, data: bytes) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    runs = check(capsys, path, side)
    assert all(run.code == 2 for run in runs), runs[0].out[:200]  # the README: all refused


def test_utf8_byte_order_mark(capsys, tmp_path: Path, side: str) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    runs = check(capsys, path, side)
    assert runs[0].code == 0 and runs[0].err.startswith("The reports are identical")
    assert not any("\ufeff" in s for s, _ in sentences_of(str(path), None))


# --- Markup: HTML in Markdown, broken wiki -----------------------------------------------


def all_text(path: Path, input_format: str | None = None) -> str:
    """Every sentence of a report, one string with single spaces."""
    return " ".join(" ".join(text.split()) for text, _ in sentences_of(str(path), input_format).elements())


MARKDOWN = """\
# Mexico (Tier 2)

<script>alert("tipdiff-xss")</script>

The Government of Mexico does not fully meet the minimum standards. <b>It made</b> <img src=x onerror=alert(1)> efforts.

<div class="x">
A block of HTML with a sentence inside. <script>document.write("owned")</script> Another one.
</div>

## Prosecution

The government increased law enforcement efforts <script>evil()</script> in 2022.
<!-- an unclosed comment
- A bullet with <a href="javascript:alert(1)">a link</a>.
- <style>body { display: none }</style> Styled away.

<iframe src="https://example.com"></iframe>
"""
MARKDOWN_PROSE = ["minimum standards.", "efforts.", "a sentence inside.", "Another one.", "in 2022.", "Styled away."]


@pytest.mark.parametrize("name", ["hostile.md", "hostile.txt"])
def test_markdown_with_html_and_script_tags(capsys, tmp_path: Path, side: str, name: str) -> None:
    path = tmp_path / name
    path.write_text(MARKDOWN, encoding="utf-8")
    runs = check(capsys, path, side, formats=("json", "text", "html"))
    assert runs[0].code == 0, runs[0].err
    assert all(prose in all_text(path) for prose in MARKDOWN_PROSE)
    html = runs[2].out
    assert "&lt;script&gt;alert(" in html  # the report's script tag is on the page, as text
    for raw in ('<script>alert("tipdiff-xss")', "<img src=x", "<script>evil()", '<iframe src="https'):
        assert raw not in html, f"report text {raw!r} reached the page unescaped"


@pytest.mark.parametrize(
    "break_",
    ["```\n", "~~~\n", "    "],
    ids=["unclosed-backtick-fence", "unclosed-tilde-fence", "indented-paragraph"],
)
def test_markdown_prose_after_a_stray_code_marker_is_kept(capsys, tmp_path: Path, side: str, break_: str) -> None:
    path = tmp_path / "fence.md"
    path.write_text(
        "# Mexico (Tier 2)\n\nThe government made efforts.\n\n"
        f"{break_}The government increased law enforcement efforts. It convicted 75 traffickers.\n\n"
        "## Protection\n\nThe government maintained protection efforts.\n",
        encoding="utf-8",
    )
    check(capsys, path, side)
    for prose in ("law enforcement efforts.", "75 traffickers.", "maintained protection efforts."):
        assert prose in all_text(path), f"{prose!r} is in the file but in no sentence"


WIKI = """\
==Mexico (Tier 2)==
The Government of Mexico does not fully meet the minimum standards [[Human trafficking|for the elimination. It makes efforts.[tpl]cite web|url=http://example.com|title=Unclosed
{{Infobox country | name = Mexico | tier = 2
==Prosecution==
The government increased law enforcement efforts.[tpl]cite news|title=Also unclosed
Another sentence about [[Mexico City and victims. More text [[ [[ [[ here. ]] ]] Closing brackets without opening.
[tpl][tpl][tpl] [/tpl] <ref>an unclosed reference. Still going.
==Protection
The government maintained protection efforts [[.
[[
"""
WIKI_PROSE = ["It makes efforts.", "enforcement efforts.", "Mexico City and victims.", "here.", "Still going."]


@pytest.mark.parametrize(
    ("name", "input_format"), [("hostile.wiki", None), ("hostile.txt", None), ("hostile.txt", "wiki")]
)
def test_wiki_with_unclosed_links_and_templates(
    capsys, tmp_path: Path, side: str, name: str, input_format: str | None
) -> None:
    path = tmp_path / name
    path.write_text(WIKI, encoding="utf-8")
    runs = check(capsys, path, side, input_format=input_format)
    assert runs[0].code == 0, runs[0].err
    missing = [prose for prose in [*WIKI_PROSE, "maintained protection efforts"] if prose not in all_text(path)]
    assert not missing, f"in the file but in no sentence: {missing}"
