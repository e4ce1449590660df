"""The learnt word classes and remembered name decisions change speed, never the answer."""

from __future__ import annotations

from varna.deid import deidentify
from varna.deid.names import WordClass, WordsAsWritten, lower_words, tokenize


def test_a_class_made_after_words_were_learnt_still_answers_for_them() -> None:
    tokens = tokenize("Han bor på lönngatan och går på skolan.")
    words = lower_words(tokens)
    streets = WordClass(lambda word: word.endswith("gatan"))  # made after the text was learnt
    assert streets.among(words) == {"lönngatan"}
    assert streets.among(lower_words(tokenize("ingen gata här"))) == set()
    again = lower_words(tokenize("Lönngatan 5 och Amiralsgatan"))
    assert streets.among(again) == {"lönngatan", "amiralsgatan"}


def test_a_word_set_from_elsewhere_is_tested_on_the_spot() -> None:
    schools = WordClass(lambda word: word.endswith("skolan"))
    assert schools.among(frozenset({"rosengårdsskolan", "och"})) == {"rosengårdsskolan"}


def test_words_as_written_keep_their_case() -> None:
    capitals = WordsAsWritten(lambda word: word[:1].isupper())
    assert capitals.among(frozenset({"Lund", "lund"})) == {"Lund"}
    assert capitals.among(frozenset({"Lund", "Malmö"})) == {"Lund", "Malmö"}


def test_remembered_decisions_give_the_same_text_in_any_order() -> None:
    texts = ["Hans bror heter Björk. Björk har slutat.", "Mentorn Björk ringde. Hans har en björk.",
             "Björk sa att hans bror var borta.", "Zorvan, 15 år, kom. Zorvan sa inget."]
    first = [deidentify(text).text for text in texts]
    again = [deidentify(text).text for text in reversed(texts)]
    assert first == list(reversed(again))
