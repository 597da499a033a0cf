"""Sections: blocks grouped under their headings, with missing headings inferred.

A heading names a section through the profile; a heading run into a paragraph's first
line ("Recommendations for Mexico: Increase ...") is one too. Where a heading is missing,
a paragraph that opens a section the way the profile knows (a TIP verdict sentence), or a
list of recommendations, starts it. Each profile section is inferred at most once, and
never before a heading that names it, so a verdict-like sentence deep inside another
section does not break it. Recommendations run together in one paragraph are read as the
list they stand for, one item each.
"""

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from tipdiff.fields import with_field
from tipdiff.model import Block, BlockKind, Section, Sentence
from tipdiff.profiles import Profile
from tipdiff.sentences import split_sentences

_BULLET_SIGN = re.compile(r"[\u2022\u25aa\u25e6\u25cf]\s*+")
"""A bullet sign left inside a line: the bullets of a list glued into one."""
_ITEM_BREAK = re.compile(rf";\s*+|(?<=[a-z\d)\]][.;:])(?=[A-Z])|{_BULLET_SIGN.pattern}")
"""Where one item of a paragraph of recommendations may end: a semicolon, a full stop glued
to the next word ("traffickers.Develop"), or a bullet sign."""
_CONJUNCTION = re.compile(r"^(?:and|or)\s+", re.IGNORECASE)


def split_sections(blocks: tuple[Block, ...], profile: Profile) -> tuple[Section, ...]:
    """Sections in reading order; a section with no sentences is dropped."""
    blocks = tuple(part for block in blocks for part in _run_in(block, profile))
    sections: list[Section] = []
    key: str | None = None
    title, line, inferred = "", 1, False
    sentences: list[Sentence] = []
    # A paragraph may open a section that no heading further on opens and no section so far holds.
    ahead = Counter(profile.key_for_heading(block.text) for block in blocks if block.kind is BlockKind.HEADING)
    held: set[str | None] = set()

    def close() -> None:
        if sentences:
            sections.append(Section(key, title, line, inferred, tuple(sentences)))
            held.add(key)

    for paragraph, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            close()
            key, title, line, inferred, sentences = (
                profile.key_for_heading(block.text),
                block.text,
                block.line,
                False,
                [],
            )
            ahead[key] -= 1
            continue
        opened = _opening(block, key, profile)
        if opened and opened != key and opened not in held and ahead[opened] <= 0:
            close()
            key, title, line, inferred, sentences = opened, "", block.line, True, []
        if not sentences and not title:
            line = block.line
        if key is not None and key == profile.recommendations:
            units = [_as_item(s) for part in _items(block, profile) for s in split_sentences(part)]
        else:
            units = list(with_field(block, split_sentences(block)))
        sentences.extend(replace(s, paragraph=paragraph) for s in units)
    close()
    return _numbered(sections)


def _opening(block: Block, key: str | None, profile: Profile) -> str | None:
    """The key of the section a block opens when no heading does, if any. A list of advice
    right after the summary (or at the top) is the recommendations, as editions print them."""
    if block.kind is BlockKind.HEADING:
        return None
    advice = key in (None, profile.summary) and profile.advice and profile.advice.match(block.text)
    if advice and (block.kind is BlockKind.BULLET or len(_items(block, profile)) > 2):
        return profile.recommendations
    return profile.key_for_opening(block.text) if block.kind is BlockKind.PARAGRAPH else None


def _run_in(block: Block, profile: Profile) -> tuple[Block, ...]:
    """A paragraph that begins with a heading the profile knows, as that heading and the paragraph."""
    found = profile.run_in.match(block.text) if profile.run_in and block.kind is BlockKind.PARAGRAPH else None
    if not found or profile.key_for_heading(found.group("heading")) not in {k.key for k in profile.sections}:
        return (block,)
    heading = Block(BlockKind.HEADING, found.group("heading"), block.line)
    return heading, _part(block, found.end(), len(block.text), BlockKind.PARAGRAPH)


def _items(block: Block, profile: Profile) -> tuple[Block, ...]:
    """A paragraph of recommendations run together ("Increase ...; improve ...; and train ...")
    or bullets glued into one line, as the items they stand for. A break counts only where
    what follows reads as advice, so "shelter; legal aid" stays one item."""
    if block.kind is BlockKind.HEADING or profile.advice is None:
        return (block,)
    breaks = _ITEM_BREAK if block.kind is BlockKind.PARAGRAPH else _BULLET_SIGN  # a bullet is one item
    pieces, start = [], 0
    for found in breaks.finditer(block.text):
        if found.start() > start and profile.advice.match(block.text, found.end()):
            pieces.append(_part(block, start, found.start(), BlockKind.BULLET))
            start = found.end()
    if not pieces:
        return (block,)
    return (*pieces, _part(block, start, len(block.text), BlockKind.BULLET))


def _as_item(sentence: Sentence) -> Sentence:
    """A recommendation compared as an item: "and train police;" in a run-together list and the
    bullet "Train police." of another year are the same item."""
    key = _CONJUNCTION.sub("", sentence.key).rstrip(" .;,:")
    return replace(sentence, key=key[:1].upper() + key[1:])


def _part(block: Block, start: int, end: int, kind: BlockKind) -> Block:
    """The text of a block between two offsets as a block of its own, its lines kept."""
    text = block.text[start:end]
    start += len(text) - len(text.lstrip())
    text = text.strip()
    first = bisect_right(block.line_starts, start)
    line_starts = tuple(offset - start for offset in block.line_starts[first:] if offset - start < len(text))
    return Block(kind, text, block.line + first, line_starts)


def _numbered(sections: list[Section]) -> tuple[Section, ...]:
    """Each sentence given its place in the report, for citing it."""
    numbered, index = [], 0
    for section in sections:
        sentences = tuple(replace(s, index=index + k) for k, s in enumerate(section.sentences))
        numbered.append(replace(section, sentences=sentences))
        index += len(sentences)
    return tuple(numbered)
