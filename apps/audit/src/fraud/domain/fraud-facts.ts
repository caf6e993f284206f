// What the fraud rules read: the audit copy's events of the types they look at, folded into plain
// records (pure). The fields are the contracts' (docs/contracts.md, proto/): classes with their site,
// dates and roster, accepted check-ins, inspections, completions, certificates, assessment results,
// published policy parameters, approved claims with the trainees they name, payees' sealed accounts.
export interface CopiedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly recordedAtMillis: number;
  /** the metadata's jurisdiction */
  readonly jurisdiction: string;
}

export const FRAUD_RULE_EVENT_TYPES = [
  'ClassApplied.v1',
  'ClassApproved.v1',
  'ClassRejected.v1',
  'ClassCancelled.v1',
  'RosterAmended.v1',
  'CheckInRecorded.v1',
  'InspectionRecorded.v1',
  'ClassCompleted.v1',
  'CertificateIssued.v1',
  'AssessmentResultsRecorded.v1',
  'PolicyVersionPublished.v1',
  'ClaimApproved.v1',
  'TraineesNamedInClaim.v1',
  'PayeeAccountSealed.v1',
] as const;

export interface Site {
  readonly lat: number;
  readonly lng: number;
  readonly radiusMetres: number;
}

export interface ClassFacts {
  readonly classId: string;
  institutionId: string;
  jurisdictionCode: string;
  startDate: string;
  endDate: string;
  totalHours: number;
  lessonMinutes?: number;
  dailyStartTime?: string;
  site?: Site;
  workerIds: string[];
  policyVersionIds: string[];
  approved: boolean;
  /** rejected or cancelled */
  ended: boolean;
  eventIds: string[];
}

export interface CheckInFact {
  readonly eventId: string;
  readonly checkInId: string;
  readonly classId: string;
  readonly workerId: string;
  readonly deviceId: string;
  readonly sessionDate: string;
  readonly atMillis: number;
}

export interface InspectionFact {
  readonly eventId: string;
  readonly inspectionId: string;
  readonly classId: string;
  readonly atMillis: number;
  readonly headcount: number;
}

export interface CompletionFact {
  readonly eventId: string;
  readonly classId: string;
  readonly trainees: readonly { workerId: string; sessionsAttended: number; sessionsTotal: number }[];
}

export interface CertificateFact {
  readonly eventId: string;
  readonly certificateId: string;
  readonly workerId: string;
  readonly classId?: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
}

export interface ResultsFact {
  readonly eventId: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly year: number;
  readonly passed: number;
  readonly assessed: number;
}

export interface PolicyFact {
  readonly eventId: string;
  readonly versionId: string;
  readonly minAttendanceShareToPass?: number;
  readonly maxSubsidiesPerWorkerPerYear?: number;
}

export interface ClaimFact {
  readonly eventId: string;
  readonly claimId: string;
  readonly classId?: string;
  readonly claimantId: string;
  readonly claimantKind: string;
  readonly jurisdictionCode: string;
  readonly policyVersionIds: readonly string[];
  readonly year: number;
  /** the workers it pays for: the trainees it names, or the worker who claims */
  workerIds: string[];
  namingEventIds: string[];
}

export interface PayeeAccountFact {
  readonly eventId: string;
  readonly payeeId: string;
  /** as the registry publishes it: docs/contracts.md PayeeAccountSealed.v1 */
  readonly accountDigest: string;
}

export interface FraudFacts {
  readonly classes: ReadonlyMap<string, ClassFacts>;
  readonly checkIns: readonly CheckInFact[];
  readonly inspections: readonly InspectionFact[];
  readonly completions: ReadonlyMap<string, CompletionFact>;
  readonly certificates: readonly CertificateFact[];
  readonly results: readonly ResultsFact[];
  readonly policies: ReadonlyMap<string, PolicyFact>;
  readonly claims: ReadonlyMap<string, ClaimFact>;
  /** the latest account of each payee */
  readonly payeeAccounts: ReadonlyMap<string, PayeeAccountFact>;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const num = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const obj = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const shanghaiYear = (ms: number): number => new Date(ms + 8 * 3600_000).getUTCFullYear();

/** Folds the events, in the order they were recorded, into the facts. */
export function fraudFactsOf(events: readonly CopiedEvent[]): FraudFacts {
  const classes = new Map<string, ClassFacts>();
  const checkIns: CheckInFact[] = [];
  const inspections: InspectionFact[] = [];
  const completions = new Map<string, CompletionFact>();
  const certificates: CertificateFact[] = [];
  const results: ResultsFact[] = [];
  const policies = new Map<string, PolicyFact>();
  const claims = new Map<string, ClaimFact>();
  const named = new Map<string, { workerIds: string[]; eventId: string }[]>();
  const payeeAccounts = new Map<string, PayeeAccountFact>();
  const classOf = (classId: string): ClassFacts => {
    let found = classes.get(classId);
    if (!found) {
      found = {
        classId,
        institutionId: '',
        jurisdictionCode: '',
        startDate: '',
        endDate: '',
        totalHours: 0,
        workerIds: [],
        policyVersionIds: [],
        approved: false,
        ended: false,
        eventIds: [],
      };
      classes.set(classId, found);
    }
    return found;
  };
  for (const { eventId, type, data: d, recordedAtMillis, jurisdiction } of events) {
    switch (type) {
      case 'ClassApplied.v1':
      case 'ClassApproved.v1': {
        const c = classOf(str(d.classId));
        c.institutionId = str(d.institutionId) || c.institutionId;
        c.jurisdictionCode = str(d.jurisdictionCode) || c.jurisdictionCode || jurisdiction;
        c.startDate = str(d.startDate) || c.startDate;
        c.endDate = str(d.endDate) || c.endDate;
        c.totalHours = num(d.totalHours) || c.totalHours;
        if (typeof d.lessonMinutes === 'number') c.lessonMinutes = d.lessonMinutes;
        if (typeof d.dailyStartTime === 'string') c.dailyStartTime = d.dailyStartTime;
        const site = obj(d.site);
        if (typeof site.lat === 'number' && typeof site.lng === 'number')
          c.site = { lat: site.lat, lng: site.lng, radiusMetres: num(site.radiusMetres) };
        if (Array.isArray(d.workerIds)) c.workerIds = strings(d.workerIds);
        if (Array.isArray(d.policyVersionIds)) c.policyVersionIds = strings(d.policyVersionIds);
        if (type === 'ClassApproved.v1') c.approved = true;
        c.eventIds.push(eventId);
        break;
      }
      case 'ClassRejected.v1':
      case 'ClassCancelled.v1':
        classOf(str(d.classId)).ended = true;
        break;
      case 'RosterAmended.v1': {
        const c = classOf(str(d.classId));
        c.workerIds = strings(d.workerIds);
        c.eventIds.push(eventId);
        break;
      }
      case 'CheckInRecorded.v1':
        checkIns.push({
          eventId,
          checkInId: str(d.checkInId),
          classId: str(d.classId),
          workerId: str(d.workerId),
          deviceId: str(d.deviceId),
          sessionDate: str(d.sessionDate),
          atMillis: Date.parse(str(d.at)),
        });
        break;
      case 'InspectionRecorded.v1':
        inspections.push({
          eventId,
          inspectionId: str(d.inspectionId),
          classId: str(d.classId),
          atMillis: Date.parse(str(d.at)),
          headcount: num(d.headcount),
        });
        break;
      case 'ClassCompleted.v1':
        completions.set(str(d.classId), {
          eventId,
          classId: str(d.classId),
          trainees: (Array.isArray(d.trainees) ? d.trainees : []).map((t) => {
            const trainee = obj(t);
            return {
              workerId: str(trainee.workerId),
              sessionsAttended: num(trainee.sessionsAttended),
              sessionsTotal: num(trainee.sessionsTotal),
            };
          }),
        });
        break;
      case 'CertificateIssued.v1':
        certificates.push({
          eventId,
          certificateId: str(d.certificateId),
          workerId: str(d.workerId),
          ...(typeof d.classId === 'string' ? { classId: d.classId } : {}),
          institutionId: str(d.institutionId),
          jurisdictionCode: str(d.jurisdictionCode) || jurisdiction,
        });
        break;
      case 'AssessmentResultsRecorded.v1': {
        const outcomes = (Array.isArray(d.results) ? d.results : []).map((r) => str(obj(r).outcome));
        results.push({
          eventId,
          institutionId: str(d.institutionId),
          jurisdictionCode: str(d.jurisdictionCode) || jurisdiction,
          year: shanghaiYear(recordedAtMillis),
          passed: outcomes.filter((o) => o === 'passed').length,
          assessed: outcomes.length,
        });
        break;
      }
      case 'PolicyVersionPublished.v1': {
        const parameters = obj(d.parameters);
        const min = obj(parameters.assessment).minAttendanceShareToPass;
        const max = obj(obj(parameters.claims).yearlySubsidyLimit).maxPerWorker;
        policies.set(str(d.versionId), {
          eventId,
          versionId: str(d.versionId),
          ...(typeof min === 'number' ? { minAttendanceShareToPass: min } : {}),
          ...(typeof max === 'number' ? { maxSubsidiesPerWorkerPerYear: max } : {}),
        });
        break;
      }
      case 'ClaimApproved.v1': {
        const claimId = str(d.claimId);
        claims.set(claimId, {
          eventId,
          claimId,
          ...(typeof d.classId === 'string' ? { classId: d.classId } : {}),
          claimantId: str(d.claimantId),
          claimantKind: str(d.claimantKind),
          jurisdictionCode: str(d.jurisdictionCode) || jurisdiction,
          policyVersionIds: strings(d.policyVersionIds),
          year: shanghaiYear(recordedAtMillis),
          workerIds: str(d.claimantKind) === 'worker' ? [str(d.claimantId)] : [],
          namingEventIds: [],
        });
        break;
      }
      case 'TraineesNamedInClaim.v1': {
        const workerIds = (Array.isArray(d.trainees) ? d.trainees : []).map((t) => str(obj(t).workerId));
        const list = named.get(str(d.claimId)) ?? [];
        list.push({ workerIds, eventId });
        named.set(str(d.claimId), list);
        break;
      }
      case 'PayeeAccountSealed.v1':
        payeeAccounts.set(str(d.payeeId), {
          eventId,
          payeeId: str(d.payeeId),
          accountDigest: str(d.accountDigest),
        });
        break;
    }
  }
  for (const [claimId, namings] of named) {
    const claim = claims.get(claimId);
    if (!claim) continue; // not approved (yet): no subsidy for the limit
    for (const naming of namings) {
      claim.workerIds = [...new Set([...claim.workerIds, ...naming.workerIds])];
      claim.namingEventIds.push(naming.eventId);
    }
  }
  return {
    classes,
    checkIns,
    inspections,
    completions,
    certificates,
    results,
    policies,
    claims,
    payeeAccounts,
  };
}
