"""The concern note "Anteckning om oro": write down the basis of a concern, get it back as a PDF.

The guideline asks anyone who is worried about a young person to formulate the basis
of their concern before they contact anyone. This app helps with that and keeps
nothing: the text goes into the PDF and is then forgotten.
"""
