"""Text shown to a person (a terminal, the HTML report) with the characters that would change
what is shown around them made visible, as ``⟨U+202E⟩``: terminal control sequences, and the
bidirectional overrides and isolates that reorder the text that follows them."""

from __future__ import annotations

import re

#: Bidirectional embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
RE_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
#: What a terminal would act on rather than print: C0 controls but tab and newline, DEL, C1
#: controls (U+009B is a one-character escape sequence), and the bidirectional controls.
RE_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def _visible(m: re.Match) -> str:
    return f"\u27e8U+{ord(m.group()):04X}\u27e9"


def show_bidi(text: str) -> str:
    """``text`` with every bidirectional control written as ``⟨U+XXXX⟩``."""
    return RE_BIDI.sub(_visible, text)


def terminal_safe(text: str) -> str:
    """``text`` with every character a terminal would act on (see RE_TERMINAL_UNSAFE) written
    as ``⟨U+XXXX⟩``; tabs and line breaks are kept."""
    return RE_TERMINAL_UNSAFE.sub(_visible, text)
