"""Fixtures shared by the test modules: the example reports, loaded once per session."""

from pathlib import Path

import pytest

import tipdiff
from tipdiff.model import Report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--all", action="store_true", help="also run the slow and network tests (what CI runs)")


def pytest_configure(config: pytest.Config) -> None:
    """The default run is the quick one (under a minute); `--all` or any `-m` chooses otherwise."""
    config.addinivalue_line("markers", "slow: takes seconds each (hostile input, whole PDFs, property search)")
    config.addinivalue_line("markers", "network: needs a package index (builds and installs the wheel)")
    named = any("::" in arg for arg in config.args)  # a test asked for by name runs whatever its marks
    if not config.getoption("--all") and not config.option.markexpr and not named:
        config.option.markexpr = "not slow and not network"


@pytest.fixture(scope="session")
def examples() -> Path:
    """The folder of example reports."""
    return EXAMPLES


@pytest.fixture(scope="session")
def all_reports(examples: Path) -> dict[str, Report]:
    """Every example report by file stem ("2022", "2010-wikipedia"), loaded the way a user loads them."""
    return {path.stem: tipdiff.load_report(path) for path in sorted(examples.glob("*.txt"))}


@pytest.fixture(scope="session")
def report_2022(all_reports: dict[str, Report]) -> Report:
    return all_reports["2022"]


@pytest.fixture(scope="session")
def report_2023(all_reports: dict[str, Report]) -> Report:
    return all_reports["2023"]


PAIRS = [
    (old, new)
    for old in ("2010-wikipedia", "2018-web-scrape", "2021-protection-excerpt", "2022", "2023")
    for new in ("2010-wikipedia", "2018-web-scrape", "2021-protection-excerpt", "2022", "2023")
    if old != new
]
"""Every ordered pair of example reports: each must give a sensible result."""


@pytest.fixture(scope="session")
def narrated(all_reports: dict[str, Report]):  # type: ignore[no-untyped-def]
    """(old stem, new stem) -> (comparison, narrative), each made once per session."""
    made: dict[tuple[str, str], tuple[tipdiff.Comparison, tipdiff.Narrative]] = {}

    def narrate(old: str, new: str) -> tuple[tipdiff.Comparison, tipdiff.Narrative]:
        if (old, new) not in made:
            comparison = tipdiff.compare(all_reports[old], all_reports[new])
            made[old, new] = (comparison, tipdiff.narrate(comparison))
        return made[old, new]

    return narrate
