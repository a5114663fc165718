"""Every message claimx shows a user, in one place (as spacy/errors.py does)."""


class Errors:
    E001 = "{path}: no such file or folder"
    E002 = "{path}: no .txt or .md files in this folder"
    E003 = "{path}: not valid JSON ({err})"
    E004 = "patterns file {name}, line {line}: each line needs 'label' and a 'pattern' list"
    E005 = "{path}: looks like a binary file, not text"
    E006 = "{path}: not valid UTF-8 text ({err})"
    E007 = "{path}: cannot be read ({err})"
    E008 = "cannot load the spaCy pipeline '{model}': {err}"
    E009 = "{path}: empty file"
    E010 = "{path}: extraction failed ({err})"
    E011 = "unknown format '{fmt}': use table or jsonl"
    E012 = "--date must be YYYY-MM-DD, not '{date}'"


class InputError(Exception):
    """A problem with one input: reported on one line, and the batch goes on."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
