"""The one place tipdiff speaks to markdown-it-py: Markdown reports read as blocks, and
the narrative turned into HTML for the side-by-side page."""

import re
from itertools import accumulate

from markdown_it import MarkdownIt
from markdown_it.token import Token

from tipdiff.layout import is_capital_heading
from tipdiff.model import Block, BlockKind
from tipdiff.sentences import sentence_spans

_NESTING = re.compile(r"^[ \t>]++", re.MULTILINE)
"""Indentation and quote marks: taken away, lists and quotes nested too deep read flat."""
_PARSER = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
_NARRATIVE = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
_NARRATIVE.validateLink = lambda url: url.startswith("#")  # a link made of report text goes nowhere


def _label_cells(state) -> None:
    """Each table cell labelled with its column's header (`data-label`): a phone shows a row
    as a card, and still says which number is the old one."""
    headers: list[str] = []
    column = 0
    for k, token in enumerate(state.tokens):
        if token.type == "thead_open":
            headers = []
        elif token.type == "th_open":  # the header as read, not its Markdown source
            inline = state.tokens[k + 1]
            headers.append("".join(c.content for c in inline.children or () if c.type in ("text", "code_inline")))
        elif token.type == "tr_open":
            column = 0
        elif token.type == "td_open":
            if column < len(headers) and headers[column]:
                token.attrSet("data-label", headers[column])
            column += 1


_NARRATIVE.core.ruler.push("label_cells", _label_cells)


def markdown_blocks(text: str) -> tuple[Block, ...]:
    """Headings, paragraphs and list items of a Markdown report, as plain text."""
    blocks = []
    tokens = _PARSER.parse(text)
    if _cut_short(tokens, text):  # nested deeper than the parser follows: it stops there
        tokens = _PARSER.parse(_NESTING.sub("", text))
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
            if kind is BlockKind.BULLET and (number := _numbered_paragraph(tokens, i, body)):
                kind, body, line_starts = (
                    BlockKind.PARAGRAPH,
                    number + body,
                    tuple(s + len(number) for s in line_starts),
                )
            if body.strip():
                blocks += _headed(Block(kind, body, token.map[0] + 1, line_starts))
    return tuple(blocks)


def _numbered_paragraph(tokens: list[Token], i: int, body: str) -> str:
    """ "3. " for the text of a numbered item of a loose list that holds sentences of prose: a
    numbered paragraph (as in `layout`), its number kept; "" for a list item."""
    opener, item = tokens[i - 1], tokens[i - 2]
    loose = opener.type == "paragraph_open" and not opener.hidden
    if not (loose and item.type == "list_item_open" and item.info) or len(sentence_spans(body)) < 2:
        return ""
    return f"{item.info}{item.markup} "


def _headed(block: Block) -> list[Block]:
    """A paragraph whose first line is in ALL CAPS ("PROSECUTION" over its text, with no blank
    line between, as plain-text reports are written) is that heading and the rest."""
    if block.kind is not BlockKind.PARAGRAPH:
        return [block]
    cut = block.line_starts[0] if block.line_starts else len(block.text)
    if not is_capital_heading(block.text[:cut].strip()):
        return [block]
    heading = Block(BlockKind.HEADING, block.text[:cut].strip(), block.line)
    if not block.line_starts:
        return [heading]
    rest = tuple(start - cut for start in block.line_starts[1:])
    return [heading, Block(BlockKind.PARAGRAPH, block.text[cut:], block.line + 1, rest)]


def _cut_short(tokens: list[Token], text: str) -> bool:
    """Whether the parse ended before the text did: no text read from its last line."""
    last = len(text.rstrip().split("\n"))
    containers = ("bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open")
    read = (token.map[1] for token in tokens if token.map and token.type not in containers)
    return max(read, default=0) < last


def _plain_text(inline: Token) -> tuple[str, tuple[int, ...]]:
    """The words of an inline token (emphasis, links and images reduced to their text),
    and the offsets where each further source line begins."""
    parts: list[str] = []
    line_starts = []
    length = 0
    for child in inline.children or ():
        if child.type in ("text", "code_inline", "image"):
            parts.append(child.content)
            length += len(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
            length += 1
            line_starts.append(length)
    return "".join(parts), tuple(line_starts)


def markdown_html(markdown: str) -> str:
    """HTML for Markdown that tipdiff wrote; raw HTML in it is escaped, never passed through,
    and the only links are tipdiff's own, to rows of the page."""
    return _NARRATIVE.render(markdown)
