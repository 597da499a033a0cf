"""English words that tell what a number is, shared by every report family.

A family's own words (what it counts, for whom) are in its profile's lexicon; these are
the grammar around them: prepositions, time units, qualifiers, words that cite.
"""

STOPS = frozenset(
    """in of from for to on at with by during between among across into under over per through throughout
    within without against after before since until via including and or but nor while whereas as than
    who which that whom whose where when were was are is be been being had has have do did does will would
    could should may might must can not also each all both either nationwide countrywide worldwide
    respectively annually overall""".split()
)
"""Words that end the noun phrase after a number: "744 victims | in 2021"."""
PREPOSITIONS = frozenset(
    "in of from for to on at with by during between among across into under over per through within against via".split()
)
DETERMINERS = frozenset("a an the its their his her this these those any all some such".split())
TIME_UNITS = frozenset("year years month months week weeks day days hour hours decade decades".split())
MONTHS = frozenset("january february march april may june july august september october november december".split())
CITING = frozenset(
    """article articles law laws decree decrees section sections chapter title act bill resolution paragraph
    clause rule order no no. nos number item phase tier category grade route flight convention protocol annex
    appendix table figure page pp p vol volume case code""".split()
)
"""Words before a number that make it part of a name or a citation ("Article 10", "Tier 2")."""
AGE_BEFORE = ("older than", "younger than", "over the age of", "under the age of", "aged", "ages", "age of")
QUALIFIERS = (
    "no fewer than", "no more than", "as many as", "more than", "fewer than", "less than", "at least", "at most",
    "up to", "an estimated", "approximately", "about", "around", "nearly", "almost", "roughly", "close to",
    "over", "under", "only", "estimated", "some",
)  # fmt: skip
"""Words before a number that say how exact it is, longest first."""
PARTS = frozenset("including include includes included among".split())
"""Words that open the parts of a total ("75 traffickers, including 65 sex traffickers")."""
GENERIC_SUBJECTS = frozenset(
    "government governments authorities authority officials courts judges prosecutors police it they he she we".split()
)
"""Subjects too general to name in a label: "the government identified 440 victims"."""
COPULAS = frozenset("were was are is been be being".split())
MODALS = frozenset("to could would can will may might must should did does do".split())
"""Words after which a bare word is a verb ("could accommodate 50 victims")."""
RELATIVES = frozenset("that which who whom whose".split())
HAVE = frozenset("had has have having with".split())
IRREGULAR = {
    "made": "made", "making": "made", "had": "had", "having": "had", "held": "held", "holding": "held",
    "found": "found", "finding": "found", "gave": "given", "giving": "given", "took": "taken", "taking": "taken",
    "sent": "sent", "sending": "sent", "paid": "paid", "paying": "paid", "brought": "brought",
    "bringing": "brought", "led": "led", "leading": "led", "met": "met", "ran": "run", "running": "run",
    "sold": "sold", "selling": "sold", "spent": "spent", "got": "got", "kept": "kept", "keeping": "kept",
    "built": "built", "began": "begun", "won": "won", "lost": "lost", "told": "told", "saw": "seen",
    "seeing": "seen", "left": "left", "put": "put", "set": "set", "chose": "chosen", "wrote": "written",
    "froze": "frozen", "freezing": "frozen", "rose": "risen", "fell": "fallen", "grew": "grown",
    "hold": "held", "make": "made", "give": "given", "take": "taken", "find": "found", "send": "sent",
    "pay": "paid", "bring": "brought", "lead": "led", "meet": "met", "run": "run", "sell": "sold",
    "spend": "spent", "get": "got", "keep": "kept", "build": "built", "begin": "begun", "win": "won",
    "lose": "lost", "tell": "told", "see": "seen", "leave": "left", "choose": "chosen", "write": "written",
    "freeze": "frozen", "grow": "grown", "have": "had", "do": "done", "go": "gone", "come": "come",
}  # fmt: skip
"""Verb forms whose past participle is not the word + "ed"."""
_PAST = frozenset(
    "made had held found gave took sent paid brought led met ran sold spent got kept built began won lost told saw "
    "left put set chose wrote froze rose fell grew".split()
)
"""Irregular past forms, verbs by themselves; the bare forms ("hold") are verbs only after "to"."""
NOT_VERBS = frozenset(
    """trafficking training funding housing screening during including according remaining following ongoing
    pending concerning regarding building meeting hearing offering understanding sentencing policing
    counseling processing begging vending mining manufacturing something nothing anything everything
    evening morning hundred kindred unspecified specified specialized limited related united based alleged
    suspected detailed qualified interested concerned advanced varied organized required indeed
    exceed proceed succeed wedding being""".split()
)
"""Words that end like verbs ("-ing", "-ed") but are not verbs where numbers stand."""


def is_verb(word: str) -> bool:
    """A verb form, by its shape: the readers have no part-of-speech tagger."""
    if word in COPULAS or word in _PAST:
        return True
    if word in IRREGULAR:
        return word.endswith("ing")  # a bare form ("hold") is a verb only after "to" or a modal
    return len(word) > 4 and "-" not in word and word.endswith(("ed", "ing")) and word not in NOT_VERBS


def participle(word: str) -> str:
    """The past participle of a verb form: "identifying" -> "identified", "prosecutes" -> "prosecuted"."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if word.endswith("ed"):
        return word
    stem = word.removesuffix("ing")
    if stem.endswith("y") and stem[-2:-1] not in "aeiou":
        return stem[:-1] + "ied"
    return stem + ("d" if stem.endswith("e") else "ed")


def plural(noun: str) -> str:
    """A noun's plural, so that "1 victim" and "2 victims" count one thing."""
    if noun.endswith(("s", "men", "ren", "people", "personnel", "staff", "police")):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"
