"""The one place tipdiff speaks to markdown-it-py: Markdown reports read as blocks, and
the narrative turned into HTML for the side-by-side page."""

from itertools import accumulate

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tipdiff.model import Block, BlockKind

_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")


def markdown_blocks(text: str) -> tuple[Block, ...]:
    """Headings, paragraphs and list items of a Markdown report, as plain text."""
    blocks = []
    tokens = _PARSER.parse(text)
    in_list = 0
    for i, token in enumerate(tokens):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            in_list += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            in_list -= 1
        elif token.type in ("fence", "code_block") and token.map is not None and token.content.strip():
            # Text in a code block (or after a fence left open) is still the report's text.
            lines = token.content.rstrip("\n").split("\n")
            starts = tuple(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))[1:]
            first = token.map[0] + 1 + (token.type == "fence")
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(lines), first, starts))
        elif token.type == "inline" and token.map is not None:
            opener = tokens[i - 1].type
            kind = (
                BlockKind.HEADING if opener == "heading_open" else BlockKind.BULLET if in_list else BlockKind.PARAGRAPH
            )
            body, line_starts = _plain_text(token)
            if body.strip():
                blocks.append(Block(kind, body, token.map[0] + 1, line_starts))
    return tuple(blocks)


def _plain_text(inline: Token) -> tuple[str, tuple[int, ...]]:
    """The words of an inline token (emphasis, links and images reduced to their text),
    and the offsets where each further source line begins."""
    parts: list[str] = []
    line_starts = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            line_starts.append(sum(map(len, parts)))
    return "".join(parts), tuple(line_starts)


def markdown_html(markdown: str) -> str:
    """HTML for Markdown that tipdiff wrote; raw HTML in it is escaped, never passed through."""
    return _PARSER.render(markdown)
