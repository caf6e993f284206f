// Every rule the scan runs, with its version (a new version is a new entry; the old one stays named by
// the alerts it raised).
import type { FraudRule } from './fraud-rule';
import { deviceBurst, impossibleTravel, workerAtTwoSitesAtOnce } from './rules/check-in-rules';
import {
  attendanceAboveInspection,
  certificateBelowAttendance,
  overlappingClassesOfTwoInstitutions,
} from './rules/class-rules';
import { implausiblePassRate, sharedPayeeAccount, subsidiesAboveYearlyLimit } from './rules/money-rules';

export const FRAUD_RULES: readonly FraudRule[] = [
  workerAtTwoSitesAtOnce,
  deviceBurst,
  impossibleTravel,
  attendanceAboveInspection,
  overlappingClassesOfTwoInstitutions,
  certificateBelowAttendance,
  subsidiesAboveYearlyLimit,
  implausiblePassRate,
  sharedPayeeAccount,
];
