"""Parts of a document that holds many: one country's narrative cut out of the year's report.

A part opens at a heading the profile knows ("MEXICO: Tier 2", "MEXICO (Tier 2)") and runs
to the next such heading.
"""

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from tipdiff.errors import TipdiffError
from tipdiff.normalize import comparison_key
from tipdiff.profiles import Profile, fold_heading

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
"""A table of contents lists the countries; a part opens at a heading, never at a list item."""


class UnknownPart(TipdiffError):
    "The document holds no part of the name asked for, or holds many and none was asked for"


@dataclass(frozen=True, slots=True)
class Part:
    """Where one part begins."""

    country: str
    """As its heading writes it ("MEXICO")."""
    heading: str
    line: int
    """Index of its heading among the text's lines (or the page's, for a PDF page)."""


def find_parts(lines: Sequence[str], profile: Profile) -> list[Part]:
    """Every line that opens a part, in order."""
    parts = []
    if not profile.parts:
        return parts
    for number, line in enumerate(lines):
        text = line.strip().lstrip("#").strip().strip("*_").strip()  # a Markdown heading's marks
        if not text or len(text) > 120 or _LIST_ITEM.match(line):
            continue
        quick = " ".join(text.split()).lower().rstrip(":. ")  # folding every line of 600 pages is slow
        if not any(pattern.match(quick) for pattern in profile.parts):
            continue
        written = fold_heading(text, keep_case=True)
        for pattern in profile.parts:
            if found := pattern.match(written.lower()):
                parts.append(Part(written[found.start("country") : found.end("country")].strip(), text, number))
                break
    return parts


def choose_part(parts: Sequence[Part], country: str | None, name: str) -> Part | None:
    """The part `country` names; None to take the whole document (it holds one part at most)."""
    if country is None:
        if len({country_key(part.country) for part in parts}) > 1:
            raise UnknownPart(
                f"{name}: holds {len(parts)} countries; choose one with --country"
                f" (tipdiff extract {name} --list shows them)"
            )
        return None
    wanted = country_key(country)
    exact = [part for part in parts if country_key(part.country) == wanted]
    if not exact:
        exact = [part for part in parts if country_key(part.country).startswith(wanted)]
    if exact and len({country_key(part.country) for part in exact}) == 1:
        return exact[0]
    if not parts:
        raise UnknownPart(f"{name}: holds no country headings such as 'MEXICO: Tier 2', so --country cannot choose")
    names = list(dict.fromkeys(part.country for part in parts))
    close = difflib.get_close_matches(country.upper(), [n.upper() for n in names], n=3, cutoff=0.6)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise UnknownPart(f"{name}: holds no country {country!r}.{hint} It holds: {', '.join(names)}")


def cut(text: str, part: Part | None, profile: Profile) -> str:
    """The lines of `part`, from its heading to the next part's heading."""
    if part is None:
        return text
    lines = text.split("\n")
    found = find_parts(lines, profile)
    start = next((other.line for other in found if country_key(other.country) == country_key(part.country)), None)
    if start is None:
        raise UnknownPart(f"the text of {part.heading!r} could not be cut out: its heading was not found as a heading")
    end = next((other.line for other in found if other.line > start), len(lines))
    return "\n".join(lines[start:end]).rstrip() + "\n"


def country_key(country: str) -> str:
    """A country's name as names are compared: case, quotes and spacing aside."""
    return " ".join(comparison_key(country).casefold().split())
