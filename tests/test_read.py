"""Reading files: encodings and line endings users have, and files that are no report."""

from pathlib import Path

import pytest

import tipdiff
from tipdiff.errors import EmptyReport, NotText, NotUtf8
from tipdiff.model import Report
from tipdiff.readers.text import decode, detect_format

TWO_SENTENCES = "PROTECTION\nThe government maintained protection efforts. It identified 440 victims.\n"


def sentence_texts(report: Report) -> list[str]:
    return [s.text for s in report.sentences]


def test_byte_order_mark_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TWO_SENTENCES.encode())
    report = tipdiff.load_report(path)
    assert report.sections[0].title == "PROTECTION"
    assert report == tipdiff.parse_report(TWO_SENTENCES, str(path))


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_read_like_newlines(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(TWO_SENTENCES.replace("\n", newline).encode())
    report = tipdiff.load_report(path)
    assert report == tipdiff.parse_report(TWO_SENTENCES, str(path))
    assert not any("\r" in s.text for s in report.sentences)


def test_decode_folds_line_endings() -> None:
    assert decode(b"\xef\xbb\xbfA b.\r\nC d.\rE f.\n", "x") == "A b.\nC d.\nE f.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_rejected_with_advice(encoding: str) -> None:
    data = TWO_SENTENCES.encode(encoding)
    if encoding != "utf-16":  # the plain codec writes a byte-order mark, these do not
        data = ("\ufeff" + TWO_SENTENCES).encode(encoding)
    with pytest.raises(NotUtf8, match="UTF-16") as error:
        tipdiff.parse_report(data, "u16.txt")
    assert str(error.value).startswith("u16.txt: ")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_byte_order_mark_is_named_utf16(encoding: str) -> None:
    with pytest.raises(NotUtf8, match="UTF-16"):
        tipdiff.parse_report(TWO_SENTENCES.encode(encoding), "u16.txt")


def test_latin1_is_rejected() -> None:
    with pytest.raises(NotUtf8, match=r"^latin\.txt: is not UTF-8"):
        tipdiff.parse_report("Se identificó a 440 víctimas.\n".encode("latin-1"), "latin.txt")


def test_binary_is_rejected() -> None:
    with pytest.raises(NotText, match="binary"):
        tipdiff.parse_report(b"PK\x03\x04\x00\x00some zip data\x00\x01", "archive.zip")


@pytest.mark.parametrize("data", [b"", b"   \n\t\n", b"\xef\xbb\xbf\n"], ids=["empty", "whitespace", "bom-only"])
def test_empty_is_rejected(data: bytes) -> None:
    with pytest.raises(EmptyReport):
        tipdiff.parse_report(data, "empty.txt")


def test_library_errors_are_tipdiff_errors(tmp_path: Path) -> None:
    with pytest.raises(tipdiff.TipdiffError):
        tipdiff.load_report(tmp_path / "missing.txt")
    with pytest.raises(tipdiff.TipdiffError):
        tipdiff.load_report(tmp_path)


def test_example_formats(all_reports: dict[str, Report]) -> None:
    formats = {name: report.format for name, report in all_reports.items()}
    assert formats == {
        "2010-wikipedia": "wiki",
        "2018-web-scrape": "plain",
        "2021-protection-excerpt": "plain",
        "2022": "plain",
        "2023": "plain",
    }


def test_markdown_detected_by_heading() -> None:
    assert detect_format("# Mexico\n\n## Protection\n\nThe government maintained efforts.\n") == "markdown"


def test_markdown_detected_by_name() -> None:
    text = "The government maintained protection efforts.\n"
    assert detect_format(text, "notes.txt") == "plain"
    assert detect_format(text, "notes.md") == "markdown"
    assert tipdiff.parse_report(text, "notes.md").format == "markdown"


def test_bullets_and_emphasis_alone_are_plain() -> None:
    assert detect_format("PROTECTION\n- Fund *the* shelters.\n") == "plain"


def test_format_can_be_forced() -> None:
    report = tipdiff.parse_report("# Not a heading in plain text.\n", "x.md", format="plain")
    assert report.format == "plain"
    with pytest.raises(tipdiff.TipdiffError, match="not an input format"):
        tipdiff.parse_report("Text.\n", "x.txt", format="html")
