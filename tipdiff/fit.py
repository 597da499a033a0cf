"""Fit: whether a report's text is of the family a profile describes.

A profile names what shows its family (`Profile.evidence`): its sections, its field lines,
a verdict such as the tier. A text that shows none of it, or is laid out otherwise ("Label:
value" fields where the family writes prose), does not fit: `--profile auto` passes over
such a profile, and a profile chosen by name is warned of, since it would read the text
wrongly (a TIP profile dates an almanac a year early) and say nothing.
"""

from dataclasses import dataclass

from tipdiff.model import Report
from tipdiff.profiles import Profile
from tipdiff.verdicts import read_verdicts

STRONG = 2
"""Sections a text must show for them to choose its family: two by their headings, or one by
its opening sentence (a verdict that only the family writes)."""


@dataclass(frozen=True, slots=True)
class Fit:
    """What of a profile's evidence a report shows."""

    profile: Profile
    sections: int
    """The profile's sections found: 1 for each by its heading, 2 for each by its opening sentence."""
    fields: bool
    """The text is laid out in "Label: value" fields."""
    verdicts: tuple[str, ...]
    """The subjects of the evidence verdicts found ("tier")."""

    @property
    def layout(self) -> bool:
        """Whether the profile reads the text in the layout it has."""
        return self.profile.layout == "auto" or (self.profile.layout == "fields") == self.fields

    @property
    def fits(self) -> bool:
        """The text shows something of the family, in the family's layout."""
        return self.layout and (not self.profile.evidence or bool(self.shown))

    @property
    def strong(self) -> bool:
        """The text shows enough of the family to choose it by: a verdict, field lines, or STRONG sections."""
        found = set(self.shown) - {"sections"} or ({"sections"} if self.sections >= STRONG else set())
        return self.layout and bool(found)

    @property
    def shown(self) -> tuple[str, ...]:
        evidence = {"sections": self.sections > 0, "fields": self.fields}
        return tuple(kind for kind in self.profile.evidence if evidence.get(kind, kind in self.verdicts))

    @property
    def missing(self) -> str:
        """What the text lacks, for a reader: "no TIP section found, no tier line"."""
        family = self.profile.reader_name
        said = {"sections": f"no {family} section found", "fields": 'no "Label: value" fields'}
        lacks = [said.get(kind, f"no {kind} line") for kind in self.profile.evidence if kind not in self.shown]
        if not self.layout:
            lacks.insert(0, 'its lines are "Label: value" fields' if self.fields else "it is prose, not fields")
        return ", ".join(lacks)


def fit(report: Report, profile: Profile, fields: bool) -> Fit:
    """How well a report read with a profile shows the profile's family; `fields`: its text is
    laid out in fields (`tipdiff.fieldlayout.looks_like_fields`), whatever the profile read."""
    keys = {kind.key for kind in profile.sections if kind.telling}
    found = {section.key: section.inferred for section in report.sections if section.key in keys}
    subjects = tuple(kind for kind in profile.evidence if kind not in ("sections", "fields"))
    verdicts = tuple(read_verdicts(report, profile)) if subjects else ()
    return Fit(
        profile=profile,
        sections=sum(2 if inferred else 1 for inferred in found.values()),
        fields=fields,
        verdicts=tuple(subject for subject in subjects if subject in verdicts),
    )
