"""The wizard "Får jag dela uppgiften?": step-by-step questions, the answer, and a PDF record."""
