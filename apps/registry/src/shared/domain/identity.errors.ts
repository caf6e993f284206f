import { defineDomainError } from '@jineng/ddd';

/** A resident ID number the kernel refuses (checked again in the service: the contract checked its shape). */
export class InvalidIdNumber extends defineDomainError<{
  field: string;
  rule: string;
  reason: string;
  reasonEn: string;
}>({
  code: 'REGISTRY.INVALID_ID_NUMBER',
  category: 'validation',
  zh: (d) => `${d.field}：${d.reason}`,
  en: (d) => `${d.field}: ${d.reasonEn}`,
}) {}
