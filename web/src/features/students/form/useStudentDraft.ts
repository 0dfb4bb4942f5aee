import { useState } from 'react';
import type { Track } from '#contract/organisations';
import { provinceOfPostcode } from '#contract/provinces';
import type { MAX_PERIODS as CONTRACT_MAX_PERIODS, Period } from '#contract/students';
import type { StudentDetail } from '#contract/students-responses';

/** The contract's limit, typed to it (a value import of that module would bundle zod). */
const MAX_PERIODS: typeof CONTRACT_MAX_PERIODS = 4;

export type DraftPeriod = Period & { key: number };

/**
 * The fields of the student form that other fields depend on, or whose options arrive with other
 * reads: they are controlled; the rest of the form stays plain inputs read at submit.
 */
export function useStudentDraft(student: StudentDetail | undefined, tracks: Track[]) {
  const [track, setTrack] = useState<string>(student?.track ?? (tracks.length === 1 ? tracks[0]! : ''));
  const [form, setForm] = useState<string>(student?.internship.form ?? '');
  const [province, setProvince] = useState<string>(student?.province ?? '');
  // Once the school picks a province itself, a postcode no longer suggests one.
  const [provinceChosen, setProvinceChosen] = useState(Boolean(student));
  const [supervisorId, setSupervisorId] = useState(student?.internship.supervisorId ?? '');
  const [preferredServiceId, setPreferredServiceId] = useState(student?.preferredServiceId ?? '');
  const [periods, setPeriods] = useState<DraftPeriod[]>(
    student ? student.internship.periods.map((p, key) => ({ key, ...p })) : [{ key: 0, start: '', end: '' }],
  );

  return {
    track,
    setTrack,
    form,
    setForm,
    needsHoursPerWeek: form === 'block' || form === 'block_and_alternating',
    province,
    chooseProvince: (value: string) => {
      setProvince(value);
      setProvinceChosen(true);
    },
    suggestProvince: (postcode: string) => {
      const suggestion = provinceOfPostcode(postcode);
      if (suggestion && !provinceChosen) setProvince(suggestion);
    },
    supervisorId,
    setSupervisorId,
    preferredServiceId,
    setPreferredServiceId,
    periods,
    changePeriod: (key: number, change: Partial<Period>) =>
      setPeriods(periods.map((p) => (p.key === key ? { ...p, ...change } : p))),
    removePeriod: (key: number) => setPeriods(periods.filter((p) => p.key !== key)),
    addPeriod: () =>
      setPeriods([...periods, { key: Math.max(...periods.map((p) => p.key)) + 1, start: '', end: '' }]),
    canAddPeriod: periods.length < MAX_PERIODS,
  };
}

export type StudentDraft = ReturnType<typeof useStudentDraft>;
