"""tipdiff: what changed between two editions of a long yearly report."""

from tipdiff.errors import TipdiffError
from tipdiff.model import Comparison, Label, Narrative, Report
from tipdiff.narrative import narrate
from tipdiff.pipeline import compare, load_report, parse_report

__all__ = [
    "Comparison",
    "Label",
    "Narrative",
    "Report",
    "TipdiffError",
    "compare",
    "load_report",
    "narrate",
    "parse_report",
]
