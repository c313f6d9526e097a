"""The retrieval panel: every passage coded with the selected codes."""
