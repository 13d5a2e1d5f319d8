"""A regex alternation of many words, written as a trie: "(?:dollar(?:s)?|dinar)" instead of
"dollars|dollar|dinar".

Python's re tries every alternative of a plain alternation at every position of the text; the trie form
tries only the branch the next character selects, which is what makes a 300-word alternation cheap.
The words a pattern finds are the same: at a position, several words can match only when each is a
prefix of the next, and the trie's greedy optional groups try the longest first and give back letters when
what follows (a `\\b`, say) fails, as the longest-first plain alternation does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _key(ch: str) -> str:
    # under re.IGNORECASE "D" and "d" are one branch; a letter whose lower case is two letters keeps its own
    low = ch.lower()
    return low if len(low) == 1 else ch


def word_trie(words: Iterable[str]) -> str:
    """The alternation of `words` (none empty) as a trie pattern, for use with re.IGNORECASE."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(_key(ch), {})
        node[""] = {}  # a word ends here
    return _branches(root)


def _branches(node: dict) -> str:
    arms = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not arms:
        return ""
    body = arms[0] if len(arms) == 1 else f"(?:{'|'.join(arms)})"
    # a word ends here and longer ones go on: the greedy group tries the longer first
    return f"(?:{body})?" if "" in node else body
