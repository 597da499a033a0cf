"""Validation: the rules a report in a repository of reports should follow.

Each rule has an id, a default severity and a one-line meaning; every violation
names its line. Which sections and facts are required comes from the profile.
"""

import re
from dataclasses import dataclass

from tipdiff.edition import mentioned_year, stated_facts
from tipdiff.layout import split_blocks
from tipdiff.model import BlockKind, Report, Sentence, Severity, Violation
from tipdiff.noise import BOILERPLATE, WEB_NOISE
from tipdiff.profiles import Profile
from tipdiff.sentences import split_units


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    severity: Severity
    meaning: str
    hint: str
    """What to do about a violation, in one line."""


RULES = {
    rule.id: rule
    for rule in (
        Rule("TD001", Severity.ERROR, "the file is readable UTF-8 text with sentences",
             "save the report as UTF-8 plain text (or Markdown, or HTML)"),
        Rule("TD002", Severity.ERROR, "the file is in the repository, not a link to a file outside it",
             "commit the report itself instead of a symbolic link"),
        Rule("TD003", Severity.WARNING, "every changed file in the reports folder is a report that fits the layout",
             "rename it to fit the layout (the settings' pattern), or add it to exclude in the settings"),
        Rule("TD005", Severity.ERROR, "a published report is not deleted",
             "restore it; if it must go, accept the finding with a reason (baseline or [[ignore]])"),
        Rule("TD101", Severity.WARNING, "the report starts with a title", "put the report's title on its first line"),
        Rule("TD102", Severity.ERROR, "the report names its country",
             "keep the heading that names the country (\"MEXICO (Tier 2)\")"),
        Rule("TD103", Severity.ERROR, "the report's year can be told",
             "name the file for its year, or keep the title line with the year"),
        Rule("TD104", Severity.ERROR, "the report states its tier", "keep the tier line (\"MEXICO: Tier 2\")"),
        Rule("TD105", Severity.ERROR, "the year in the file's name is the year its title states",
             "rename the file for the year its title states, or correct the title"),
        Rule("TD106", Severity.WARNING, "the year in the file's name fits the years its text mentions",
             "check that the file holds the report of the year it is named for"),
        Rule("TD107", Severity.WARNING, "the year in the file's name has come",
             "name the file for the year of the report (a year's report comes out in that year)"),
        Rule("TD201", Severity.ERROR, "every required section is there",
             "restore the section from the published report"),
        Rule("TD202", Severity.WARNING, "every section has its heading (a missing one was inferred)",
             "add the section's heading on a line of its own"),
        Rule("TD301", Severity.ERROR, "no sentence is there twice", "delete the repeated sentences"),
        Rule("TD302", Severity.WARNING, 'no web page furniture ("Twitter.", "Original source can be found here.")',
             "delete the line: it comes from the web page, not the report"),
        Rule("TD303", Severity.ERROR, "no text from other web pages (news wires, links, images)",
             "delete the text that came from another page"),
        Rule("TD304", Severity.ERROR, "the last sentence is complete",
             "paste the rest of the report: it was cut short"),
        Rule("TD401", Severity.WARNING, "figures for earlier years agree with the previous report",
             "check which report is right; accept a known correction with a reason"),
        Rule("TD402", Severity.ERROR, "the report is not the previous report again",
             "replace the text with this year's report: this is last year's with a new title"),
        Rule("TD403", Severity.ERROR, "the report is about the country its folder names",
             "move the file to its own country's folder"),
        Rule("TD404", Severity.WARNING, "what the previous report had is still there: its tier line, its sections",
             "restore what was dropped, or accept the finding with a reason"),
    )
}  # fmt: skip


def broken(rule: str, line: int, message: str, end_line: int | None = None) -> Violation:
    """A violation of `rule`, with the rule's default severity (the settings may change it)."""
    return Violation(rule, RULES[rule].severity, line, message, end_line)


DUPLICATE_WORDS = 4
"""Shorter sentences ("Not all states reported data.") may well be said twice."""
_COMPLETE = re.compile(r"[.!?:;][\"'”’)\]]*$")


def validate(
    text: str, report: Report, profile: Profile, path_year: int | None, written: frozenset[int] | None = None
) -> tuple[Violation, ...]:
    """Every rule the report breaks, in line order; `path_year` is the year its file name gives.
    `written`: the lines a change wrote, so that of two copies of a passage the one it wrote is
    the one reported (the later one, when neither or both are)."""
    blocks = split_blocks(text, report.format)
    facts = stated_facts(report, profile)
    first_line = report.sections[0].line if report.sections else 1
    found: list[Violation] = []

    def violate(rule: str, line: int, message: str, end_line: int | None = None) -> None:
        found.append(broken(rule, line, message, end_line))

    if "title" in profile.required_facts and not (blocks and blocks[0].kind is BlockKind.HEADING):
        violate("TD101", 1, "the report does not start with a title line")
    for fact, rule in (("country", "TD102"), ("tier", "TD104")):
        if fact in profile.required_facts and fact not in facts:
            violate(rule, first_line, f"no {fact} is stated in a heading or in the text")
    stated = int(facts["year"]) if "year" in facts else None
    mentioned = mentioned_year(report)
    if "year" in profile.required_facts and not (stated or mentioned or path_year):
        violate("TD103", first_line, "no year in a heading, the file's name or the text")
    if path_year and stated and path_year != stated:
        violate("TD105", 1, f"the file is named for {path_year}, but its title says {stated}")
    elif path_year and not stated and mentioned and path_year != mentioned + profile.data_year_lag:
        violate("TD106", first_line, f"the file is named for {path_year}, but the text mostly speaks of {mentioned}"
                                     f" (a {path_year} report would speak of {path_year - profile.data_year_lag})")  # fmt: skip

    keys = {section.key for section in report.sections}
    for key in profile.required_sections:
        if key not in keys:
            violate("TD201", first_line, f"no {profile.title(key)} section")
    for section in report.sections:
        if section.inferred and section.key in profile.required_sections:
            opening = section.sentences[0].text[:60]
            violate("TD202", section.line, f"the {profile.title(section.key)} section has no heading; "
                                           f"it was inferred from \u201c{opening}\u2026\u201d")  # fmt: skip

    for run in _repeated_runs(report):
        (first, copy), (last, last_copy) = run[0], run[-1]
        at, end, other, other_end = first.line, last.line, copy, last_copy
        said = "already on"
        if written is not None and at not in written and copy in written:  # the earlier copy is the new one
            at, end, other, other_end, said = copy, last_copy, first.line, last.line, "said again on"
        lines = f"lines {other}-{other_end}" if other_end != other else f"line {other}"
        what = "this sentence is" if len(run) == 1 else f"these {len(run)} sentences are"
        message = f"{what} {said} {lines}: \u201c{first.text[:60]}\u2026\u201d"  # a pasted passage is one finding
        violate("TD301", at, message, end if end != at else None)

    units = [u for block in blocks if block.kind is not BlockKind.HEADING for u in split_units(block)]
    for unit in units:
        if BOILERPLATE.fullmatch(unit.text):
            violate("TD302", unit.line, f"web page furniture: \u201c{unit.text[:60]}\u201d")
        elif WEB_NOISE.search(unit.text):
            violate("TD303", unit.line, f"text from another web page: \u201c{unit.text[:80]}\u201d")
    last = next((u for u in reversed(units) if not BOILERPLATE.fullmatch(u.text)), None)
    if last and not _COMPLETE.search(last.text):
        violate("TD304", last.line, f"the text ends mid-sentence: \u201c\u2026{last.text[-60:]}\u201d")
    return tuple(sorted(found, key=lambda v: (v.line, v.rule)))


def _repeated_runs(report: Report) -> list[list[tuple[Sentence, int]]]:
    """Runs of consecutive sentences said before, each with the line of its first copy; a run
    counts when one of its sentences is long enough not to be said twice by chance."""
    first_seen: dict[str, int] = {}
    runs: list[list[tuple[Sentence, int]]] = []
    open_run = False
    for sentence in report.sentences:
        folded = sentence.key.casefold()
        if folded in first_seen:
            if not open_run:
                runs.append([])
            runs[-1].append((sentence, first_seen[folded]))
        open_run = folded in first_seen
        first_seen.setdefault(folded, sentence.line)
    return [run for run in runs if any(len(s.key.split()) >= DUPLICATE_WORDS for s, _ in run)]
