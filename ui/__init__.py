"""The desktop application (PySide6): a client of the ``workbench`` core."""
