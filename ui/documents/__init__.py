"""The documents panel: the project's transcripts, their attributes, import."""
