"""Function words whose change changes the meaning: "and" for "or" joins the parts as another
condition ("a digit and ends" / "or ends"), and "to be" before a verb of sending puts as still to be
done what the other reading records as done ("Extracts to be sent:" / "Extracts sent:")."""

from __future__ import annotations

from provenance.knowledge.values import is_number_word


#: the verbs of sending a document's copies and excerpts, as a distribution's heading writes them: "to be
#: sent" there is the plan, "sent" the record that it was done (elsewhere "to be agreed" / "agreed" may
#: say one thing)
_SENDING = frozenset("sent dispatched issued distributed forwarded handed delivered transmitted circulated".split())


def function_change(gone, new, a_words, b_words, a_ctx, b_ctx) -> str | None:
    """Why a change of function words only changes the meaning, or None. ``gone``/``new``: the words of
    each reading the other lacks (counters); ``a_ctx``/``b_ctx``: the words around each reading, or a
    function returning them."""
    if gone["and"] != new["and"] and gone["or"] != new["or"] and (gone["and"] > 0) != (gone["or"] > 0):
        return "the parts joined otherwise (and / or)"
    for words, ctx, other in ((a_words, a_ctx, b_words), (b_words, b_ctx, a_words)):
        low = [w.lower() for w in words]
        if why := _limit(low, ctx, other):
            return why
        if low[-2:] == ["to", "be"] and "be" not in (w.lower() for w in other):
            after = (ctx() if callable(ctx) else ctx)[1]
            if after and after[0].lower() in _SENDING:
                return f"to be done or done (to be {after[0]} / {after[0]})"
    return None


def _limit(low: list[str], ctx, other: list[str]) -> str | None:
    """"up to" before a figure that the other reading states without it ("reduced by 5" / "reduced by up
    to 5"): the figure becomes the most there may be, not what there is."""
    for k in range(len(low) - 1):
        if low[k:k + 2] == ["up", "to"] and "up" not in (w.lower() for w in other):
            after = low[k + 2:k + 3] or [w.lower() for w in (ctx() if callable(ctx) else ctx)[1][:1]]
            if after and (after[0][:1].isdigit() or is_number_word(after[0])):
                return f"a limit set on the figure (up to {after[0]})"
    return None
