"""People's names: known names, context, and what this text itself shows.

Three kinds of evidence, tried in order for every word the patterns have not taken:

1. context – a cue ("heter", "kallas", "alias") makes the next word a name whatever it
   looks like; a role or relation word ("mentorn", "kompisen") lets a lower-case name count;
2. knowledge – a word in the name lists (names of every origin common in Sweden) is a
   name unless it is also an ordinary Swedish word in a place where ordinary words stand
   ("Björk" mid-sentence is a name, "björk" is a tree, "Alla" opening a sentence is "all");
   a capitalised word mid-sentence that is no Swedish word at all is a name too;
3. the text itself – once a word is a name in this text, its other forms ("Björks",
   "amir") are names as well, and adjacent names join into one person ("Eva Berg").

Sentence starts are where Swedish capitalises ordinary words, so evidence there must be
stronger; the tests hold the cases that motivated each rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import count
from operator import itemgetter
from typing import ClassVar, NamedTuple

from varna.deid.gazetteer import (
    ACRONYMS,
    CHAT_WORDS,
    CUE_FILLERS,
    CUE_STOPS,
    FREQUENT_WORDS,
    FUNCTION_WORDS,
    KEEP,
    NAME_CUES,
    NAME_PARTICLES,
    ROLE_WORDS,
)
from varna.deid.lexicon import NameInfo, WordList, english, fold, name_forms
from varna.deid.lexicon import names as all_names
from varna.deid.lexicon import proper_nouns as all_proper_nouns
from varna.deid.lexicon import words as all_words
from varna.deid.model import Span

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# Possessive quantifiers: a gap, a word and its parts never give characters back, so the
# engine keeps no backtracking state (the matches are the same).
_GAP_AND_TOKEN = re.compile(r"([\W\d_]*+)([^\W\d_]++(?:['’\-][^\W\d_]++)*+)")
# The same for a text whose characters are all ASCII, Latin-1 or general punctuation (dashes,
# quotes, bullets): there the letters are exactly these ranges, and an explicit class is
# matched several times faster than Python's Unicode category test.
_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"
_LATIN_GAP_AND_TOKEN = re.compile(
    rf"([^{_LATIN_LETTERS}]*+)([{_LATIN_LETTERS}]++(?:['’\-][{_LATIN_LETTERS}]++)*+)")
# A character outside those sets, or a Latin-1 sign that counts as a word character (ª, ², ½).
_NOT_LATIN = re.compile("[^\x00-\x7f\u00a0-\u00a9\u00ab-\u00b1\u00b4\u00b6-\u00b8\u00bb\u00bf-\u00ff"
                        "\u2000-\u206f\u20ac]")
_BOUNDARY = re.compile(r"[.!?\n:;]")
_OPENERS = " \t\"'«»“”(–-•*>"
# Words that follow a subject: an unknown capitalised word before them is a person.
_SUBJECT_VERBS = frozenset({
    "har", "hade", "är", "var", "sa", "sade", "säger", "berättar", "berättade", "kom", "kommer", "gick",
    "går", "ska", "skulle", "vill", "ville", "kan", "kunde", "bor", "bodde", "tycker", "tyckte", "menar",
    "skrev", "skriver", "fick", "får", "blev", "blir", "uppger", "uppgav", "och", "själv", "hotade",
    "hotar", "slog", "började", "börjar", "verkar", "mår", "mådde", "svarar", "svarade", "frågade",
    "frågar", "tog", "tar", "brukar", "vet", "visste", "lever", "levde", "jobbar", "umgås", "träffar",
    "träffade", "hänger", "slutade", "slutar", "vägrar", "vägrade", "verkade", "kände", "känner", "grät",
    "gråter", "skrek", "skriker", "sprang", "springer", "stack", "försvann", "flydde", "flyttade",
    "flyttar", "pratade", "pratar", "nekade", "nekar", "förnekar", "förnekade", "erkände", "erkänner",
    "visade", "visar", "delade", "delar", "postade", "skickade", "skickar", "sparkade", "ringde", "ringer",
    "mejlade", "kontaktade", "kontaktar", "uttryckte", "uttrycker", "tittar", "tittade", "lyssnar",
    "lyssnade", "åkte", "åker", "reste", "reser", "saknas", "saknade", "behöver", "behövde", "önskar",
    "önskade", "måste", "borde", "tänker", "tänkte", "trodde", "gillar", "gillade", "älskar", "hatar",
    "hatade", "umgicks", "spelar", "spelade", "tränar", "tränade", "jobbade", "arbetar", "arbetade",
    "studerar", "studerade", "läser", "läste", "ber", "bad", "sitter", "satt", "dömdes", "greps",
    "häktades", "anmälde", "anmäler", "förklarade", "förklarar", "sms:ade", "kör", "körde",
    "e",  # chat for "är": "lillen e 14"
})


# "hänger med bullen", "umgås med kalle": after these and "med" stands a person.
_COMPANY_VERBS = frozenset({"hänger", "hängde", "umgås", "umgicks", "bråkar", "bråkade", "träffar",
                            "träffade", "snackar", "snackade", "pratar", "pratade", "bor", "bodde", "sover",
                            "sov", "är", "e", "var", "va", "bråkat", "hängt", "umgåtts", "träffat"})


# Chat shorthand that is no dictionary word, so never a name on its shape alone.
_SHORTHAND = frozenset({
    "ngn", "ngt", "ngr", "mkt", "iaf", "ba", "aa", "nåra", "nåre", "mycke", "kmr", "abo", "lixom", "ocks",
    "pga", "lr", "btw", "dvs", "osv", "asså", "aså", "assa", "liksom", "tror", "vet", "fan", "jao", "jaaa",
    "nää", "näe", "mmm", "hmm", "haha", "hahaha", "xd", "idk", "imo", "tbh", "ish", "nvm", "mvh", "tex",
    "bla", "sjuuukt", "ganska", "jätte", "gäri", "shuno", "ewa", "eyy", "yani", "wollah", "vallah", "len",
    "bror", "broder", "kompis", "alla", "nån", "nåt", "nånting", "nåting", "sen", "dom", "dem", "hen"})


_CUE_LINKS = CUE_FILLERS | {"kallar", "sig", "honom", "henne", "dem", "för"}
_CUE_ANY = NAME_CUES | _CUE_LINKS
_CUE_OR_ROLE = _CUE_ANY | ROLE_WORDS
_POSSESSIVES = ("s", "'s", "’s")
_LEADING_PARTICLES = frozenset({"abu", "umm", "bin", "ibn", "bint", "al", "el", "abd", "abdul", "van", "von",
                                "de", "da", "della", "di", "le", "la", "mac", "mc", "o", "ben", "ould"})
_PLATFORM_STEMS = ("insta", "snap", "tiktok", "discord", "kik", "telegram", "whatsapp", "youtube", "facebook",
                   "twitter", "twitch", "messenger", "signal", "threads", "reddit", "steam")
_AND = frozenset({"och", "o", "å", "eller", "samt"})
_GREETINGS = frozenset({"hej", "hejsan", "hallå", "tja", "tjena", "tjenare", "yo", "hey", "hi", "salam",
                        "salaam"})
_OPENS_A_NAME = _CUE_OR_ROLE | _GREETINGS  # the words after which any word may be a name
_CUE_WORDS = NAME_CUES | {"kallar"}
_NAMING_CUES = frozenset({"heter", "hette", "namnet", "förnamn", "förnamnet", "efternamn", "efternamnet",
                          "tilltalsnamn", "tilltalsnamnet"})
_OPENS_WITHOUT_A_CUE = ROLE_WORDS | _GREETINGS
_VERBS_AFTER_A_NAME = _SUBJECT_VERBS - {"och", "själv"}
_DETERMINERS = frozenset({"en", "ett", "den", "det", "min", "din", "sin", "hans", "hennes", "vår", "er",
                          "deras", "denna", "detta", "någon", "något", "ingen", "inget", "varje", "vilken",
                          "vilket", "de"})
_MONTH_NAMES = frozenset({"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                          "september", "oktober", "november", "december"})
_QUOTES = ('"', "'", "”", "“", "«")
_QUOTED_GAPS_BEFORE = frozenset({' "', " '", " “", " ”", " «"})
_QUOTED_GAPS_AFTER = frozenset({'" ', "' ", "” ", "“ ", "» "})
_GROUP_WORDS = frozenset({
    "grupp", "gruppen", "förening", "föreningen", "sida", "sidan", "kanal", "kanalen", "chatt", "chatten",
    "chattgrupp", "chattgruppen", "nätverk", "nätverket", "organisation", "organisationen", "gäng", "gänget",
    "projekt", "projektet", "rörelse", "rörelsen", "band", "bandet", "lag", "laget", "klubb", "klubben",
    "forum", "forumet", "konto", "kontot", "tråd", "tråden", "server", "servern"})


class Token(NamedTuple):
    """One word. A named tuple, built without a Python-level ``__init__``: texts have many words."""

    start: int
    end: int
    text: str
    sentence_start: bool
    gap_before: str  # the characters between the previous token and this one
    lower: str  # the text in lower case, computed once for every detector


_new_token = tuple.__new__


_last_lowered: tuple[str, str] = ("", "")


def lower_text(text: str) -> str:
    """``text.lower()``, remembered for the last text: every detector lower-cases the same text.

    The pair is replaced in one assignment, so a thread never reads another text's lower case.
    """
    global _last_lowered
    last = _last_lowered
    if last[0] is text:
        return last[1]
    lowered = text.lower()
    _last_lowered = (text, lowered)
    return lowered


_last_words: tuple[list[Token] | None, frozenset[str]] = (None, frozenset())
_LOWER = itemgetter(5)  # Token.lower, fetched at C speed


def lower_words(tokens: list[Token]) -> frozenset[str]:
    """The distinct lower-case words of ``tokens``, remembered for the last token list.

    Every ``WordClass`` learns the words it has not seen yet here, once, so that each of
    them answers for this text with one set intersection.
    """
    global _last_words
    last = _last_words
    if last[0] is tokens:
        return last[1]
    found = frozenset(map(_LOWER, tokens))
    WordClass.learn_all(found)
    _last_words = (tokens, found)
    return found


_last_written: tuple[list[Token] | None, frozenset[str]] = (None, frozenset())
_TEXT = itemgetter(2)  # Token.text


def written_words(tokens: list[Token]) -> frozenset[str]:
    """The distinct words of ``tokens`` as written, remembered for the last token list."""
    global _last_written
    last = _last_written
    if last[0] is tokens:
        return last[1]
    found = frozenset(map(_TEXT, tokens))
    _last_written = (tokens, found)
    return found


class WordClass:
    """Which lower-case words pass ``test``, learnt across texts.

    A detector that must look at the few words of a text with some property ("-gatan",
    "skolan", a trigger word) asks ``among(lower_words(tokens))``: the words seen before are
    sorted by C-level set operations, and only new words are tested in Python. All classes
    learn a text's new words together, in ``lower_words``; learning stops at ``LIMIT``
    words, to bound a long-running worker's memory, and then new words are tested per call.
    """

    LIMIT = 100_000
    _classes: ClassVar[list[WordClass]] = []
    _seen: ClassVar[set[str]] = set()  # the words every class has learnt
    _learnt: ClassVar[frozenset[str] | None] = None  # the last word set all have learnt

    def __init__(self, test: Callable[[str], bool]) -> None:
        self.test = test
        self.yes: set[str] = set()
        # A new class has learnt nothing: every word is new again for all of them.
        WordClass._classes.append(self)
        WordClass._seen = set()
        WordClass._learnt = None

    @staticmethod
    def learn_all(words: frozenset[str]) -> None:
        seen = WordClass._seen
        unseen = words - seen
        if unseen:
            if len(seen) >= WordClass.LIMIT:
                WordClass._learnt = None
                return
            for word_class in list(WordClass._classes):
                word_class.yes |= {word for word in unseen if word_class.test(word)}
            seen |= unseen
        WordClass._learnt = words

    def among(self, words: frozenset[str]) -> frozenset[str]:
        if words is WordClass._learnt:
            return words & self.yes
        # Not learnt (a word set from elsewhere, or past the limit): test the new words here.
        unseen = words - WordClass._seen
        return (words & self.yes) | {word for word in unseen if self.test(word)}


class WordsAsWritten:
    """Like ``WordClass``, for words as written ("Lunds"): learnt by this class alone, per call."""

    def __init__(self, test: Callable[[str], bool], limit: int = 100_000) -> None:
        self.test = test
        self.limit = limit
        self.yes: set[str] = set()
        self.seen: set[str] = set()

    def among(self, words: frozenset[str]) -> frozenset[str]:
        unseen = words - self.seen
        if not unseen:
            return words & self.yes
        found = {word for word in unseen if self.test(word)}
        if len(self.seen) < self.limit:
            self.yes |= found
            self.seen |= unseen
        return (words & self.yes) | found


def positions(tokens: list[Token], words: frozenset[str]) -> list[int]:
    """The indices of the tokens whose lower-case form is in ``words``, in order."""
    if not words:
        return []
    return [index for index, lower in enumerate(map(_LOWER, tokens)) if lower in words]


def tokenize(text: str) -> list[Token]:
    """Words with their sentence position; one pass shared by every detector."""
    tokens: list[Token] = []
    append = tokens.append
    boundary = _BOUNDARY.search
    lowered = lower_text(text)
    same_length = len(lowered) == len(text)
    position = 0
    # Gaps and words in one C-level pass: every gap is a run of non-letters, so the word
    # that follows starts right after it.
    pairs = (_GAP_AND_TOKEN if _NOT_LATIN.search(text) else _LATIN_GAP_AND_TOKEN).findall(text)
    if same_length and "\u0307" not in lowered:
        # The common case: every lower-case form is a slice of the lower-cased text.
        ends = _GAP_ENDS_SENTENCE
        for gap, word in pairs:
            start = position + len(gap)
            end = start + len(word)
            position = end
            starts = ends.get(gap)
            if starts is None:
                starts = boundary(gap) is not None
                if len(ends) < 10_000:
                    ends[gap] = starts
            append(_new_token(Token, (start, end, word, starts or not tokens, gap, lowered[start:end])))
        return tokens
    for gap, word in pairs:
        start = position + len(gap)
        end = start + len(word)
        position = end
        starts = not tokens if gap == " " else (not tokens or boundary(gap) is not None)
        lower = lowered[start:end] if same_length else word.lower()
        if "\u0307" in lower:
            lower = fold(word)
        append(_new_token(Token, (start, end, word, starts, gap, lower)))
    return tokens


# Whether a gap between words ends a sentence (holds ".", "!", "?", a line break, ":" or ";").
_GAP_ENDS_SENTENCE: dict[str, bool] = {" ": False}


def _bases(word: str) -> list[tuple[str, str]]:
    """The word itself, then its possessive stem: "Amirs" → ("Amir", "s"), "Amir's" → ("Amir", "'s")."""
    forms = [(word, "")]
    if word.isupper():
        return forms  # "LUCS" is no possessive of "Luc"
    if len(word) > 3 and word[-2:] in ("'s", "’s"):
        forms.append((word[:-2], word[-2:]))
    elif len(word) > 3 and word[-1] in "sS" and word[-2] not in "sS'’-":
        forms.append((word[:-1], word[-1]))
    return forms


def _capitalised(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or not word.isupper() or len(word) >= 3)


_KNOWN_MEMO: dict[tuple[str, bool], tuple[str, str, NameInfo] | None] = {}
def _plain_word(word: str) -> bool:
    return (word in FUNCTION_WORDS or word in CHAT_WORDS or all_words().is_ordinary(word)
            or word in english())


_PLAIN_WORDS = WordClass(_plain_word)
# What ``_decide`` found for a capitalised word in mid-sentence with no cue before it.
_WORD_MEMO: dict[str, tuple[str, str] | None] = {}
# … and for a capitalised word opening a sentence, where that needs no look past the word.
_OPENING_MEMO: dict[str, tuple[str, str] | None] = {}


class NameFinder:
    """Finds people's names in one text; build one per text."""

    def __init__(self, text: str, tokens: list[Token], words: WordList, names: dict[str, NameInfo],
                 proper: frozenset[str], covered: bytearray) -> None:
        self.text = text
        self.words = words
        self.names = names
        self.proper = proper
        self.covered = covered
        self.tokens = tokens
        self.english = english()
        self.cued: set[int] = set()  # tokens a cue made names ("heter X")
        self.base: dict[int, tuple[str, str]] = {}  # token index → (base, possessive suffix)
        self.kept_surnames: set[str] = set()  # kept words ("Lund") this text uses as a surname
        # What ``_known`` found for a word depends only on the word lists: with the package's
        # own lists it is remembered across texts, with any others for this text only.
        default_lists = names is all_names() and words is all_words()
        self.known_memo = _KNOWN_MEMO if default_lists else {}
        default_lists = default_lists and proper is all_proper_nouns()
        self.word_memo = _WORD_MEMO if default_lists else {}
        self.opening_memo = _OPENING_MEMO if default_lists else {}

    # ------------------------------------------------------------ helpers

    def _free(self, token: Token) -> bool:
        return not (self.covered[token.start] or self.covered[token.end - 1])

    def _previous_words(self, index: int, count: int) -> list[str]:
        """Up to ``count`` lower-case words before token ``index`` within its sentence."""
        found: list[str] = []
        while index > 0 and len(found) < count:
            token = self.tokens[index]
            if token.sentence_start:
                break
            index -= 1
            found.append(self.tokens[index].text.lower())
        return found

    def _is_word(self, word: str) -> bool:
        return word.lower() in self.words

    def _keep(self, word: str) -> bool:
        return word in KEEP or word in ACRONYMS or (word[0].islower() and word.capitalize() in KEEP)

    def _unknown_after_role(self, index: int) -> tuple[str, str] | None:
        """"kompisen zorvan", "mamma shirin": after a relation or role, a lower-case word that
        is no Swedish or English word and no chat slang is a name the lists lack."""
        token = self.tokens[index]
        role = self._previous_words(index, 1)
        lower = token.lower
        if (not role or role[0] not in ROLE_WORDS or len(lower) < 3 or not token.text[0].islower()
                or lower in FUNCTION_WORDS or lower in CHAT_WORDS or lower in self.english
                or self.words.is_ordinary(lower)):
            return None
        return token.text, ""

    def _in_company(self, index: int) -> bool:
        """"han hänger med bullen nu": a known name right after "<verb> med"."""
        before = self._previous_words(index, 2)
        return len(before) == 2 and before[0] == "med" and before[1] in _COMPANY_VERBS

    def _unknown_subject(self, index: int) -> tuple[str, str] | None:
        """"zorvan sa att …", "hej zorvan": in chat, a lower-case word that is no Swedish or
        English word, no chat shorthand and no function word, as the subject of a verb
        or greeted, is a name the lists lack."""
        token = self.tokens[index]
        lower = token.lower
        if (len(lower) < 3 or lower in _SHORTHAND or lower.upper() in ACRONYMS or lower in FUNCTION_WORDS
                or lower in CHAT_WORDS
                or lower in self.english or not any(c in "aeiouyåäö" for c in lower)
                or self.words.is_ordinary(lower) or self._colloquial(lower)):
            return None
        previous = self._previous_words(index, 1)
        if previous and previous[0] in _DETERMINERS:
            return None
        greeted = bool(previous) and previous[0] in _GREETINGS
        return (token.text, "") if greeted or self._verb_follows(index) else None

    def _colloquial(self, lower: str) -> bool:
        """"lärarn", "fältarna" (spoken forms), "shia-råttor", "snapchatten": ordinary words."""
        if "-" in lower:
            return any(self.words.is_ordinary(part) for part in lower.split("-") if len(part) >= 3)
        if lower.startswith(_PLATFORM_STEMS):
            return True
        if lower.endswith("rn") and self.words.is_ordinary(lower[:-1] + "en"):
            return True
        for ending in ("arna", "erna", "orna", "na", "en", "et"):
            stem = lower[:-len(ending)]
            if lower.endswith(ending) and len(stem) >= 4 and (stem in self.words or stem + "e" in self.words):
                return True  # "fältarna" from "fältare"
        return False

    def _verb_follows(self, index: int) -> bool:
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return (following is not None and following.gap_before == " "
                and following.lower in _SUBJECT_VERBS and following.lower not in ("och", "själv"))

    def _soft_start(self, token: Token) -> bool:
        """After an opening quote, bracket, dash or bullet a capital letter proves nothing."""
        gap = token.gap_before.rstrip(" \t")
        return bool(gap) and gap[-1] in "\"'«“”(–-•*>/"

    def _ordinary_shape(self, word: str) -> bool:
        """A capitalised word built from ordinary parts, so not a name.

        Covers "Fältgruppen" (a compound), "IS-propaganda" (acronym and word), "SSPsamordnaren"
        (acronym glued to a word) and "Malmökommissionen" (a kept place name and a word).
        """
        if any(self.words.is_ordinary(b) or b in self.proper for b, _ in _bases(word)):
            return True
        if word.lower() in self.english:
            return True
        if "-" in word:
            head, _, tail = word.rpartition("-")
            head_info = self.names.get(head.lower())
            common_head = head_info is not None and head_info.common
            if tail.islower() and self.words.is_ordinary(tail) and not common_head:
                return True
        capitals = len(word) - len(word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZÅÄÖ"))
        if capitals >= 2 and self.words.is_ordinary(word[capitals:]):
            return True
        for cut in range(3, len(word) - 2):
            head, tail = word[:cut], word[cut:].lower()
            if (head in KEEP or head in self.proper) and (tail in self.words or tail[1:] in self.words):
                return True
        return False

    # ------------------------------------------------------------ evidence

    def _after_cue(self, index: int) -> bool:
        if index == 0 or self.tokens[index].sentence_start:
            return False
        before = self._previous_words(index, 3)
        if not before:
            return False
        if before[0] in NAME_CUES or before[0] == "kallar":
            return True
        if before[0] in CUE_FILLERS or before[0] in {"sig", "honom", "henne", "dem", "för"}:
            return len(before) > 1 and (before[1] in NAME_CUES or before[1] == "kallar")
        return False

    def _cued_name(self, index: int) -> tuple[str, str] | None:
        token = self.tokens[index]
        word = token.text
        if word.lower() in CUE_STOPS or word.lower() in CUE_FILLERS:
            return None
        quoted = token.gap_before.rstrip().endswith(('"', "'", "”", "“", "«"))
        if word[0].islower() and not quoted and self.words.is_ordinary(word) and not (
                fold(word) in self.names and token.lower not in self.words) and not (
                self._named_by(index) and token.lower not in FUNCTION_WORDS
                and token.lower not in CHAT_WORDS and token.lower not in _SHORTHAND):
            return None  # "kallas för nazist" is an insult, not a nickname; "heter andreas" is
            # a name even though "and|reas" splits into words, and "heter sanna" is one too
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        multiword = following is not None and following.gap_before == " " and _capitalised(following.text)
        if self._keep(word) and not (multiword or quoted):
            return None  # "heter Sverige" is no name, "heter Polska Patrioter" is
        self.cued.add(index)
        return self._best_base(word)

    def _named_by(self, index: int) -> bool:
        """Whether the cue before token ``index`` gives a name ("heter", "förnamn"), not a
        nickname or a label that may be an insult ("kallas", "alias")."""
        return any(word in _NAMING_CUES for word in self._previous_words(index, 3))

    def _best_base(self, word: str) -> tuple[str, str]:
        for base, suffix in _bases(word):
            if fold(base) in self.names:
                return base, suffix
        return word, ""

    def _known(self, word: str, opening: bool = False) -> tuple[str, str, NameInfo] | None:
        """The name this word is or is the possessive of; opening a sentence, "Finns" is no "Finn's"."""
        memo = self.known_memo
        key = (word, opening)
        if key in memo:
            return memo[key]
        found = self._look_up(word, opening)
        if len(memo) < 50_000:
            memo[key] = found
        return found

    def _look_up(self, word: str, opening: bool) -> tuple[str, str, NameInfo] | None:
        forms = _bases(word)
        if opening and len(forms) > 1 and word.lower() in self.words:
            forms = forms[:1]
        found = [(base, suffix, info) for base, suffix in forms
                 if (info := self.names.get(fold(base))) is not None]
        # "Johns" is a rare surname but more often John's: the reading common in Sweden wins.
        return next((f for f in found if f[2].common), found[0] if found else None)

    def _decide(self, index: int) -> tuple[str, str] | None:
        token = self.tokens[index]
        word = token.text
        lower = token.lower
        previous = self.tokens[index - 1].lower if index and not token.sentence_start else ""
        cue_near = previous in _CUE_ANY
        if (word[0].islower() and previous not in _CUE_OR_ROLE and lower not in self.names
                and lower[:-1] not in self.names and previous not in _GREETINGS
                and not self._verb_follows(index)):
            return None  # the common case, first: an ordinary lower-case word
        if len(word) < 2 or not self._free(token):
            return None
        text = self.text
        glued_before = token.start > 0 and text[token.start - 1].isdigit()
        if glued_before or (token.end < len(text) and text[token.end].isdigit()):
            return None  # part of "3D-film", "5G", "mp3": not a word on its own
        if cue_near and self._after_cue(index):
            return self._cued_name(index)
        opening = token.sentence_start or self._soft_start(token)
        if not _capitalised(word):
            return self._decide_word(index, opening)
        # A capitalised word with no cue before it is decided by the word alone in
        # mid-sentence, and opening a sentence unless what follows it counts: remembered
        # like ``_known``.
        memo = self.opening_memo if opening else self.word_memo
        if word in memo:
            return memo[word]
        found = self._decide_word(index, opening)
        if (not opening or self._opening_alone(word)) and len(memo) < 50_000:
            memo[word] = found
        return found

    def _opening_alone(self, word: str) -> bool:
        """Whether ``_decide_word`` decides a capitalised ``word`` opening a sentence without
        looking past it: it does unless the word is a frequent word that is also a name
        ("Hans har …") or an unknown word shaped like a name ("Zorvan, 15 år")."""
        if self._keep(word) or (self._keep(word.rstrip("s")) and word.endswith("s")):
            return True
        if fold(word) in FUNCTION_WORDS:
            return True
        known = self._known(word, True)
        if known is not None:
            return known[0].lower() not in FREQUENT_WORDS
        return word.isupper() or len(word) < 3 or self._ordinary_shape(word)

    def _decide_word(self, index: int, opening: bool) -> tuple[str, str] | None:
        """``_decide`` past the checks of the word's surroundings (digits, cover, cue)."""
        token = self.tokens[index]
        word = token.text
        lower = token.lower
        if self._keep(word) or (self._keep(word.rstrip("s")) and word.endswith("s")):
            return None
        if lower in FUNCTION_WORDS:
            return None  # "Alla", "Finns", "De": never a name without a cue
        known = self._known(word, opening)
        if _capitalised(word):
            if known is not None:
                base, suffix, info = known
                if base.lower() in FREQUENT_WORDS and (opening or word.isupper()):
                    # "Hans bror …" is "his"; "Hans har …" is a man: a possessive or an adverb
                    # is never followed straight by a finite verb.
                    month = base.lower() in _MONTH_NAMES  # "Maj är en fin månad"
                    return (base, suffix) if opening and not month and self._verb_follows(index) else None
                if word.isupper() and (len(base) < 3 or self._is_word(base)):
                    return None
                if not self._is_word(base):
                    if not info.common and (len(base) < 3 or base.lower() in self.english):
                        return None  # a rare name that is an English word: "Early", "Hope"
                    return base, suffix
                # A name that is also an ordinary word ("Björk", "Berg", "Lisa") counts where
                # Swedish would not capitalise the word; opening a sentence, only if it is a
                # name common in Sweden ("Stark sekretess" in a heading stays).
                if opening and base.lower() in ROLE_WORDS:
                    return None  # "Bror till …", "Mamma ringde": the relation, not the name Bror
                return (base, suffix) if info.common or not opening else None
            if word.isupper() or len(word) < 3:
                return None
            if self._ordinary_shape(word):
                return None
            if not opening:
                return self._best_base(word)
            following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            if following is not None and not following.sentence_start and (
                    following.text.lower() in _SUBJECT_VERBS or (self._known(following.text) is not None
                    and _capitalised(following.text))):
                return self._best_base(word)
            # "Zorvan, 15 år, …", "Zorvan (15) …": a name opening a note, set off by a comma
            # or a bracket; chat slang ("Asså, …") is no name.
            after = self.text[token.end:token.end + 2]
            if after[:1] in (",", "(") or after == " (":
                return None if lower in CHAT_WORDS else self._best_base(word)
            return None
        # Lower case: chat and quick notes ("amir sa att …").
        if known is None:
            return self._unknown_after_role(index) or self._unknown_subject(index)
        base, suffix, info = known
        if len(base) < 3 or base.lower() in FREQUENT_WORDS:
            return None
        role = self._previous_words(index, 1)
        if lower in self.words or base.lower() in self.words or base.lower() in CHAT_WORDS:
            # "björn sa att …", "klara skrev …", "sunna har …": a common name that is also a word
            # or chat slang, as the subject of a verb and not after an article or a possessive,
            # is the name.
            if (info.common and not suffix and self._verb_follows(index) and lower not in ROLE_WORDS
                    and not (role and role[0] in _DETERMINERS)):
                return base, suffix
            if not suffix and self._in_company(index):
                return base, suffix
            return None
        if info.common or (role and role[0] in ROLE_WORDS):
            return base, suffix
        return None

    # ------------------------------------------------------------ the text's own evidence

    def _repeat(self, index: int, known: set[str]) -> tuple[str, str] | None:
        token = self.tokens[index]
        word = token.text
        lower = token.lower
        if lower not in known and lower[:-1] not in known and lower[:-2] not in known:
            return None
        if not self._free(token) or (self._keep(word) and fold(word) not in self.kept_surnames):
            return None
        for base, suffix in _bases(word):
            if fold(base) not in known:
                continue
            if _capitalised(word) or not self._is_word(base):
                return base, suffix
        return None

    def _speakers(self) -> dict[int, tuple[str, str]]:
        """Who speaks in a pasted chat ("linnea: ja", "fältare lisa: nej"): a known name.

        The patterns take speakers that are no Swedish word as account names; a name that is
        also a word ("linnea", "per", "sanna") is left to this rule, which needs at least two
        lines opening "word: " and the speaker to be in the name lists.
        """
        text = self.text
        if text.count(": ") < 2:
            return {}
        found: dict[int, tuple[str, str]] = {}
        lines = 0
        for index, token in enumerate(self.tokens):
            if text[token.end:token.end + 2] != ": ":
                continue
            line_start = index == 0 or "\n" in token.gap_before
            # one word, a role, may stand before the name: "fältare lisa: …", "mentor Eva: …"
            after_role = (index > 0 and token.gap_before == " "
                          and (index == 1 or "\n" in self.tokens[index - 1].gap_before))
            if not (line_start or after_role):
                continue
            lines += 1
            info = self.names.get(fold(token.text))
            if info is not None and info.common and self._free(token) and not self._keep(token.text):
                found[index] = (token.text, "")
        return found if lines >= 2 else {}

    def find(self) -> list[Span]:
        forms = name_forms()
        tokens = self.tokens
        decided = self._speakers()
        # Module-level sets bound to locals: this loop runs once for every word of the text.
        # A link word ("för", "sig", "honom") opens a name only after a cue ("kallas för X"):
        # in a text with no cue the word after it is decided as if the link were not there.
        # "och" and "själv" are no verbs for ``_verb_follows``, so a word before them alone
        # is never decided a name.
        opens_a_name = _OPENS_A_NAME if lower_words(tokens) & _CUE_WORDS else _OPENS_WITHOUT_A_CUE
        function_words, subject_verbs, cue_any, keep = (FUNCTION_WORDS, _VERBS_AFTER_A_NAME, _CUE_ANY, KEEP)
        word_memo, opening_memo, covered, text = self.word_memo, self.opening_memo, self.covered, self.text
        # Lower-case words that ``_decide`` can only take for a name after a cue: with no cue
        # and no name list knowing them, ``_unknown_after_role`` and ``_unknown_subject`` turn
        # down every Swedish, English, chat or function word.
        plain = _PLAIN_WORDS.among(lower_words(tokens)) if word_memo is _WORD_MEMO else frozenset()
        lowers = list(map(_LOWER, tokens))
        before = [""]
        before += lowers[:-1]
        after = lowers[1:]
        after.append("")
        for index, token, lower, previous, following in zip(count(), tokens, lowers, before, after):
            # Most words are lower-case and no name: skip them without a call. (The word before
            # a sentence's first word can only keep a word here that the tests below drop.)
            if token.text[0].islower() and lower not in forms and previous not in opens_a_name and (
                    lower in function_words or following not in subject_verbs):
                continue
            if token.sentence_start:
                previous = ""
            if (lower in plain and previous not in cue_any and lower not in forms
                    and token.text[0].islower()):
                continue  # an ordinary lower-case word that no list knows as a name, with no cue
            # "och", "Han", "till": function words and kept words are names only after a cue.
            if index in decided or (previous not in cue_any
                                    and (lower in function_words or token.text in keep)):
                continue
            if covered[token.start] or covered[token.end - 1]:
                continue  # taken by another detector: ``_decide`` would turn it down
            word = token.text
            if ((word in word_memo or word in opening_memo) and previous not in cue_any
                    and not (token.start and text[token.start - 1].isdigit())
                    and not (token.end < len(text) and text[token.end].isdigit())):
                # What ``_decide`` remembered for this word where it stands, if anything.
                memo = opening_memo if token.sentence_start or self._soft_start(token) else word_memo
                found = memo[word] if word in memo else self._decide(index)
            else:
                found = self._decide(index)
            if found is not None:
                decided[index] = found
        self._extend_cued(decided)
        # 'Nattapong "Pong" Srisuk': a quoted word between two parts of a name is a nickname.
        for index in [i + 1 for i in decided if i + 2 in decided and i + 1 not in decided]:
            if (tokens[index].gap_before in _QUOTED_GAPS_BEFORE
                    and tokens[index + 1].gap_before in _QUOTED_GAPS_AFTER):
                decided[index] = (tokens[index].text, "")
        known = {fold(base) for base, _ in decided.values()}
        known_forms = known | {f"{name}{ending}" for name in known for ending in _POSSESSIVES}
        for index in positions(tokens, lower_words(tokens) & known_forms):
            if index in decided:
                continue
            found = self._repeat(index, known)
            if found is not None:
                decided[index] = found
        # A capitalised word right after a first name is its surname, even when it is built
        # from ordinary parts ("Kent Sangmyr", "Anna Stenhammar") or is a surname that is
        # also a word ("Christoffer Lund", "Kevin Brown").
        surnames: set[str] = set()
        for index in sorted(decided):
            following = index + 1
            if following in decided or following >= len(self.tokens) or decided[index][1]:
                continue
            token = self.tokens[following]
            word = token.text
            surname = self.names.get(fold(word))
            known_surname = surname is not None and surname.last and surname.common
            # "Patrull Svensson/Ek": two surnames joined by a slash are two people.
            paired = token.gap_before == "/" and surname is not None and surname.last
            if ((self._joins(following) or paired) and _capitalised(word) and not word.isupper()
                    and self._free(token)
                    and (not self._keep(word) or known_surname) and token.lower not in FUNCTION_WORDS
                    and ((surname is not None and surname.last)
                         or (token.lower not in self.words and token.lower not in self.english))):
                decided[following] = self._best_base(word)
                known.add(fold(decided[following][0]))
                surnames.add(fold(decided[following][0]))
                if self._keep(word):
                    self.kept_surnames.add(fold(word))  # "Christoffer Lund … Lund greps"
        # … and such a surname standing alone elsewhere is the same person.
        surname_forms = surnames | {f"{name}{ending}" for name in surnames for ending in _POSSESSIVES}
        for index in positions(tokens, lower_words(tokens) & surname_forms) if surnames else ():
            if index not in decided:
                found = self._repeat(index, surnames)
                if found is not None:
                    decided[index] = found
        self._first_names_before_surnames(decided)
        self._coordinated(decided)
        # A possessive stem seen as a name elsewhere: "Xhevdets" goes with "Xhevdet".
        for index, (base, suffix) in list(decided.items()):
            if not suffix and base.endswith("s") and fold(base[:-1]) in known:
                decided[index] = (base[:-1], "s")
        return self._join(decided)

    def _first_names_before_surnames(self, decided: dict[int, tuple[str, str]]) -> None:
        """"Närvarande: Per Nilsson", "Bo Ek (polis)": a capitalised first name common in Sweden
        right before a surname found as a name is part of it, even when it is also a frequent
        word that opening a sentence would not count ("Per", "Bo", "Hans")."""
        tokens = self.tokens
        for index in sorted(decided):
            previous = index - 1
            if previous < 0 or previous in decided or not self._joins(index):
                continue
            token = tokens[previous]
            word, lower = token.text, token.lower
            if (not _capitalised(word) or word.isupper() or not self._free(token) or lower in FUNCTION_WORDS
                    or lower in ROLE_WORDS or lower in _GREETINGS or self._keep(word)):
                continue
            first = self.names.get(fold(word))
            surname = self.names.get(fold(tokens[index].text))
            if (first is not None and first.first and first.common and surname is not None and surname.last
                    and not decided[index][1]):
                decided[previous] = (word, "")

    def _coordinated(self, decided: dict[int, tuple[str, str]]) -> None:
        """"ebba och wilma", "Ros & Amir": a common name joined by "och" to a found name is one too,
        even when it is also a word."""
        tokens = self.tokens
        for index in sorted(decided):
            for other, link in ((index + 2, index + 1), (index - 2, index - 1)):
                if other < 0 or other >= len(tokens) or other in decided or tokens[link].lower not in _AND:
                    continue
                token = tokens[other]
                lower = token.lower
                if (not self._free(token) or lower in FUNCTION_WORDS or self._keep(token.text)
                        or (token.text[0].islower()
                            and (lower in FREQUENT_WORDS or lower in NAME_CUES or lower in _SUBJECT_VERBS))):
                    continue  # "Klara och kallas för …": a cue or a verb, though "Kallas" is a surname
                if tokens[link].sentence_start or (other > link and token.sentence_start):
                    continue
                info = self.names.get(fold(token.text))
                if info is not None and info.common and token.lower not in ROLE_WORDS:
                    decided[other] = (token.text, "")

    def _extend_cued(self, decided: dict[int, tuple[str, str]]) -> None:
        """A cue reaches over the whole name it introduces.

        "en grupp som heter Polska Patrioter Skåne", 'kallas "lilla draken"': every
        capitalised word that follows, or every word up to the closing quote.
        """
        tokens = self.tokens
        for index in sorted(self.cued):
            quoted = tokens[index].gap_before.rstrip().endswith(_QUOTES)
            following = index + 1
            while (following < len(tokens) and following - index < 6 and tokens[following].gap_before == " "
                   and self._free(tokens[following])
                   and (quoted or (_capitalised(tokens[following].text)
                                   and tokens[following].lower not in FUNCTION_WORDS))):
                decided.setdefault(following, (tokens[following].text, ""))
                self.cued.add(following)
                following += 1

    def _names_a_group(self, index: int) -> bool:
        """A cue after "en grupp som", "sidan", "kanalen" … names a group, not a person."""
        return index in self.cued and any(word in _GROUP_WORDS for word in self._previous_words(index, 5))

    def _join(self, decided: dict[int, tuple[str, str]]) -> list[Span]:
        """Adjacent names become one person; particles ("al", "von") between them join in."""
        spans: list[Span] = []
        order = sorted(decided)
        position = 0
        while position < len(order):
            first = order[position]
            parts = [fold(decided[first][0])]
            last = first
            while True:
                nxt = last + 1
                particle = None
                if (nxt < len(self.tokens) and self.tokens[nxt].text.lower() in NAME_PARTICLES
                        and nxt + 1 in decided and self._joins(nxt)):
                    particle = nxt
                    nxt += 1
                if nxt in decided and self._joins(nxt) and not decided[last][1]:
                    if particle is not None:
                        parts.append(self.tokens[particle].text.lower())
                    parts.append(fold(decided[nxt][0]))
                    last = nxt
                    position += 1
                    continue
                break
            suffix = decided[last][1]
            label = "organisation" if self._names_a_group(first) else "person"
            end = self.tokens[last].end
            initial = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
            if (not suffix and initial is not None and len(initial.text) == 1 and initial.text.isupper()
                    and initial.gap_before == " " and (self.text[initial.end:initial.end + 1] == "."
                                                       or self._bare_initial(initial))):
                end = initial.end  # "Yusuf A.", "Ali H kom": the initial of the surname goes with the name
            start = self.tokens[first].start
            leading = self.tokens[first - 1] if first > 0 else None
            opening_word = (leading is not None and leading.sentence_start
                            and leading.lower in FUNCTION_WORDS)
            if (leading is not None and leading.lower in _LEADING_PARTICLES and leading.text[0].isupper()
                    and self._joins(first) and not opening_word):
                start = leading.start  # "Abu Bakr", "Bin Laden", "Van Persie"
            spans.append(Span(start, end, label,
                              suffix=suffix, priority=50, parts=tuple(parts)))
            position += 1
        return spans

    def _bare_initial(self, initial: Token) -> bool:
        """"Ali H kom in": a capital standing alone after a name, not one that is a word ("I", "O")."""
        after = self.text[initial.end:initial.end + 1]
        return initial.text not in "IOÅÄÖ" and (not after or after in " \t\n,;:)!?")

    def _joins(self, index: int) -> bool:
        token = self.tokens[index]
        return not token.sentence_start and (token.gap_before in (" ", "\u00a0")
                                             or token.gap_before in _QUOTED_GAPS_BEFORE
                                             or token.gap_before in _QUOTED_GAPS_AFTER)


def find_names(text: str, tokens: list[Token], words: WordList, names: dict[str, NameInfo],
               proper: frozenset[str], covered: bytearray) -> list[Span]:
    """The people named in ``text`` (already split into ``tokens``) outside ``covered``."""
    return NameFinder(text, tokens, words, names, proper, covered).find()
