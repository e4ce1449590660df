"""Account names and profile links that the general patterns leave, or leave in pieces.

Three shapes, each cheap to look for:

* a profile link on a social platform ("fb.com/sara.h.3", "tiktok.com/@x/video/1") goes
  whole, before the account name inside it can take a piece and leave the rest;
* a dotted or underscored account name ("noor.x.03", "amiir.k_08") and a Discord tag
  ("ShadowKing#4821");
* the word after "användarnamn", "nick", "gamertag" … and "är", "heter" or a colon
  ("användarnamnet där är Wolfsangel88"), unless it is an ordinary Swedish word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from varna.deid.model import Span
from varna.deid.names import Token, WordClass, lower_text, lower_words

_SOCIAL_DOMAINS = ("facebook.com", "fb.com", "instagram.com", "instagr.am", "tiktok.com", "youtube.com",
                   "youtu.be", "snapchat.com", "twitter.com", "x.com", "twitch.tv", "discord.gg",
                   "discord.com", "reddit.com", "t.me", "linkedin.com", "vk.com", "kick.com", "threads.net",
                   "onlyfans.com", "steamcommunity.com", "spotify.com", "soundcloud.com", "pinterest.com",
                   "linktr.ee", "vsco.co", "wa.me", "bsky.app", "tellonym.me", "ask.fm")
_PROFILE = re.compile(
    r"(?<![\w.\-@/])(?:https?://)?(?:[\w\-]+\.)*(?:"
    + "|".join(re.escape(d) for d in _SOCIAL_DOMAINS)
    + r")/[^\s<>\"'”»)]+", re.IGNORECASE)
# Letters, then at least one more part after a dot or an underscore; possessive, so an
# e-mail's local part ("sara.k_9@…") is never matched in part.
_DOTTED = re.compile(r"(?<![\w@./\-:#])[^\W\d_][^\W_]*+(?:[._][^\W_]++)++(?![\w@/#]|\.[^\W_])")
# Where a dot or an underscore is glued between two letters or digits; the few such places
# are where an account name can be, so the full shape is tried only from there.
_GLUE = re.compile(r"[._]")
_BACK = re.compile(r"[\w.]{0,40}$")
_DISCORD_TAG = re.compile(r"(?<![\w@./#\-])[\w.]{2,32}#\d{4}(?![\w#])")
_ACCOUNT_CUE = re.compile(
    r"\b(?:användarnamn(?:et)?|kontonamn(?:et)?|profilnamn(?:et)?|nick(?:namn)?(?:et)?|nickname|gamertag|"
    r"username)(?:\s+(?:där|då|nu|numera|förut|på\s+\w+))?\s*(?:[:=]|\s(?:är|e|var|va|heter|hette))\s*"
    r"@?([^\W_][\w.\-#]{1,39})", re.IGNORECASE)
# "hans insta e samii.official", "kik: jonte.b": the word after a platform and a copula, in
# the colloquial spelling the general patterns do not read ("e", "va").
_PLATFORM_CUE = re.compile(
    r"\b(?:snap|snapchat|insta|instagram|ig|tiktok|kik|discord|telegram|twitter|facebook|twitch|steam|psn)"
    r"(?:[- ]?(?:namn|namnet|konto|kontot|nick))?\s+(?:e|va)\s+@?([^\W_][\w.\-]{1,39})", re.IGNORECASE)
_PLATFORM_STEMS = ("snap", "insta", "ig ", "tiktok", "kik", "discord", "telegram", "twitter", "facebook",
                   "twitch", "steam", "psn")
_ACCOUNT_CUE_STEMS = ("användarnamn", "kontonamn", "profilnamn", "nick", "gamertag", "username")
# Abbreviations written without a space before a number ("kap.3", "tel.070…", "sid.12").
_NOT_ACCOUNT_HEADS = frozenset({
    "kap", "sid", "tel", "nr", "avd", "lgh", "ver", "art", "bil", "tfn", "mob", "tr", "st", "dnr", "ref",
    "kl", "ca", "fig", "tab", "bl", "ex", "obs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dec", "mån", "tis", "ons", "tors", "tor", "fre", "lör", "sön", "vecka", "v", "www",
    "punkt", "bilaga", "paragraf", "kapitel", "sida", "steg", "rum", "plan", "hus", "läs", "sal"})


# Words after "insta e …" that say something about the account, not its name.
_NOT_ACCOUNTS = frozenset({"privat", "hemligt", "borta", "nytt", "ny", "låst", "stängt", "raderat", "fake",
                           "typ", "bara", "inte", "samma", "hans", "hennes", "min", "din", "den", "det"})


def _account_shape(value: str) -> bool:
    """"noor.x.03", "amiir.k_08": an underscore, or a dotted name that ends in a number."""
    if len(value) < 5:
        return False
    head = re.split(r"[._]", value, maxsplit=1)[0].lower()
    if head in _NOT_ACCOUNT_HEADS:
        return False
    if "_" in value:
        return True
    return len(head) >= 3 and any(c.isdigit() for c in value)


# Where a platform cue can start, found in the lower-cased text without IGNORECASE, which
# lets Python's engine skip straight to the first letters of the platform names.
_PLATFORM_CUE_LEAD = re.compile(_PLATFORM_CUE.pattern.removeprefix(r"\b(?:").partition(")")[0])
# Letters that IGNORECASE matches to an ASCII letter although ``str.lower`` does not map them to it.
_UNFOLDED = ("\u0131", "\u017f")  # dotless i, long s


def _cue_matches(cue: re.Pattern[str], text: str, lowered: str) -> Iterator[re.Match[str]]:
    """Like ``cue.finditer(text)``; the platform cue is tried only where a platform name starts."""
    if cue is not _PLATFORM_CUE or len(lowered) != len(text) or any(map(text.__contains__, _UNFOLDED)):
        yield from cue.finditer(text)
        return
    position = 0
    while True:
        hit = _PLATFORM_CUE_LEAD.search(lowered, position)
        if hit is None:
            return
        match = cue.match(text, hit.start())
        if match is None:
            position = hit.start() + 1
        else:
            yield match
            position = match.end()


# The cues start where a word starts, with a word that starts so ("nickname", "instakonto").
_ACCOUNT_CUE_WORDS = WordClass(lambda word: word.startswith(_ACCOUNT_CUE_STEMS))
_PLATFORM_CUE_WORDS = WordClass(lambda word: word.startswith(_PLATFORM_STEMS) or word.startswith("ig"))


def handles(text: str, is_word: Callable[[str], bool], tokens: list[Token] | None = None) -> Iterator[Span]:
    """Account names and profile links in ``text``; ``is_word`` tells an ordinary Swedish word.

    ``tokens``, the words of ``text`` when the caller has them, lets cues be looked for only
    in texts that hold a word they start with.
    """
    lowered = lower_text(text)
    if "/" in text and any(map(lowered.__contains__, _SOCIAL_DOMAINS)):  # a profile link has a path
        for match in _PROFILE.finditer(text):
            value = match.group().rstrip(".,;:!?")
            yield Span(match.start(), match.start() + len(value), "url", key=f"url:{value.lower()}",
                       priority=83)
    reached = -1
    last = len(text) - 1
    for glue in _GLUE.finditer(text):
        at = glue.start()
        if at < reached or at == 0 or at == last or not (text[at - 1].isalnum() and text[at + 1].isalnum()):
            continue
        back = _BACK.search(text, max(0, glue.start() - 40), glue.start())
        start = back.start() if back is not None else glue.start()
        while start < glue.start() and not text[start].isalpha():
            start += 1  # an account name opens with a letter: "9b.amir_k" starts at "amir"
        shape = _DOTTED.match(text, start)
        if shape is None:
            continue
        reached = shape.end()
        value = shape.group()
        if _account_shape(value):
            yield Span(shape.start(), shape.end(), "handle", key=f"@{value.lower()}", priority=83)
    if "#" in text:
        for match in _DISCORD_TAG.finditer(text):
            yield Span(match.start(), match.end(), "handle", key=f"@{match.group().lower()}", priority=83)
    cues = []
    words = lower_words(tokens) if tokens is not None else None
    if (any(map(lowered.__contains__, _ACCOUNT_CUE_STEMS)) if words is None
            else _ACCOUNT_CUE_WORDS.among(words)):
        cues.append(_ACCOUNT_CUE)
    if (any(map(lowered.__contains__, _PLATFORM_STEMS)) if words is None
            else _PLATFORM_CUE_WORDS.among(words)):
        cues.append(_PLATFORM_CUE)
    for cue in cues:
        for match in _cue_matches(cue, text, lowered):
            value = match.group(1).rstrip(".,:;!?-")
            if len(value) < 2 or (value.isalpha() and (is_word(value) or value.lower() in _NOT_ACCOUNTS)):
                continue
            yield Span(match.start(1), match.start(1) + len(value), "handle", key=f"@{value.lower()}",
                       priority=83)
