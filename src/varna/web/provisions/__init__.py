"""Pages for each entry of the bundled rule base, and the citation → page lookup."""
