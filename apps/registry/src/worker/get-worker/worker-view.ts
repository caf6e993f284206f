// worker_view rows as the contract's WorkerView (masked; the phone mask comes from the vault).
import type { registryV1 } from '@jineng/contracts';
import { occupationCatalogue } from '../../catalogue/occupation-catalogue';
import type { WorkerViewEntity } from './worker-view.entity';

export function toWorkerView(row: WorkerViewEntity, phoneMasked: string | undefined): registryV1.WorkerView {
  return {
    workerId: row.workerId,
    idNumberMasked: row.idNumberMasked,
    nameMasked: row.nameMasked,
    ...(phoneMasked ? { phoneMasked } : {}),
    gender: row.gender,
    jurisdiction: row.jurisdiction,
    hukouJurisdiction: row.hukouJurisdiction,
    residenceJurisdiction: row.residenceJurisdiction,
    education: row.education,
    category: row.category,
    keyGroups: row.keyGroups,
    ableToWork: row.ableToWork,
    willingToWork: row.willingToWork,
    registeredOn: row.registeredOn,
    trainingWishes: row.trainingWishes.map((w) => ({
      occupationCode: w.occupationCode,
      occupationName: occupationCatalogue.find(w.occupationCode)?.name ?? w.occupationCode,
      ...(w.level === undefined ? {} : { level: w.level }),
      recordedOn: w.recordedOn,
    })),
    employments: row.employments.map((e) => ({
      employmentId: e.employmentId,
      employerCreditCode: e.employerCreditCode,
      startDate: e.startDate,
      evidenceKind: e.evidenceKind,
      ...(e.endDate ? { endDate: e.endDate } : {}),
    })),
    employed: row.employed,
    hardToMoveIntoWork: row.hardToMoveIntoWork,
  };
}
