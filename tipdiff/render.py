"""Rendering: a comparison as JSON or Markdown text. All prose lives in `templates/`."""

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from tipdiff.jsonform import comparison_data
from tipdiff.model import Comparison, Label
from tipdiff.profiles import Profile

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def templates_dir() -> Path:
    """Inside the wheel the templates sit in the package; in a checkout, beside it."""
    here = Path(__file__).parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    return env


def escape_markdown(text: str) -> str:
    """Report text as literal Markdown on one line: its asterisks and brackets are not markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


@dataclass(frozen=True, slots=True)
class ChangesContext:
    """What `changes.md.j2` renders: the comparison, and how to name its sections."""

    comparison: Comparison
    profile: Profile
    Label: type[Label] = Label


def render_markdown(comparison: Comparison, profile: Profile) -> str:
    """Per section: a line of counts, then every change that is not `unchanged`."""
    return environment().get_template("changes.md.j2").render(context=ChangesContext(comparison, profile))


def render_json(comparison: Comparison) -> str:
    return json.dumps(comparison_data(comparison), ensure_ascii=False, indent=2) + "\n"
