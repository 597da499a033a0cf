"""The README covers every command, option and output format the CLI has."""

import re
from pathlib import Path

import pytest
import typer.main

from tipdiff.cli import COMPARE_FORMS, app

README = Path(__file__).resolve().parent.parent / "README.md"
COMMANDS = typer.main.get_command(app).commands  # type: ignore[attr-defined]
"""The commands of the `tipdiff` script by name, as click sees them."""


@pytest.fixture(scope="module")
def readme() -> str:
    text = README.read_text(encoding="utf-8") if README.is_file() else ""
    if not re.search(r"^## ", text, re.MULTILINE):
        pytest.skip("README.md has no sections yet")
    return text


def mentioned(option: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def test_there_are_commands() -> None:
    assert "compare" in COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_documented(readme: str, name: str) -> None:
    assert f"tipdiff {name}" in readme


@pytest.mark.parametrize(
    ("name", "option"),
    [
        (name, param.name)
        for name, command in sorted(COMMANDS.items())
        for param in command.params
        if param.param_type_name == "option"
    ],
)
def test_option_is_documented(readme: str, name: str, option: str) -> None:
    (param,) = [p for p in COMMANDS[name].params if p.name == option]
    assert any(mentioned(opt, readme) for opt in param.opts), f"none of {param.opts} is in README.md"


@pytest.mark.parametrize("format", COMPARE_FORMS)
def test_output_format_is_documented(readme: str, format: str) -> None:
    assert f"--format {format}" in readme
