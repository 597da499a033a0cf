"""Classification: a label for each link, exactly as the annotation guide defines them.

unchanged - the same after normalizing whitespace, quotes, dashes and broken hyphenation;
reworded  - other words, the same numbers (as a multiset);
figures   - at least one number differs;
added / removed - nothing on the other side.
A revised pair also carries its word diff, the numbers that changed, and what those
changes mean measure by measure (`facts.pairing`).
"""

from collections import Counter

from tipdiff.facts.pairing import Known, changed_figures, compare_facts
from tipdiff.model import Change, Label, Link, Sentence
from tipdiff.worddiff import word_diff


def classify(link: Link, old: tuple[Sentence, ...], new: tuple[Sentence, ...], known: Known) -> Change:
    """The change a link stands for; `known` is what the two whole reports state."""
    olds = tuple(old[i] for i in link.old)
    news = tuple(new[j] for j in link.new)
    if not olds or not news:
        label = Label.ADDED if news else Label.REMOVED
        return Change(label, olds, news, link.moved, link.similarity, (), ())
    if " ".join(s.key for s in olds) == " ".join(s.key for s in news):
        return Change(Label.UNCHANGED, olds, news, link.moved, 1.0, (), ())
    diff = word_diff(" ".join(s.text for s in olds), " ".join(s.text for s in news))
    old_facts = tuple(f for s in olds for f in s.facts)
    new_facts = tuple(f for s in news for f in s.facts)
    facts = compare_facts(old_facts, new_facts, known)
    if Counter(f.key for f in old_facts) == Counter(f.key for f in new_facts):
        return Change(Label.REWORDED, olds, news, link.moved, link.similarity, diff, (), facts)
    figures = changed_figures(old_facts, new_facts, facts, known.step)
    return Change(Label.FIGURES, olds, news, link.moved, link.similarity, diff, figures, facts)
