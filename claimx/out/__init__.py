"""Output: the writers of each format (JSONL, CSV, tables, SQLite), the review page, the
timeline plots and ClaimReview JSON-LD."""
