"""Bodies a bare 'the agency', 'the organisation' points back to: the organisation the text named before."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...records import ents_of
from .pronouns import sentence_floor
from .tree import spelled_alike


class Bodies:
    """Resolving 'the ministry said' to the body named before it.

    Reads: `self.words` (`AttributionWords`: media, anaphoric_bodies, body_kinds).
    """

    def anaphoric_body(self, tok: Token) -> bool:
        """'The agency', 'the ministry' with no name or owner of its own: a body named before."""
        children = list(tok.children)
        return tok.lemma_.lower() in self.words.anaphoric_bodies and tok.tag_ == "NN" and tok.ent_type_ == "" and any(
            c.dep_ == "det" and c.lower_ in self.words.definite_determiners for c in children) and all(
            c.dep_ in ("det", "amod", "punct") and c.ent_type_ == "" for c in children)

    def body_named_before(self, tok: Token) -> Span | None:
        """The last organisation named in the sentence or the PRONOUN_SENTENCES before whose name has the noun ('the
        ministry': 'the Defence Ministry'), else a word of its kind ('the agency': the National Intelligence Service),
        else no word of another kind ('the organisation': Amnesty International); never a body of another kind only
        ('the organisation' is not the Health Ministry) nor a news outlet."""
        floor = sentence_floor(tok)
        bodies = [e for e in ents_of(tok.doc, "ORG") if floor <= e.start and e.end <= tok.i and e.text.lower() not in self.words.media]
        word = spelled_alike(tok.lower_)
        kin = {spelled_alike(w) for kind in self.words.body_kinds if tok.lower_ in kind for w in kind}
        named = [e for e in bodies if word in spelled_alike(e.text.lower())]
        akin = [e for e in bodies if any(spelled_alike(w.lower_) in kin for w in e)]
        unkinded = [e for e in bodies if not any(w.lower_ in self.words.anaphoric_bodies for w in e)]
        pick = named or akin or unkinded
        return pick[-1] if pick else None
