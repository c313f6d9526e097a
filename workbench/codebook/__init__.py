"""The codebook: code paths, templates, CSV exchange."""
