"""Agreement between coders: the dashboard, the disagreements and their adjudication."""
