"""tipdiff: what changed between two editions of a long yearly report.

import tipdiff
comparison = tipdiff.compare("examples/mexico/2022.txt", "examples/mexico/2023.txt")
print(tipdiff.to_markdown(comparison))
"""

from tipdiff.errors import TipdiffError
from tipdiff.model import Comparison, Label, Narrative, Report
from tipdiff.narrative import narrate
from tipdiff.pipeline import compare, load_report, parse_report
from tipdiff.profiles import GENERIC, Profile
from tipdiff.profiles.tip import TIP
from tipdiff.render import render, to_html, to_json, to_markdown

__version__ = "0.2.0"

__all__ = [
    "GENERIC",
    "TIP",
    "Comparison",
    "Label",
    "Narrative",
    "Profile",
    "Report",
    "TipdiffError",
    "__version__",
    "compare",
    "load_report",
    "narrate",
    "parse_report",
    "render",
    "to_html",
    "to_json",
    "to_markdown",
]
