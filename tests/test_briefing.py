"""The narrative as a briefing: what an analyst puts first, short, every claim cited, and
nothing the reports contradict. Each check of the last kind is written against a false
statement an earlier version made."""

import re
from pathlib import Path

import pytest
from conftest import PAIRS
from markdown_it import MarkdownIt

import tipdiff
from tipdiff.model import Label
from tipdiff.narrative.findings import MOVED
from tipdiff.normalize import words
from tipdiff.profiles.tip import TIP
from tipdiff.render import render_changes, render_narrative
from tipdiff.verdicts import read_verdicts, verdict_shifts

CITATION = re.compile(r"\((?:(?:\d{4}|old|new) l\.\d+(?:, l\.\d+)*(?: → )?)+\)$")
"""How a briefing item ends: "(2022 l.33 → 2023 l.19)", "(2023 l.2)"."""


def briefing(markdown: str) -> list[str]:
    """The items of the rendered briefing."""
    part = markdown.split("## Briefing\n", 1)[1].split("\n## ", 1)[0]
    return [line[2:] for line in part.splitlines() if line.startswith("- ")]


@pytest.fixture(scope="module")
def text_2022_2023(narrated) -> str:
    return render_narrative(narrated("2022", "2023")[1], TIP)


def test_the_briefing_leads_with_the_tier_and_the_verdict_shifts(text_2022_2023: str) -> None:
    items = briefing(text_2022_2023)
    assert items[0].startswith("**Tier**: Mexico remained on Tier 2.")
    protection = next(i for i in items if i.startswith("**Protection**"))
    assert "maintained → **decreased**" in protection
    assert re.search(r"\b744 \(2021\) to 440 \(2022\)", protection)
    assert re.search(r"\(2022 l\.33 → 2023 l\.19\)$", protection)
    prevention = next(i for i in items if i.startswith("**Prevention**"))
    assert "maintained → **increased**" in prevention and re.search(r"\(2022 l\.51 → 2023 l\.28\)$", prevention)
    assert any(i.startswith("**As before**") and "prosecution (increased)" in i for i in items)


def test_the_briefing_uses_the_summarys_own_ranking(text_2022_2023: str) -> None:
    """The 2023 summary credits a new national action plan and new identification procedures for
    immigration officials, and no longer credits identifying more victims."""
    items = briefing(text_2022_2023)
    assert any("Newly credited" in i and "National Action Plan" in i and i.endswith("(2023 l.2)") for i in items)
    assert any("Newly credited" in i and "immigration officials" in i for i in items)
    assert any("No longer credited" in i and "identifying more victims" in i and "(2022 l.5)" in i for i in items)


def test_the_largest_change_of_the_year_is_in_the_briefing(text_2022_2023: str) -> None:
    assert any(
        re.search(r"prosecuted \(federal\) fell from 76 \(2021\) to 11 \(2022\)", i) for i in briefing(text_2022_2023)
    )


@pytest.mark.parametrize("pair", PAIRS, ids="->".join)
def test_every_item_and_key_figure_cites_its_lines(narrated, all_reports, pair) -> None:
    """A reader can check every claim: each briefing item ends with its lines, each key figure
    names its lines, and each cited line of the file holds the start of its sentence."""
    comparison, narrative = narrated(*pair)
    text = render_narrative(narrative, TIP)
    if "## Briefing" in text:
        for item in briefing(text):
            assert CITATION.search(item), item
    for row in re.findall(r"^\| (?!What|---).*$", text, re.MULTILINE):
        assert re.search(r"l\.\d+ \|$", row), row
    files = {side: Path(report.name).read_text(encoding="utf-8").splitlines() for side, report in
             (("old", comparison.old), ("new", comparison.new))}  # fmt: skip
    for point in narrative.briefing:
        for source in point.sources:
            opening = " ".join(words(source.sentence.text)[:4])
            assert opening in " ".join(words(files[source.report][source.sentence.line - 1])), source


@pytest.mark.parametrize("pair", PAIRS, ids="->".join)
def test_the_briefing_is_short(narrated, pair) -> None:
    text = render_narrative(narrated(*pair)[1], TIP)
    if "## Briefing" in text:
        assert len(" ".join(briefing(text)).split()) <= 330


def test_the_default_narrative_is_a_briefing_not_a_dump(text_2022_2023: str, narrated) -> None:
    assert len(text_2022_2023.split()) < 1500
    full = render_narrative(narrated("2022", "2023")[1], TIP, full=True)
    assert len(full.split()) > 2 * len(text_2022_2023.split())


def test_full_detail_lists_every_finding(narrated) -> None:
    narrative = narrated("2022", "2023")[1]
    full = render_narrative(narrative, TIP, full=True)
    part = full.split("## Section by section", 1)[1]
    listed = sum(1 for line in part.splitlines() if line.startswith("- "))
    assert listed == sum(len(story.findings) for story in narrative.sections)


def _mirrored(point, flip: bool) -> tuple:
    """What a point says, the same for a point of OLD -> NEW and its mirror in NEW -> OLD."""
    swap = {"new": "dropped", "dropped": "new", "added": "removed", "removed": "added"}
    if point.kind == "shift":
        meanings = (point.shift.old.meaning, point.shift.new.meaning)
        return "shift", point.shift.subject, meanings[::-1] if flip else meanings
    if point.kind == "summary":
        status = swap[point.summary.status] if flip else point.summary.status
        return "summary", status, point.summary.item.text
    if point.kind == "figure":
        values = (point.figure.old.fact.text, point.figure.new.fact.text)
        return "figure", values[::-1] if flip else values
    if point.kind == "finding":
        kind = swap.get(point.finding.kind, point.finding.kind) if flip else point.finding.kind
        return "finding", kind, tuple(sorted(s.sentence.text for s in point.sources))
    return (point.kind,)


@pytest.mark.parametrize("pair", [p for p in PAIRS if p[0] < p[1]], ids="<->".join)
def test_new_to_old_says_the_opposite_item_for_item(narrated, pair) -> None:
    forward, backward = narrated(*pair)[1], narrated(*pair[::-1])[1]
    assert [_mirrored(p, False) for p in forward.briefing] == [_mirrored(p, True) for p in backward.briefing]
    assert {(f.old.fact.text, f.new.fact.text) for f in forward.figures} == {
        (f.new.fact.text, f.old.fact.text) for f in backward.figures
    }
    added = {c.new[0].text for c in forward.recommendations if c.label is Label.ADDED}
    assert added == {c.old[0].text for c in backward.recommendations if c.label is Label.REMOVED}


def _containment(sentence: str, other: str) -> float:
    """Share of a sentence's words another holds: plain words, no weights, no numbers (an
    independent measure from the one tipdiff uses)."""
    mine, theirs = ({w for w in words(text) if w.isalpha()} for text in (sentence, other))
    return len(mine & theirs) / len(mine) if mine else 0.0


@pytest.mark.parametrize("pair", PAIRS, ids="->".join)
def test_no_longer_reported_means_in_no_sentence_of_the_new_report(narrated, pair) -> None:
    """An earlier version listed as "no longer reported" a sentence the new report still had,
    and as "new" one the old report had."""
    comparison, narrative = narrated(*pair)
    for story in narrative.sections:
        for finding in story.findings:
            if finding.kind in ("added", "removed"):
                other = comparison.old if finding.kind == "added" else comparison.new
                for sentence in finding.change.new if finding.kind == "added" else finding.change.old:
                    best = max((_containment(sentence.text, s.text) for s in other.sentences), default=0.0)
                    assert best < 0.85, (finding.kind, sentence.text)


@pytest.mark.parametrize("pair", PAIRS, ids="->".join)
def test_a_move_is_shown_only_for_one_sentence(narrated, pair) -> None:
    """An earlier version showed two unrelated FEVIMTRA sentences as one moved, and then
    listed neither as new or dropped."""
    narrative = narrated(*pair)[1]
    for story in narrative.sections:
        for finding in story.findings:
            if finding.kind == "moved":
                old = " ".join(s.text for s in finding.change.old)
                new = " ".join(s.text for s in finding.change.new)
                assert finding.change.similarity >= MOVED
                assert min(_containment(old, new), _containment(new, old)) >= 0.5, (old, new)


@pytest.mark.parametrize("pair", PAIRS, ids="->".join)
def test_only_in_one_report_is_said_only_of_unpaired_sections(narrated, pair) -> None:
    """An earlier version said "only in the new report" of sections of which dozens of
    sentences were paired with a web scrape."""
    comparison, narrative = narrated(*pair)
    text = render_narrative(narrative, TIP)
    for section in comparison.sections:
        title = TIP.title(section.key)
        said = re.search(rf"^### {re.escape(title)}\n\nOnly in the (old|new) report", text, re.MULTILINE)
        if said:
            assert not any(c.old and c.new for c in section.changes), title


PHRASINGS = [
    ("The government increased law enforcement efforts.", "prosecution", "increased"),
    ("The government maintained law enforcement efforts.", "prosecution", "maintained"),
    ("The government decreased anti-trafficking law enforcement efforts.", "prosecution", "decreased"),
    (
        (
            "The Government of Mexico's overall law enforcement response to human trafficking increased during"
            " the reporting period, though efforts were uneven across the country."
        ),
        "prosecution",
        "increased",
    ),
    (
        "The Mexican government modestly increased its assistance to trafficking victims last year.",
        "protection",
        "modestly increased",
    ),
    ("The government maintained inadequate efforts to protect victims.", "protection", "maintained inadequate"),
    ("The government demonstrated uneven law enforcement efforts.", "prosecution", "uneven"),
    ("The government made minimal efforts to protect trafficking victims.", "protection", "minimal"),
    (
        "Federal and state governments sustained limited trafficking prevention efforts in 2009.",
        "prevention",
        "maintained limited",
    ),
    ("The government slightly increased prevention efforts.", "prevention", "modestly increased"),
    (
        (
            "The Government of Atlantis does not fully meet the minimum standards for the elimination of"
            " trafficking but is making significant efforts to do so."
        ),
        "summary",
        "not fully making",
    ),
    (
        (
            "The Government of Atlantis does not fully comply with the minimum standards for the elimination of"
            " trafficking; however, it is making significant efforts to do so."
        ),
        "summary",
        "not fully making",
    ),
    (
        (
            "The Government of Atlantis does not fully meet the minimum standards for the elimination of"
            " trafficking and is not making significant efforts to do so."
        ),
        "summary",
        "not fully not making",
    ),
    (
        (
            "The Government of Atlantis does not fully meet the minimum standards but is making significant"
            " efforts to do so. The government did not demonstrate overall increasing efforts compared with the"
            " previous reporting period."
        ),
        "overall-efforts",
        "not increasing",
    ),
    ("Therefore Atlantis was downgraded to Tier 2 Watch List.", "tier", "tier 2 watch list"),
    ("Therefore Atlantis remained on Tier 3.", "tier", "tier 3"),
]
"""Verdicts as TIP narratives have worded them since 2010, and what each means."""


@pytest.mark.parametrize(("sentence", "subject", "meaning"), PHRASINGS)
def test_verdicts_are_read_in_the_phrasings_of_every_year(sentence: str, subject: str, meaning: str) -> None:
    section = {"prosecution": "PROSECUTION", "protection": "PROTECTION", "prevention": "PREVENTION"}.get(subject)
    text = f"Atlantis\n\n{section}\n\n{sentence}\n" if section else f"Atlantis\n\n{sentence}\n"
    verdicts = read_verdicts(tipdiff.parse_report(text, "atlantis.txt"), TIP)
    assert verdicts[subject].meaning == meaning


@pytest.mark.parametrize(
    ("heading", "tier", "rank"),
    [
        ("ATLANTIS: TIER 2 WATCH LIST", "Tier 2 Watch List", 1),
        ("Atlantis (Tier 1)", "Tier 1", 3),
        ("Atlantis (Special Case)", "Special Case", None),
    ],
)
def test_tiers_are_read_from_headings(heading: str, tier: str, rank: int | None) -> None:
    report = tipdiff.parse_report(f"{heading}\n\nThe government maintained prevention efforts.\n", "atlantis.txt")
    verdict = read_verdicts(report, TIP)["tier"]
    assert (verdict.phrase, verdict.rank) == (tier, rank)


def _shift(subject: str, old: str, new: str):  # type: ignore[no-untyped-def]
    section = {"prosecution": "PROSECUTION\n\n", "prevention": "PREVENTION\n\n"}.get(subject, "")
    reports = [tipdiff.parse_report(f"Atlantis\n\n{section}{text}\n", f"{year}.txt") for year, text in
               ((2031, old), (2032, new))]  # fmt: skip
    return next(s for s in verdict_shifts(*reports, TIP) if s.subject == subject)


def test_a_change_of_wording_is_no_change_of_verdict() -> None:
    """An earlier version invented a summary shift from "comply" -> "meet", and read
    "maintained inadequate" as "maintained, as before"."""
    comply = "The Government of Atlantis does not fully comply with the minimum standards; however, it is making significant efforts."
    meet = "The Government of Atlantis does not fully meet the minimum standards but is making significant efforts to do so."
    assert not _shift("summary", comply, meet).changed
    sustained = "Federal and state governments sustained prevention efforts."
    assert not _shift("prevention", sustained, "The government maintained prevention efforts.").changed
    inadequate = _shift(
        "prosecution", "The government maintained inadequate law enforcement efforts.",
        "The government maintained law enforcement efforts.",
    )  # fmt: skip
    assert inadequate.changed and inadequate.direction == 0
    decreased = _shift("prosecution", "The government maintained law enforcement efforts.",
                       "The government decreased law enforcement efforts.")  # fmt: skip
    assert decreased.changed and decreased.direction == -1


def test_the_verdicts_of_a_wiki_article_are_found(narrated) -> None:
    """An earlier version said "no verdict in the old report" where the 2010 text says the
    response "increased", "modestly increased its assistance" and "sustained limited" efforts."""
    shifts = {s.subject: s for s in narrated("2010-wikipedia", "2022")[1].shifts}
    for subject in ("prosecution", "protection", "prevention", "summary"):
        assert shifts[subject].old is not None, subject
    assert shifts["protection"].old.phrase == "modestly increased"


def test_a_meaning_tag_needs_the_word_gone() -> None:
    """An earlier version tagged '"limited" dropped' where "limit" was still there."""
    from tipdiff.narrative.meaning import meaning_shifts

    comparison = tipdiff.compare(
        tipdiff.parse_report("Many NGOs altered or limited their operations in response to funding cuts."),
        tipdiff.parse_report("Many NGOs continued to alter or limit their operations in response to funding cuts."),
    )
    assert not [s for s in meaning_shifts(comparison.changes[0]) if "limited" in (s.dropped, s.added)]


_RENDERER = MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _unrendered_markers(markdown: str) -> list[str]:
    html = _RENDERER.render(markdown)
    text = re.sub(r"<code>.*?</code>|<[^>]+>", "", html)
    return re.findall(r".{0,20}(?:~~|\*\*).{0,20}", text)


@pytest.mark.parametrize("pair", PAIRS, ids="->".join)
def test_every_emphasis_renders(narrated, pair) -> None:
    """An earlier version wrote `~~,~~` and `**, migrant,**`, which CommonMark shows as they are."""
    narrative = narrated(*pair)[1]
    for full in (False, True):
        assert _unrendered_markers(render_narrative(narrative, TIP, full=full)) == []


def test_punctuation_stays_outside_the_markers() -> None:
    old = tipdiff.parse_report("Police found five labor trafficking cases, and seven cases of forced begging.")
    new = tipdiff.parse_report("Police found thirty labor trafficking cases and, migrant, seven cases of begging.")
    markdown = render_changes(tipdiff.compare(old, new), TIP)
    assert _unrendered_markers(markdown) == []
    marked = re.findall(r"<(?:s|strong)>(.*?)</(?:s|strong)>", _RENDERER.render(markdown))
    assert "migrant" in marked and "forced" in marked
    assert all(text[0].isalnum() and text[-1].isalnum() for text in marked), marked


def test_json_cites_each_point_by_sentence_id(narrated) -> None:
    import json

    from tipdiff.render import render_json

    comparison, narrative = narrated("2022", "2023")
    data = json.loads(render_json(comparison, narrative))
    reports = {"old": comparison.old.sentences, "new": comparison.new.sentences}
    points = data["narrative"]["briefing"]
    assert points and all(point["sources"] for point in points)
    for point in points:
        for source in point["sources"]:
            assert reports[source["report"]][source["sentence"]].line == source["line"]
    figure = data["narrative"]["figures"][points[0]["figure"]]
    assert (figure["old"]["value"], figure["new"]["value"]) == (744, 440)


def _shifts(old: str, new: str):  # type: ignore[no-untyped-def]
    from tipdiff.narrative.meaning import meaning_shifts

    return meaning_shifts(tipdiff.compare(tipdiff.parse_report(old), tipdiff.parse_report(new)).changes[0])


def test_a_negated_word_and_its_negative_form_say_one_thing() -> None:
    """A fact-checker found '"adequate" → "inadequate"' on "the lack of adequate protection" ->
    "inadequate protections"."""
    same = _shifts(
        "Officials re-traumatized victims through the lack of adequate protection during proceedings.",
        "Officials re-traumatized victims through inadequate protections during proceedings.",
    )
    assert same == ()
    assert _shifts("The shelters were adequate for victims.", "The shelters were inadequate for victims.")


def test_a_hedge_of_a_new_figure_is_no_rewording() -> None:
    """ "at least 35" of a year the old sentence never covers qualifies a new figure."""
    assert (
        _shifts(
            "Authorities initiated 127 federal investigations in 2017 in the state.",
            "Authorities initiated at least 35 federal investigations in 2021 in the state.",
        )
        == ()
    )
    assert _shifts(
        "Federal investigations included 23 sex trafficking cases in the state.",
        "Federal investigations included at least 23 sex trafficking cases in the state.",
    )


def test_a_change_whose_sign_a_bound_leaves_open_is_not_given(text_2022_2023: str) -> None:
    """From 95 to "at least 63" the number may have risen: two fact-checkers flagged "−33.7%"."""
    row = next(line for line in text_2022_2023.splitlines() if line.startswith("| suspects prosecuted (state)"))
    assert "at least 63 (2022) | not known (a bound) |" in row
    item = next((i for i in briefing(text_2022_2023) if "Suspects prosecuted" in i), None)
    assert item is None or " went from " in item


def test_summaries_are_compared_item_by_item_only_when_both_list_items(narrated) -> None:
    """The 2010 summary lists no items: nothing is "newly credited" against it."""
    for pair in (("2010-wikipedia", "2022"), ("2022", "2010-wikipedia"), ("2018-web-scrape", "2023")):
        assert narrated(*pair)[1].summary == (), pair
    assert narrated("2022", "2023")[1].summary
