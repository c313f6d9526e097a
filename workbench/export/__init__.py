"""Report appendices: a Word document, CSV files and an Excel workbook.

Nothing heavy is imported here: import :mod:`workbench.export.docx_appendix`,
:mod:`workbench.export.csv_export` or :mod:`workbench.export.xlsx_export`.
"""
