"""Knowledge pages: the guideline's definitions and hard questions, the organisation, and search."""
