// The deadline of an institution's year: its end (Asia/Shanghai), when its figures are evaluated.
export const INSTITUTION_YEAR_END = 'institution-year-end';

export const institutionYearDeadline = (institutionId: string, jurisdictionCode: string, year: number) => ({
  id: `institution-year:${institutionId}:${year}`,
  kind: INSTITUTION_YEAR_END,
  dueAt: new Date(`${year + 1}-01-01T00:00:00+08:00`),
  data: { institutionId, jurisdictionCode, year },
});
