"""tipdiff: what changed between two editions of a long yearly report."""

from tipdiff.errors import TipdiffError
from tipdiff.model import Comparison, Label, Report
from tipdiff.pipeline import compare, load_report, parse_report

__all__ = ["Comparison", "Label", "Report", "TipdiffError", "compare", "load_report", "parse_report"]
