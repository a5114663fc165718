"""Held captive: 'personnel held by the enemy', 'aid workers still being held' are captured (GUIDELINES: taken prisoner,
abducted, kidnapped, taken hostage). A verb of holding says so only in the passive and of people or forces; 'held a
vigil', 'the hall holds 2,000', 'were held up', 'held responsible' say nothing of captivity."""

from __future__ import annotations

from spacy.tokens import Token

PASSIVE_TAG = "VBN"  # a past participle: 'are held', 'being held', 'people held by the group'
REDUCED_RELATIVE_DEPS = ("acl", "relcl")  # 'people still held by the group': a participle hung on the counted noun
IDIOM_DEPS = ("prt", "oprd", "acomp")  # 'held up', 'held responsible', 'held accountable': the verb in another sense


class CaptivityRules:
    """Mixed into `MeasureRules`.

    Reads: `self.words` (`CountedWords`: captivity_verbs); calls `is_people`, `is_forces` (presence.py).
    """

    def held_captive(self, tok: Token, noun: Token | None) -> bool:
        """A captivity verb in the passive over people or forces: '300 sailors are held by the rebels', '40 villagers
        still held by the militia', 'Five aid workers are still being held'."""
        if tok.lemma_.lower() not in self.words.captivity_verbs or tok.tag_ != PASSIVE_TAG:
            return False
        if any(c.dep_ in IDIOM_DEPS for c in tok.children):
            return False  # "were held up at the border", "held responsible"
        return self._passive_of(tok, noun) and (noun is None or self.is_people(noun) or self.is_forces(noun))

    @staticmethod
    def _passive_of(tok: Token, noun: Token | None) -> bool:
        """The participle is passive: with a passive auxiliary, or hung on the counted noun as a reduced relative."""
        if any(c.dep_ == "auxpass" for c in tok.children):
            return True
        return noun is not None and tok.dep_ in REDUCED_RELATIVE_DEPS and tok.head == noun
