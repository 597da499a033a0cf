"""The pipeline, in the order the stages run: the one place that order is written down.

read (readers/) -> layout -> sections (-> sentences) -> facts -> match -> align -> classify -> arrange
"""

import os
from dataclasses import replace
from pathlib import Path

from tipdiff.align import align_sentences
from tipdiff.arrange import arrange
from tipdiff.classify import classify
from tipdiff.errors import BadArgument, EmptyReport, NoSentences, TooLarge, UnknownFormat
from tipdiff.facts import read_facts
from tipdiff.facts.pairing import Known
from tipdiff.layout import split_blocks
from tipdiff.match import match_sections
from tipdiff.model import BlockKind, Comparison, Report
from tipdiff.profiles import GENERIC, Profile
from tipdiff.profiles.tip import TIP
from tipdiff.readers import extract
from tipdiff.readers.text import FORMATS, Format, clean, decode, detect_format, shown
from tipdiff.sections import split_sections
from tipdiff.similarity import Wording


def load_report(
    path: str | Path, format: str | None = None, profile: Profile = TIP, country: str | None = None
) -> Report:
    """Read a report file as it was published (text, Markdown, wiki, PDF, a saved web page).

    `format` is the markup of a text report (plain, markdown or wiki), None to detect it;
    `country` cuts that country's narrative out of a report that holds many.
    """
    if format is not None and format not in FORMATS:
        raise UnknownFormat(f"{format!r} is not an input format; use one of {', '.join(FORMATS)}")
    extracted = extract(path, profile, country, format)
    return replace(parse_report(extracted.text, shown(path), extracted.format, profile), source=extracted.kind)


def parse_report(text: str | bytes, name: str = "<text>", format: str | None = None, profile: Profile = TIP) -> Report:
    """A report from text already in memory (bytes are decoded as UTF-8)."""
    if not isinstance(text, str | bytes):
        raise BadArgument(f"a report's text is str or bytes, not {type(text).__name__}")
    text = decode(text, name) if isinstance(text, bytes) else clean(text)
    if not text.strip():
        raise EmptyReport(f"{name}: is empty")
    if len(text) > MAX_TEXT:
        raise TooLarge(
            f"{name}: {len(text) / 2**20:.0f} MB of text is more than the {MAX_TEXT // 2**20} MB a report tipdiff"
            " compares (about a minute on two cores); compare its parts, or one country (--country)"
        )
    if format is not None and format not in FORMATS:
        raise UnknownFormat(f"{format!r} is not an input format; use one of {', '.join(FORMATS)}")
    chosen: Format = format or detect_format(text, name)  # type: ignore[assignment]
    blocks = split_blocks(text, chosen)
    headings = tuple(block for block in blocks if block.kind is BlockKind.HEADING)
    report = Report(name, chosen, split_sections(blocks, profile), headings)
    if not report.sections:
        raise NoSentences(f"{name}: holds no sentences to compare")
    return read_facts(report, profile)


MAX_TEXT = 5 * 2**20
"""Most characters of text in one report: a pair this large takes about a minute on two cores
(README, Speed), as much as a year of TIP narratives (one country is about 35 KB)."""

PROFILES = {"tip": TIP, "generic": GENERIC}
"""The report families by name."""

ReportLike = Report | str | bytes | os.PathLike[str]
"""What `compare` takes for each edition: a parsed report, a path, or the report's text."""

_REPORT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".wiki", ".mediawiki", ".pdf", ".html", ".htm", ".xhtml")


def compare(old: ReportLike, new: ReportLike, profile: Profile | str = TIP, country: str | None = None) -> Comparison:
    """Align two editions sentence by sentence and classify every sentence of both.

    Each edition is a `Report`, a path (a `Path`, or a one-line string naming a file or ending
    in a report's suffix such as ".txt" or ".pdf"), or the report's text (`str` or `bytes`);
    `profile` (a profile, or its name: "tip", "generic") and `country` are used for those that
    must still be read.
    """
    profile = profile_named(profile)
    return _compared(as_report(old, profile, country, "old text"), as_report(new, profile, country, "new text"))


def as_report(edition: ReportLike, profile: Profile = TIP, country: str | None = None, name: str = "<text>") -> Report:
    """A report from whatever names or holds it (see `compare`); `name` names text given as such."""
    if isinstance(edition, Report):
        return edition
    if isinstance(edition, os.PathLike) or (isinstance(edition, str) and _names_a_file(edition)):
        return load_report(edition, None, profile, country)
    if isinstance(edition, str | bytes):
        return parse_report(edition, name, profile=profile)
    raise BadArgument(f"a report is a Report, a path or the report's text, not {type(edition).__name__}")


def _names_a_file(text: str) -> bool:
    """Whether a string is a file name rather than a report's text: one short line that names a
    file or folder, ends in a report's suffix, or has no space (no report is one word), so that a
    mistyped name says "no such file" rather than being compared as text."""
    if "\n" in text or "\0" in text or len(text) > 1024 or not text.strip():
        return False
    try:
        return Path(text).suffix.lower() in _REPORT_SUFFIXES or not text.split(maxsplit=1)[1:] or Path(text).exists()
    except OSError:
        return False


def profile_named(profile: Profile | str) -> Profile:
    """A profile, given as one or by its name."""
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, str) and profile in PROFILES:
        return PROFILES[profile]
    raise BadArgument(
        f"a profile is tipdiff.TIP, tipdiff.GENERIC or one of their names ({', '.join(PROFILES)}), not {profile!r}"
    )


def _compared(old: Report, new: Report) -> Comparison:
    wording = Wording.of(old, new)
    pairs = match_sections(old, new, wording)
    links = align_sentences(old, new, pairs, wording)
    old_sentences, new_sentences = old.sentences, new.sentences
    known = Known.of(old, new)
    changes = tuple(classify(link, old_sentences, new_sentences, known) for link in links)
    return arrange(old, new, pairs, links, changes)
