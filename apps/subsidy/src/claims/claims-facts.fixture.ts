// A class approved, completed and certified, its trainees registered — published on the bus as
// class-ops, certification and the registry will — and awaited in the claims' local read model.
import { randomUUID } from 'node:crypto';
import { eventually, type UpstreamBus } from '@jineng/testing';
import type { ClaimFactsReader } from './read-model/claim-facts.reader';

export interface CompletedClassOptions {
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly days: number;
  readonly workers: readonly string[];
  readonly occupationCode?: string;
}

export async function publishCompletedClass(
  bus: UpstreamBus,
  reader: ClaimFactsReader,
  options: CompletedClassOptions,
): Promise<string> {
  const classId = randomUUID();
  const workers = [...options.workers];
  const head = {
    classId,
    institutionId: options.institutionId,
    jurisdictionCode: options.jurisdictionCode,
    occupationCode: options.occupationCode ?? '4-03-02-01',
    level: 5,
    trainingType: 'employment_skills',
    mode: 'commissioned',
    keyGroup: false,
    fundSource: 'employment_subsidy_fund',
    startDate: options.startDate,
    endDate: options.endDate,
    plannedHeadcount: workers.length,
    policyVersionIds: [],
  };
  await bus.publish('class-ops', 'ClassApproved.v1', `class-${classId}`, {
    ...head,
    totalHours: options.days * 8,
    theoryHours: options.days * 2,
    practicalHours: options.days * 6,
    workerIds: workers,
    approvedBy: 'officer',
  });
  await bus.publish('class-ops', 'ClassCompleted.v1', `class-${classId}`, {
    ...head,
    daysDelivered: options.days,
    hoursDelivered: options.days * 8,
    sessionsTotal: options.days * 2,
    openingDayHeadcount: workers.length,
    averageRuleApplies: false,
    trainees: workers.map((workerId) => ({
      workerId,
      sessionsAttended: options.days * 2,
      sessionsTotal: options.days * 2,
      daysAttended: options.days,
    })),
    videoCoverage: { theoryCoveredInFull: true, practicalMinutesShortfall: 0, gaps: [] },
  });
  for (const workerId of workers) {
    const certificateId = randomUUID();
    await bus.publish('certification', 'CertificateIssued.v1', `certificate-${certificateId}`, {
      certificateId,
      certificateNumber: `C-${certificateId.slice(0, 8)}`,
      workerId,
      classId,
      institutionId: options.institutionId,
      jurisdictionCode: options.jurisdictionCode,
      occupationCode: head.occupationCode,
      level: 5,
      kind: 'skill_level',
      evaluationBodyId: randomUUID(),
      issuedOn: options.endDate,
    });
    await bus.publish('registry', 'WorkerRegistered.v1', `worker-${workerId}`, {
      workerId,
      idNumberHash: 'a'.repeat(64),
      idNumberMasked: '4190**********0011',
      nameMasked: '王*',
      gender: 'female',
      jurisdiction: options.jurisdictionCode,
      hukouJurisdiction: options.jurisdictionCode,
      residenceJurisdiction: options.jurisdictionCode,
      education: 'junior_secondary',
      category: 'poor_labour',
      keyGroups: [],
      ableToWork: true,
      willingToWork: true,
      registeredOn: '2019-01-02',
    });
  }
  await eventually(async () => {
    expect((await reader.workersOf(workers)).size).toBe(workers.length);
    expect((await reader.classOf(classId))?.status).toBe('completed');
    expect((await reader.certificatesOf(workers)).filter((c) => c.classId === classId)).toHaveLength(
      workers.length,
    );
  });
  return classId;
}
