"""Every message claimx shows a user, in one place (as spacy/errors.py does)."""


class Errors:
    E001 = "{path}: no such file or folder"
    E002 = "{path}: no .txt, .md, .html or .jsonl files in this folder"
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
    E013 = "{path}: too large ({size:,} bytes; the limit is {limit:,}, see --max-size)"
    E014 = "{path}: a symbolic link loop"
    E015 = "{path}: not a regular file"
    E016 = "{path}: no main text found in this HTML"
    E017 = "{path}: each line must be a JSON object with a 'text' string ({err})"
    E018 = "{path}: a worker process died while extracting it ({err})"
    E019 = "--resume needs --output FILE and --format jsonl or sqlite"
    E020 = "--jobs must be 0 (all cores) or more, not {jobs}"
    E021 = "--dask needs --output: the folder to write the part files to"
    E022 = "cannot reach the Dask scheduler '{address}': {err}"
    E023 = "{path}: render takes one article; this gives more than one"
    E024 = "{path}, line {line}: a gold line needs {fields}"
    E025 = "{path}, line {line}: each line must be a JSON object"
    E026 = "--plot {path}: plot files end in .png, .html or .svg"
    E027 = "--format sqlite needs --output FILE: the database to write"
    E028 = "{path}: not a SQLite database ({err})"
    E029 = "{path}, row {row}: {problem}"
    E030 = "{claim}: no such claim in {source} (a claim id is doc:start, the figure's first character)"
    E031 = "{path}: cannot be written: there is no folder {folder}"
    E032 = "{path}: cannot be written ({err})"


class Warnings:
    W001 = "{path}: not valid UTF-8 (first at byte {pos}); {n:,} bad byte sequence(s) replaced with U+FFFD"
    W002 = "{path}: {n:,} run(s) of more than {limit:,} characters without a space ignored"
    W003 = "{path}: date '{date}' is not YYYY-MM-DD; ignored"
    W004 = "{path}: not UTF-8; read as {encoding}, the legacy encoding its bytes fit best"
    W008 = ("{claim}: its ClaimReview has no {missing} for the claim (--database gives the article's date and "
            "address; the rating file's appearance an address)")


class InputError(Exception):
    """A problem with one input: reported on one line, and the batch goes on."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
