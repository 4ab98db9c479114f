"""The benches' bulk fill (bench/fill.py) on SQLite and PostgreSQL: every journal reads back
as generated, every patient is linked to the clinician, and each stored row equals the
services' derivation from the whole journal, both halves (the worklist summary and the plan
carry), with the rebuild split over two processes as the benches run it on PostgreSQL."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

from sicoach.domain.plan_carry import build_carry, carry_to_text
from sicoach.services import accounts
from sicoach.services.person_state import fresh_summary, stored_summary
from sicoach.settings import CLINIC, Settings

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

from fill import a_year, fill_clinic, journal_name


def test_the_fill_reads_back_with_its_derived_rows(store_url: str, tmp_path: Path) -> None:
    clinic = fill_clinic(Settings(store_url, tmp_path, mode=CLINIC), 3, seed=7, processes=2)
    rng = random.Random(7)
    expected = [a_year(rng) for _ in range(3)]
    links = accounts.links(clinic.context)
    assert sorted(links) == sorted((clinic.clinician_id, p) for p in clinic.patient_ids)
    assert len(clinic.patient_ids) == 3
    for n, journal in enumerate(expected):
        patient = replace(clinic.context, person=journal_name(n))
        with patient.uow(read_only=True) as uow:
            assert uow.journal.load() == journal
            carry = uow.journal.plan_carry_text()
        stored = stored_summary(patient)
        assert stored is not None and stored == fresh_summary(patient)
        built = build_carry(patient.catalog, journal, patient.clock.today())
        assert built is not None and carry == carry_to_text(built)
