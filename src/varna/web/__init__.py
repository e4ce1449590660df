"""The Django shell around the domain packages: settings, apps, pages and the JSON API.

Django lives only here; ``varna.law`` and its siblings never import it (an
import-linter contract checks that), so the law stays a plain library.
"""
