"""The pipeline, in the order the stages run: the one place that order is written down.

read (readers/) -> [fit: which profile] -> layout -> sections (-> sentences) -> facts -> match
  -> fields -> align -> classify -> arrange
"""

import importlib
import os
import warnings
from collections.abc import Sequence
from dataclasses import replace
from itertools import combinations
from pathlib import Path

from tipdiff.align import align_sentences
from tipdiff.arrange import arrange
from tipdiff.classify import classify
from tipdiff.edition import countries_differ, read_edition
from tipdiff.errors import (
    BadArgument,
    CountriesDiffer,
    EmptyReport,
    NoSentences,
    ProfileMisfit,
    TooLarge,
    UnknownFormat,
)
from tipdiff.facts import read_facts
from tipdiff.facts.pairing import Known
from tipdiff.fieldlayout import looks_like_fields
from tipdiff.fields import link_fields
from tipdiff.fit import fit
from tipdiff.layout import split_blocks
from tipdiff.match import match_sections
from tipdiff.model import BlockKind, Comparison, Report
from tipdiff.profiles import GENERIC, Profile
from tipdiff.profiles.almanac import ALMANAC
from tipdiff.profiles.tip import TIP
from tipdiff.readers import extract
from tipdiff.readers.text import FORMATS, Format, clean, decode, detect_format, shown
from tipdiff.sections import split_sections
from tipdiff.similarity import Wording

AUTO = "auto"
"""The profile's name that asks for it to be chosen by the text."""

PROFILES = {"tip": TIP, "almanac": ALMANAC, "generic": GENERIC}
"""The report families by name; a profile of one's own is named by where it is,
"package.module:NAME" (`profile_named`)."""


def load_report(
    path: str | Path, format: str | None = None, profile: Profile | str = TIP, country: str | None = None
) -> Report:
    """Read a report file as it was published (text, Markdown, wiki, PDF, a saved web page).

    `format` is the markup of a text report (plain, markdown or wiki), None to detect it;
    `profile` a profile, its name, or "auto" to choose it by the text; `country` cuts that
    country's narrative out of a report that holds many.
    """
    (report,), _ = load_reports([path], format, profile, country, warn=False)
    return report


def load_reports(
    paths: Sequence[str | Path],
    format: str | None = None,
    profile: Profile | str = AUTO,
    country: str | None = None,
    warn: bool = True,
) -> tuple[tuple[Report, ...], Profile]:
    """Editions of one report, all read with one profile: the one given or named, or with
    "auto" the one their texts fit (`tipdiff.fit`); and that profile. A profile given that a
    text does not fit is warned of (`ProfileMisfit`) when `warn` is set."""
    if format is not None and format not in FORMATS:
        raise UnknownFormat(f"{format!r} is not an input format; use one of {', '.join(FORMATS)}")
    extracted = [(extract(path, reading_profile(profile), country, format), shown(path)) for path in paths]
    texts = [(e.text, name, e.format) for e, name in extracted]
    reports, chosen = _read(texts, profile, warn)
    return tuple(replace(r, source=e.kind) for r, (e, _) in zip(reports, extracted, strict=True)), chosen


def parse_report(
    text: str | bytes, name: str = "<text>", format: str | None = None, profile: Profile | str = TIP
) -> Report:
    """A report from text already in memory (bytes are decoded as UTF-8); `profile` as for
    `load_report`."""
    (report,), _ = _read([(text, name, format)], profile, warn=False)
    return report


def _read(
    texts: Sequence[tuple[str | bytes, str, str | None]], profile: Profile | str, warn: bool
) -> tuple[tuple[Report, ...], Profile]:
    """Each text as a report, with the profile given or, for "auto", the first whose family
    one of the texts shows clearly in the layout all of them have (GENERIC when none)."""
    checked = [_checked(text, name, format) for text, name, format in texts]
    fields = [looks_like_fields(text.split("\n")) for text, _, _ in checked]
    if profile == AUTO:
        candidate, structures = _chosen(checked, fields, warn)
    else:
        candidate = profile_named(profile)
        structures = [_structure(*text, candidate, f) for text, f in zip(checked, fields, strict=True)]
        for structure, laid_out in zip(structures, fields, strict=True):
            if warn and not (found := fit(structure, candidate, laid_out)).fits:
                warnings.warn(_misfit(structure.name, candidate, found.missing), ProfileMisfit, stacklevel=3)
    reports = tuple(read_facts(s, candidate) for s in structures)
    if warn:
        _warn_if_countries_differ(reports, candidate)
    return reports, candidate


def _chosen(checked: list[tuple[str, str, Format]], fields: list[bool], warn: bool) -> tuple[Profile, list[Report]]:
    """The first profile whose family one of the texts shows clearly, in the layout all of them
    have, and the texts read with it; GENERIC, with a warning, when texts show different ones."""
    shown: dict[str, str] = {}  # a text's name -> the family it shows clearly, alone
    for candidate in (*(p for p in PROFILES.values() if isinstance(p, Profile) and p.evidence), GENERIC):
        structures = [_structure(*text, candidate, f) for text, f in zip(checked, fields, strict=True)]
        fits = [fit(s, candidate, f) for s, f in zip(structures, fields, strict=True)]
        if candidate is GENERIC or (all(f.layout for f in fits) and any(f.strong for f in fits)):
            break
        shown |= {s.name: candidate.reader_name for s, f in zip(structures, fits, strict=True) if f.strong}
    if warn and candidate is GENERIC and shown:
        families = ", ".join(f"{name}: {_article(family)} {family} report" for name, family in shown.items())
        warnings.warn(
            f"the reports are not of one family ({families}): they are compared as plain documents",
            ProfileMisfit,
            stacklevel=4,
        )
    return candidate, structures


def _misfit(name: str, profile: Profile, missing: str) -> str:
    """What a warning says of a report the profile named does not fit."""
    lag = profile.data_year_lag
    return (
        f"{name} does not look like {_article(profile.reader_name)} {profile.reader_name} report ({missing})"
        + (f": its figures are dated {lag} year{'s' * (lag != 1)} before its edition" if lag else "")
        + "; --profile auto chooses the profile by the text"
    )


def _warn_if_countries_differ(reports: Sequence[Report], profile: Profile) -> None:
    """Editions of one report are about one country; say so when those that name theirs do not."""
    editions = [read_edition(r, 0, profile) for r in reports]
    named = [(e.name, e.country) for e in editions if e.country]
    if any(countries_differ(a, b) for a, b in combinations(editions, 2)):
        warnings.warn(
            "the reports are about different countries ("
            + ", ".join(f"{name}: {country}" for name, country in named)
            + "): what differs between them is no change of either",
            CountriesDiffer,
            stacklevel=3,
        )


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeiou" else "a"


def _checked(text: str | bytes, name: str, format: str | None) -> tuple[str, str, Format]:
    """The text decoded and checked, and its markup."""
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
    return text, name, format or detect_format(text, name)  # type: ignore[return-value]


def _structure(text: str, name: str, format: Format, profile: Profile, laid_out: bool) -> Report:
    """The report's sections and sentences as the profile reads them (`laid_out`: the text is
    in fields); its facts not yet read."""
    fields = profile.layout == "fields" or (profile.layout == "auto" and laid_out)
    blocks = split_blocks(text, format, fields)
    headings = tuple(block for block in blocks if block.kind is BlockKind.HEADING)
    report = Report(name, format, split_sections(blocks, profile), headings)
    if not report.sections:
        raise NoSentences(f"{name}: holds no sentences to compare")
    return report


def reading_profile(profile: Profile | str) -> Profile:
    """The profile a file's text is extracted with: with "auto", one that knows every family's parts (a
    country's heading in a year's report), as the family is told by the text read."""
    if profile != AUTO:
        return profile_named(profile)
    return Profile(name=AUTO, sections=(), parts=tuple(p for known in PROFILES.values() for p in known.parts))


MAX_TEXT = 5 * 2**20
"""Most characters of text in one report: a pair this large takes about a minute on two cores
(README, Speed), as much as a year of TIP narratives (one country is about 35 KB)."""

ReportLike = Report | str | bytes | os.PathLike[str]
"""What `compare` takes for each edition: a parsed report, a path, or the report's text."""

_REPORT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".wiki", ".mediawiki", ".pdf", ".html", ".htm", ".xhtml")


def compare(old: ReportLike, new: ReportLike, profile: Profile | str = AUTO, country: str | None = None) -> Comparison:
    """Align two editions sentence by sentence and classify every sentence of both.

    Each edition is a `Report`, a path (a `Path`, or a one-line string naming a file or ending
    in a report's suffix such as ".txt" or ".pdf"), or the report's text (`str` or `bytes`);
    `profile` (a profile, its name: "tip", "almanac", "generic", "package.module:NAME", or
    "auto" to choose it by the texts) and `country` are used for those that must still be
    read. A profile named that a text does not fit is warned of (`ProfileMisfit`).
    """
    editions = [as_report(old, profile, country, "old text"), as_report(new, profile, country, "new text")]
    unread = [k for k, edition in enumerate(editions) if not isinstance(edition, Report)]
    if unread:
        extracted = [_extracted(editions[k], profile, country) for k in unread]  # type: ignore[arg-type]
        reports, chosen = _read([(text, name, format) for text, name, format, _ in extracted], profile, warn=True)
        for k, report, (_, _, _, source) in zip(unread, reports, extracted, strict=True):
            editions[k] = replace(report, source=source)
        return replace(_compared(*editions), profile=chosen)  # type: ignore[arg-type]
    return _compared(*editions)  # type: ignore[arg-type]


def as_report(
    edition: ReportLike, profile: Profile | str = TIP, country: str | None = None, name: str = "<text>"
) -> Report | tuple[str | bytes | Path, str]:
    """A report given as such, or what names or holds one (see `compare`) with the name it goes by."""
    if isinstance(edition, Report):
        return edition
    if isinstance(edition, os.PathLike) or (isinstance(edition, str) and _names_a_file(edition)):
        return Path(edition), shown(edition)
    if isinstance(edition, str | bytes):
        return edition, name
    raise BadArgument(f"a report is a Report, a path or the report's text, not {type(edition).__name__}")


def _extracted(
    edition: tuple[str | bytes | Path, str], profile: Profile | str, country: str | None
) -> tuple[str | bytes, str, str | None, str]:
    """The text of an edition to read, its name, markup (None: to be told) and source kind."""
    held, name = edition
    if isinstance(held, Path):
        extracted = extract(held, reading_profile(profile), country, None)
        return extracted.text, name, extracted.format, extracted.kind
    return held, name, None, "text"


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
    """A profile, given as one, by its name, or by where it is: "package.module:NAME"."""
    if isinstance(profile, Profile):
        return profile
    if isinstance(profile, str) and profile in PROFILES:
        return PROFILES[profile]
    if isinstance(profile, str) and ":" in profile:
        return _imported(profile)
    raise BadArgument(
        f"a profile is tipdiff.TIP, tipdiff.GENERIC, one of their names ({', '.join((*PROFILES, AUTO))})"
        f" or a module's profile (package.module:NAME), not {profile!r}"
    )


def _imported(where: str) -> Profile:
    """The profile a module holds: a report family of one's own, added without touching tipdiff."""
    module, _, attribute = where.partition(":")
    try:
        found = getattr(importlib.import_module(module), attribute)
    except ImportError as error:
        raise BadArgument(f"profile {where!r}: cannot import {module!r} ({error})") from None
    except AttributeError:
        raise BadArgument(f"profile {where!r}: {module!r} has no {attribute!r}") from None
    if not isinstance(found, Profile):
        raise BadArgument(f"profile {where!r} is a {type(found).__name__}, not a tipdiff Profile")
    return found


def _compared(old: Report, new: Report) -> Comparison:
    wording = Wording.of(old, new)
    pairs = match_sections(old, new, wording)
    links = align_sentences(old, new, pairs, wording, link_fields(old, new, pairs, wording))
    old_sentences, new_sentences = old.sentences, new.sentences
    known = Known.of(old, new)
    changes = tuple(classify(link, old_sentences, new_sentences, known) for link in links)
    return arrange(old, new, pairs, links, changes)
