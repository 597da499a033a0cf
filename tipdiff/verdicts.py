"""Verdicts: the judgements an edition passes on the year — its tier, "does not fully meet
the minimum standards", "the government decreased protection efforts".

Each is read for what it means, part by part, through the profile's words: "sustained"
means "maintained" and "comply with" means "meet", so a change of wording is never taken
for a change of verdict, and "maintained inadequate" is not "maintained".
"""

from tipdiff.model import Report, Sentence, Shift, Verdict
from tipdiff.profiles import Profile, VerdictKind, fold_heading


def read_verdicts(report: Report, profile: Profile) -> dict[str, Verdict]:
    """The report's verdicts by subject, each where it is first stated."""
    found = {}
    for kind in profile.verdicts:
        if verdict := _read(report, kind):
            found[kind.subject] = verdict
    return found


def verdict_shifts(old: Report, new: Report, profile: Profile) -> tuple[Shift, ...]:
    """Each verdict both reports could state and at least one does, in the profile's order.
    A verdict whose section one report lacks (a fragment) is nobody's shift."""
    before, after = read_verdicts(old, profile), read_verdicts(new, profile)
    shifts = []
    for kind in profile.verdicts:
        if kind.subject not in before and kind.subject not in after:
            continue
        if kind.section is None or (_could_state(old, kind.section) and _could_state(new, kind.section)):
            shifts.append(Shift(kind.subject, before.get(kind.subject), after.get(kind.subject)))
    return tuple(shifts)


def _could_state(report: Report, section: str) -> bool:
    """The report has that section, or no sections at all (a scrape may hold it anywhere)."""
    return not report.structured or any(s.key == section for s in report.sections)


def _read(report: Report, kind: VerdictKind) -> Verdict | None:
    if kind.section is None:
        for heading in report.headings:
            if verdict := _match(kind, fold_heading(heading.text, keep_case=True), heading.line, None):
                return verdict
    for sentence in _sentences(report, kind.section):
        if verdict := _match(kind, sentence.key, sentence.line, sentence):
            return verdict
    return None


def _sentences(report: Report, section: str | None) -> tuple[Sentence, ...]:
    if section is None or not report.structured:
        return report.sentences
    return tuple(s for part in report.sections if part.key == section for s in part.sentences)


def _match(kind: VerdictKind, text: str, line: int, sentence: Sentence | None) -> Verdict | None:
    for pattern in kind.patterns:
        if found := pattern.search(text):
            parts = [
                _meaning(kind, value)
                for group, value in found.groupdict().items()
                if group != "verdict" and value is not None
            ]
            meaning = " ".join(part for part in parts if part)
            rank = kind.ranks.get(meaning)
            if rank is None:
                rank = next((kind.ranks[part] for part in parts if part in kind.ranks), None)
            return Verdict(kind.subject, _readable(found.group("verdict")), meaning, rank, line, sentence)
    return None


def _meaning(kind: VerdictKind, value: str) -> str:
    """What a part says: the whole part looked up, else each of its words."""
    folded = " ".join(value.casefold().split())
    if folded in kind.meanings:
        return kind.meanings[folded]
    return " ".join(word for word in (kind.meanings.get(w, w) for w in folded.split()) if word)


def _readable(phrase: str) -> str:
    """ "TIER 2" -> "Tier 2"; a phrase in running text stays as written."""
    return phrase.title() if phrase.isupper() else phrase
