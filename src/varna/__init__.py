"""Värna: decision support for protecting democracy against violent extremism.

The package is split so that the law, the guide, de-identification and survey
profiles stay plain Python libraries; Django lives only in ``varna.web``.
"""

__version__ = "0.1.0"
