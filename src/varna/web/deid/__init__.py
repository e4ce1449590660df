"""The page "Avidentifiera en fallbeskrivning": paste a case description, get it back de-identified.

A cooperation group may discuss a case at a general level only when no individual can
be recognised. This app puts ``varna.deid`` in front of a person: every change is
highlighted by kind, a missed word can be marked and a replacement undone, the risk
that remains is listed, and only the person's confirmation turns the draft into a
de-identified description. Nothing is stored: the text travels in the form and is
forgotten when the response has been sent.
"""
