"""Every change to a project, as a reversible command."""
