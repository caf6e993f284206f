import type { registryV1 } from '@jineng/contracts';
import type { InstitutionViewEntity } from './institution-view.entity';

export function toInstitutionView(row: InstitutionViewEntity): registryV1.InstitutionView {
  return {
    institutionId: row.institutionId,
    name: row.name,
    creditCode: row.creditCode,
    type: row.type,
    jurisdiction: row.jurisdiction,
    status: row.status as registryV1.InstitutionView['status'],
    licenceNumber: row.licenceNumber,
    bankName: row.bankName,
    bankAccountMasked: row.bankAccountMasked,
    siteAreaM2: row.siteAreaM2,
    equipment: row.equipment,
    scope: row.scope,
    teachers: row.teachers,
    siteEvaluations: row.siteEvaluations,
    ...(row.publicationBatch ? { publicationBatch: row.publicationBatch } : {}),
    ...(row.listedOn ? { listedOn: row.listedOn } : {}),
    ...(row.suspensionReason ? { suspensionReason: row.suspensionReason } : {}),
    ...(row.rectificationDeadline ? { rectificationDeadline: row.rectificationDeadline } : {}),
    disqualifications: row.disqualifications,
    appliedOn: row.appliedOn,
  };
}
