// What the class-ops API answers (proto/jineng/class_ops/v1), as the class screens read it.
export const CLASS_STATUSES = [
  'applied',
  'approved',
  'rejected',
  'awaiting_funds',
  'cancelled',
  'running',
  'completed',
] as const;
export const TRAINING_TYPES = [
  'employment_skills',
  'skill_upgrading',
  'entrepreneurship',
  'apprenticeship',
  'pre_job',
  'safety_skills',
  'job_transfer',
  'work_based',
  'project_based',
] as const;
export const MODES = ['commissioned', 'self_run'] as const;
export const FUND_SOURCES = [
  'employment_subsidy_fund',
  'skills_upgrading_account',
  'unemployment_insurance_fund',
  'local_talent_fund',
  'industry_development_fund',
] as const;
export const CERTIFICATE_KINDS = [
  'skill_level',
  'vocational_qualification',
  'special_ability',
  'special_operation',
  'special_equipment',
  'training_qualified',
] as const;

export type ClassStatus = (typeof CLASS_STATUSES)[number];

export interface ClassRow {
  classId: string;
  institutionId: string;
  jurisdiction: string;
  status: ClassStatus;
  occupationCode: string;
  level: number;
  trainingType: string;
  startDate: string;
  endDate: string;
  fundSource: string;
  plannedHeadcount: number;
  keyGroup: boolean;
  openingDayHeadcount?: number;
  appliedAt: string;
}

export interface CoverageGap {
  sessionNo: number;
  kind: 'theory' | 'practical';
  missingMinutes: number;
}

export interface VideoCoverage {
  theoryCoveredInFull: boolean;
  theoryMinutesRequired: number;
  theoryMinutesRecorded: number;
  practicalHoursRequired: number;
  practicalHoursCovered: number;
  practicalMinutesPerHour: number;
  practicalMinutesShortfall: number;
  gaps: CoverageGap[];
}

export interface ClassDetail {
  class: ClassRow;
  roster: string[];
  policyVersionIds: string[];
  sessions: { sessionNo: number; date: string; startsAt: string; endsAt: string; present: number }[];
  attendance: { workerId: string; sessions: number[] }[];
  inspections: {
    inspectionId: string;
    inspectedBy: string;
    at: string;
    place: string;
    teachersPresent: string[];
    headcount: number;
    notes?: string;
  }[];
  averageInspectedHeadcount?: number;
  coverage: VideoCoverage;
}

export interface RejectedCheckInRow {
  checkInId: string;
  classId: string;
  deviceId: string;
  deviceEventId: string;
  workerId: string;
  at: string;
  sessionNo?: number;
  reasons: string;
}

export const statusTone = (status: string) =>
  status === 'approved' || status === 'completed' || status === 'running'
    ? 'green'
    : status === 'applied' || status === 'awaiting_funds'
      ? 'blue'
      : status === 'rejected'
        ? 'red'
        : 'default';
