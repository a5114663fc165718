"""Readers: the input documents, and the numbers, number words, units, times, quotations and names in their text.

Each reads tokens or characters and returns typed values; none knows about claims.
They sit below the spaCy components that use them (`claimx.components`).
"""
