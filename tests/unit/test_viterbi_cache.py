"""The HMM cut's step cache is bounded in bytes, and the bound changes no cut."""

from __future__ import annotations

from kg.loaders import nlp

TEXT = "青禾云溪两地推进鄴鄲鄹酃醴锺镈镕閟阇阊阌阍阏阒阓阕阖阗阘阙阚阛" * 3  # rare characters: many live states


def _cut() -> list[str]:
    nlp._STEPS.clear()
    nlp._STEPS_BYTES[0] = 0
    return list(nlp._hmm_cut(TEXT))


def test_the_step_cache_stays_within_its_byte_bound_and_cuts_the_same(monkeypatch) -> None:
    free = _cut()
    assert nlp._STEPS_BYTES[0] > 0
    bound = nlp._STEPS_BYTES[0] // 4
    monkeypatch.setattr(nlp, "_STEPS_MAX_BYTES", bound)
    assert _cut() == free
    assert 0 < nlp._STEPS_BYTES[0] <= bound
    assert nlp._STEPS_BYTES[0] == sum(sum(a.nbytes for a in step[:6]) for step in nlp._STEPS.values())
