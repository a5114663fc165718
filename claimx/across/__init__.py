"""Across articles: one identity per actor over many spellings, claims lined up and compared
as timelines, and scores against a gold set.

The runner links each document's actors with `actors` as its records are made, so this
layer sits below `claimx.run`.
"""
