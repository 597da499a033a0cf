"""Saved web pages: the page's main text, its headings and lists, without the site around it.

A government page wraps one narrative in menus, breadcrumbs, banners, share buttons and
footers. The page's own landmarks (`<main>`, `<nav>`, `role="navigation"`, ...) and the
names sites give such parts ("cookie-banner", "breadcrumbs") say what to drop; what is
left is read block by block: h1-h6 as headings, a paragraph that is wholly bold (or opens
with a short bold run-in title) as a heading, list items as bullets.
"""

import re
from collections.abc import Iterator

import lxml.etree
import lxml.html

from tipdiff.errors import EmptyReport, NotText
from tipdiff.readers.markup import MarkdownBlock, markdown_document

_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe", "svg",
    "select", "input", "label", "dialog", "menu", "object", "embed", "canvas", "video", "audio", "map",
    "figure", "figcaption",
)  # fmt: skip
"""Never a narrative's prose: a figure and its caption stand beside the text, not in it."""
_DROP_ROLES = {
    "navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog", "menu",
    "doc-endnotes", "doc-footnote", "doc-noteref", "doc-backlink", "doc-pullquote",
}  # fmt: skip
_FURNITURE = re.compile(
    r"(?:^|[-_ ])(?:cookies?|consent|banner|breadcrumbs?|share|sharing|social|menu|nav|navbar|navigation"
    r"|footer|masthead|site-header|skip|sidebar|related|newsletter|subscribe|modal|popup|toolbar|print"
    r"|back-to-top|to-top|pagination|pager|tags|disclaimer|toc|table-of-contents|jump-links|downloads?"
    r"|translate|language-selector|a2a|addtoany|sharethis|pull-?quote|footnotes?|endnotes?|caption"
    r"|wp-caption|photo-credit|teasers?|promo)(?:$|[-_ ])",
    re.IGNORECASE,
)
"""Class or id words that name a site's furniture, never a report's text."""
_BACK_TO_TOP = re.compile(r"^\W*(?:back to top|return to top|top of page|to top|top)\W*$", re.IGNORECASE)
_CONTENTS = re.compile(
    r"^(?:table of contents|contents|on this page|in this (?:section|report)|jump to):?$", re.IGNORECASE
)
_ASIDE_TITLE = re.compile(
    r"^(?:related(?: \w+){0,2}|see also|more (?:from|on|like this)\b.{0,40}|recommended(?: for you)?|read more"
    r"|you may also like|latest(?: news| stories)?|popular(?: stories)?|in the news):?$",
    re.IGNORECASE,
)
_NOTE_MARK = re.compile(r"^\s*\[?(?:\d{1,3}|[*†‡§]|[ivx]{1,4})\]?\s*$")
"""A raised footnote reference ("<sup>1</sup>", "<sup>[3]</sup>")."""
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {
    "p", "div", "li", "dd", "dt", "blockquote", "pre", "td", "th", "section",
    "article", "main", "header", "footer", "ul", "ol", "dl", "table", "tr", "tbody", "thead", "body", "address",
    *_HEADINGS,
}  # fmt: skip
_BOLD = {"strong", "b"}
_PARSER = lxml.html.HTMLParser(huge_tree=True)
"""Without `huge_tree`, libxml2 silently drops what is nested more than 256 deep."""
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def looks_like_html(head: bytes) -> bool:
    """A saved web page starts with its doctype or `<html>`, whatever its name."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    return start.startswith((b"<!doctype html", b"<html")) or (start.startswith(b"<?xml") and b"<html" in head.lower())


def html_markdown(data: bytes, name: str) -> str:
    """The page's main text as Markdown."""
    try:
        root = lxml.html.document_fromstring(_decoded(data, name), parser=_PARSER)
        main = _main(root)
        _drop_furniture(main)
        text = markdown_document(_blocks(main))
    except (lxml.etree.ParserError, ValueError) as error:
        raise NotText(f"{name}: is not a web page tipdiff can read ({error})") from None
    except RecursionError:
        raise NotText(f"{name}: its elements are nested more deeply than tipdiff reads") from None
    if not text.strip():
        raise EmptyReport(f"{name}: a web page with no text in its main part (only menus, scripts or images)")
    return text


def _decoded(data: bytes, name: str) -> str:
    """The page as text, in the charset it declares (UTF-8 when it declares none)."""
    declared = _CHARSET.search(data[:4096])
    for encoding in ((declared.group(1).decode("ascii"),) if declared else ()) + ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        return re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses a declaration inside a str
    raise NotText(f"{name}: is not a web page tipdiff can read")  # cp1252 decodes nearly anything


def _main(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the page's own text: its `<main>`, else its one article, else its body."""
    for query in ("//main", "//*[@role='main']", "//article"):
        found = [element for element in root.xpath(query) if _text_length(element) > 200]
        if found:
            return max(found, key=_text_length)
    return root.find("body") if root.find("body") is not None else root


def _text_length(element: lxml.html.HtmlElement) -> int:
    return len(" ".join(element.text_content().split()))


def _drop_furniture(main: lxml.html.HtmlElement) -> None:
    """Remove, in place, every part of the page that is the site's rather than the report's."""
    doomed = []
    for element in main.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            doomed.append(element)
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        hidden = element.get("hidden") is not None or element.get("aria-hidden") == "true"
        hidden = hidden or bool(re.search(r"display\s*:\s*none", element.get("style", "")))
        if (
            element.tag in _DROP_TAGS
            or element.get("role") in _DROP_ROLES
            or hidden
            or (element is not main and _FURNITURE.search(names))
            or (element.tag == "a" and _BACK_TO_TOP.match(element.text_content() or ""))
            or (element.tag == "sup" and _NOTE_MARK.match(element.text_content() or ""))
            or _is_contents(element)
            or (element is not main and (_mostly_links(element) or _titled_aside(element)))
            or (element.tag in ("header", "footer") and element.getparent() is not None and _outside_article(element))
        ):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text that follows the element


def _is_contents(element: lxml.html.HtmlElement) -> bool:
    """A page's table of contents: its title, or a list whose every item is a link within the page."""
    if element.tag in ("ul", "ol"):
        items = element.findall("li")
        return bool(items) and all(_links_within_page(item) for item in items)
    return element.tag in (*_HEADINGS, "p") and bool(_CONTENTS.match(" ".join(element.text_content().split())))


def _mostly_links(element: lxml.html.HtmlElement) -> bool:
    """A block of many links and little else: a menu, a sidebar, a list of related pages,
    however the site names it. A narrative's paragraphs link a word or two at most."""
    if element.tag not in ("div", "section", "ul", "ol", "table", "p", "dl"):
        return False
    links = element.findall(".//a")
    if len(links) < 5:
        return False
    text = len(" ".join(element.text_content().split()))
    linked = sum(len(" ".join(link.text_content().split())) for link in links)
    return text > 0 and linked > 0.6 * text


def _titled_aside(element: lxml.html.HtmlElement) -> bool:
    """A block that opens with a title such as "Related" or "See also": other pages, not this one."""
    if element.tag not in ("div", "section", "ul", "ol") or not len(element) or not isinstance(element[0].tag, str):
        return False
    return bool(_ASIDE_TITLE.match(" ".join(element[0].text_content().split())))


def _links_within_page(item: lxml.html.HtmlElement) -> bool:
    links = item.findall(".//a")
    text = " ".join(item.text_content().split())
    return (
        bool(links)
        and all(link.get("href", "").startswith("#") for link in links)
        and text == " ".join(" ".join(link.text_content().split()) for link in links)
    )


def _outside_article(element: lxml.html.HtmlElement) -> bool:
    """A page's own header and footer (not an article's, which holds its title)."""
    return not any(ancestor.tag in ("article", "main") for ancestor in element.iterancestors())


def _blocks(main: lxml.html.HtmlElement) -> Iterator[MarkdownBlock]:
    """Headings, bullets and paragraphs in reading order."""
    pieces: list[str] = []
    owner: list[lxml.html.HtmlElement] = []
    last_break: list[int] = []  # where in `pieces` the block's last <br> stands

    def flush() -> Iterator[MarkdownBlock]:
        text = " ".join("".join(pieces).split())
        pieces.clear()
        last_break.clear()
        if text and owner:
            yield from _block(owner, text)

    def walk(element: lxml.html.HtmlElement) -> Iterator[MarkdownBlock]:
        block = element.tag in _BLOCKS
        if block:
            yield from flush()
            owner.append(element)
        if element.tag == "br":
            if last_break and not "".join(pieces[last_break[0] :]).strip():  # two in a row part paragraphs
                yield from flush()
            else:
                last_break[:] = [len(pieces)]
                pieces.append(" ")
        pieces.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                yield from walk(child)
            pieces.append(child.tail or "")
        if block:
            yield from flush()
            owner.pop()

    yield from walk(main)


def _block(owners: list[lxml.html.HtmlElement], text: str) -> Iterator[MarkdownBlock]:
    """One block of text, and what it is from the elements that hold it (innermost last)."""
    element = owners[-1]
    if element.tag in _HEADINGS:
        yield MarkdownBlock("heading", text, _HEADINGS[element.tag])
        return
    if any(owner.tag == "li" for owner in owners):
        yield MarkdownBlock("bullet", text)
        return
    title = _run_in_title(element, text)
    if title is not None:
        yield MarkdownBlock("heading", title, 4)
        rest = text[len(title) :].strip()
        if rest:
            yield MarkdownBlock("paragraph", rest)
        return
    yield MarkdownBlock("paragraph", text)


def _run_in_title(element: lxml.html.HtmlElement, text: str) -> str | None:
    """The title of a paragraph that is wholly bold, or that opens with a short bold title
    ("<strong>PROSECUTION:</strong> The government ..."), else None."""
    if (element.text or "").strip() or not len(element) or element[0].tag not in _BOLD:
        return None
    bold = " ".join(element[0].text_content().split())
    if not bold or not text.startswith(bold):
        return None
    if bold == text:
        return bold if len(bold.split()) <= 12 and not re.search(r"[.;,]$", bold) else None
    titled = bold.endswith(":") or (bold.isupper() and len(bold) > 3)
    return bold if titled and len(bold.split()) <= 8 else None
