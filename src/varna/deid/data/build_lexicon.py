"""Build the Swedish word lists ``varna.deid`` loads at run time.

Run by hand on a Debian machine with ``hunspell-sv`` and ``hunspell-tools`` installed
(``apt-get install hunspell-sv hunspell-tools``); the output is committed so the tool needs
neither at run time.

Source: the Swedish Hunspell dictionary ``sv_SE`` by Göran Andersson (LibreOffice
dictionaries, Debian package ``hunspell-sv``), licence LGPL-3. ``unmunch`` expands its
stems with the affix rules into every inflected form.

A second, smaller list comes from the English Hunspell dictionary ``en_US`` (Debian package
``hunspell-en-us``), built from SCOWL by Kevin Atkinson under a permissive licence (see
``LICENSES.md``): English words in case notes ("Early Warning", "hate speech") are
ordinary words, not names.

Outputs:

* ``swedish_words.txt.xz`` – every lower-case form, one a line, sorted. It tells an
  ordinary word ("björk", "rosor", "förintelsen") from a name.
* ``english_words.txt.xz`` – every lower-case English form, sorted.
* ``proper_nouns.tsv`` – the dictionary's capitalised stems with a mark: ``N`` when the
  stem carries only the genitive flag ``A`` (nearly always a person's name or surname in
  this dictionary), ``P`` otherwise (places, brands, works – mostly to be kept).
"""

from __future__ import annotations

import lzma
import re
import subprocess
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DIC = Path("/usr/share/hunspell/sv_SE.dic")
AFF = Path("/usr/share/hunspell/sv_SE.aff")
ENGLISH_DIC = Path("/usr/share/hunspell/en_US.dic")
ENGLISH_AFF = Path("/usr/share/hunspell/en_US.aff")
WORDS = HERE / "swedish_words.txt.xz"
ENGLISH = HERE / "english_words.txt.xz"
PROPER = HERE / "proper_nouns.tsv"
_WORD = re.compile(r"^[a-zà-öø-ÿ]+(?:-[a-zà-öø-ÿ]+)*$")
_PROPER = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þa-zà-öø-ÿ][a-zà-öø-ÿ]+)*$")


def expand(dic: Path = DIC, aff: Path = AFF) -> list[str]:
    # unmunch is a Debian tool found by name, given the two fixed dictionary paths.
    result = subprocess.run(["unmunch", str(dic), str(aff)],  # noqa: S603, S607
                            capture_output=True, check=True)
    text = result.stdout.decode("utf-8", errors="replace")
    forms = {unicodedata.normalize("NFC", w.strip()) for w in text.splitlines()}
    return sorted(w for w in forms if len(w) >= 2 and _WORD.match(w))


def proper_nouns() -> list[tuple[str, str]]:
    found: dict[str, str] = {}
    for line in DIC.read_text("utf-8").splitlines()[1:]:
        stem, _, flags = line.partition("/")
        stem = unicodedata.normalize("NFC", stem.strip())
        if not _PROPER.match(stem):
            continue
        mark = "N" if flags.strip() == "A" else "P"
        if found.get(stem) != "P":
            found[stem] = mark
    return sorted(found.items())


def _write_xz(path: Path, words: list[str]) -> None:
    payload = ("\n".join(words) + "\n").encode("utf-8")
    path.write_bytes(lzma.compress(payload, preset=9 | lzma.PRESET_EXTREME))


def main() -> None:
    words = expand()
    _write_xz(WORDS, words)
    english = expand(ENGLISH_DIC, ENGLISH_AFF)
    _write_xz(ENGLISH, english)
    nouns = proper_nouns()
    PROPER.write_text("# Built by build_lexicon.py from hunspell-sv (LGPL-3); do not edit.\n"
                      + "".join(f"{stem}\t{mark}\n" for stem, mark in nouns), "utf-8")
    print(f"{WORDS.name}: {len(words)} forms; {ENGLISH.name}: {len(english)} forms; "  # noqa: T201
          f"{PROPER.name}: {len(nouns)} stems")


if __name__ == "__main__":
    main()
