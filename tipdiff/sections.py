"""Sections: blocks grouped under their headings, with missing headings inferred.

A heading names a section through the profile. Where a heading is missing, a
paragraph that opens a section the way the profile knows (a TIP verdict sentence)
starts it. Each profile section is inferred at most once, so a verdict-like
sentence deep inside another section does not break it.
"""

from dataclasses import replace

from tipdiff.fields import with_field
from tipdiff.model import Block, BlockKind, Section, Sentence
from tipdiff.profiles import Profile
from tipdiff.sentences import split_sentences


def split_sections(blocks: tuple[Block, ...], profile: Profile) -> tuple[Section, ...]:
    """Sections in reading order; a section with no sentences is dropped."""
    sections: list[Section] = []
    key: str | None = None
    title, line, inferred = "", 1, False
    sentences: list[Sentence] = []
    # A verdict-like paragraph must not open a section that a heading further on opens.
    seen = {profile.key_for_heading(block.text) for block in blocks if block.kind is BlockKind.HEADING}

    def close() -> None:
        if sentences:
            sections.append(Section(key, title, line, inferred, tuple(sentences)))

    for block in blocks:
        if block.kind is BlockKind.HEADING:
            close()
            key, title, line, inferred, sentences = (
                profile.key_for_heading(block.text),
                block.text,
                block.line,
                False,
                [],
            )
            seen.add(key)
            continue
        opened = profile.key_for_opening(block.text) if block.kind is BlockKind.PARAGRAPH else None
        if opened and opened != key and opened not in seen:
            close()
            key, title, line, inferred, sentences = opened, "", block.line, True, []
            seen.add(opened)
        if not sentences and not title:
            line = block.line
        sentences.extend(with_field(block, split_sentences(block)))
    close()
    return _numbered(sections)


def _numbered(sections: list[Section]) -> tuple[Section, ...]:
    """Each sentence given its place in the report, for citing it."""
    numbered, index = [], 0
    for section in sections:
        sentences = tuple(replace(s, index=index + k) for k, s in enumerate(section.sentences))
        numbered.append(replace(section, sentences=sentences))
        index += len(sentences)
    return tuple(numbered)
