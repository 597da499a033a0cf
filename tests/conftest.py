"""Fixtures shared by the test modules: the example reports, loaded once per session."""

from pathlib import Path

import pytest

import tipdiff
from tipdiff.model import Report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "mexico"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds and installs the wheel (deselect with -m 'not slow')")


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
