"""Web noise: what copies of reports pick up from the pages they were copied from.

BOILERPLATE is page furniture that is never report text, so the sentence splitter drops
it; WEB_NOISE marks sentences that are text, but not the report's (a news wire, a link,
an image address), which `tipdiff check` reports.
"""

import re

BOILERPLATE = re.compile(
    r"(?:(?:twitter|facebook|linkedin|instagram|youtube|pinterest|reddit|whatsapp|e-?mail|print|share|tweet"
    r"|original source can be found here|click here to [\w ]+|read more|advertisement"
    r"|share this (?:article|story|page)|skip to (?:main )?content|back to top)\b\W*)+",
    re.IGNORECASE,
)
"""A whole unit that is page furniture ("Twitter.", "Original source can be found here.",
"Share this page Back to Top")."""

WEB_NOISE = re.compile(
    r"https?://|www\.\w|\.(?:jpe?g|png|gif|svg|webp)\b"
    r"|\((?:AP|Reuters|AFP|UPI)\)\s*[—–-]"  # a news wire's dateline
    r"|[—–-]\s*The (?:Huffington Post|New York Times|Washington Post|Guardian)\b"
    r"|\b(?:copyright ©?|all rights reserved|privacy policy|terms of (?:use|service)|cookie policy"
    r"|sign up for|subscribe to our|related articles?)\b",
    re.IGNORECASE,
)
"""Something in a sentence that shows it came from a web page, not from the report."""
