// The rules of the worker registry (DOMAIN §2), by name. Validation errors name the field.
import { defineDomainError } from '@jineng/ddd';

/** One person, one card (一人一卡): the same ID number never makes a second worker. */
export class WorkerAlreadyRegistered extends defineDomainError<{ workerId: string }>({
  code: 'WORKER.ALREADY_REGISTERED',
  category: 'illegal_state',
  zh: (d) => `该身份证号码已登记（劳动者 ${d.workerId}），一人一卡，不能重复登记`,
  en: (d) => `this ID number is already registered (worker ${d.workerId}): one person, one card`,
}) {}

export class WorkerNotRegistered extends defineDomainError<{ workerId: string }>({
  code: 'WORKER.NOT_REGISTERED',
  category: 'not_found',
  zh: (d) => `劳动者 ${d.workerId} 未登记`,
  en: (d) => `worker ${d.workerId} is not registered`,
}) {}

/** Workers are registered aged 16 to 60 on the registration date. */
export class WorkerAgeOutOfRange extends defineDomainError<{
  field: string;
  age: number;
  min: number;
  max: number;
  on: string;
}>({
  code: 'WORKER.AGE_OUT_OF_RANGE',
  category: 'validation',
  zh: (d) => `${d.field}：登记日（${d.on}）年龄 ${d.age} 周岁，不在 ${d.min}–${d.max} 周岁范围内`,
  en: (d) => `${d.field}: aged ${d.age} on ${d.on}, outside ${d.min}–${d.max}`,
}) {}

export class GenderDisagreesWithIdNumber extends defineDomainError<{ field: string; declared: string }>({
  code: 'WORKER.GENDER_DISAGREES_WITH_ID_NUMBER',
  category: 'validation',
  zh: (d) => `${d.field}：性别（${d.declared === 'male' ? '男' : '女'}）与身份证号码不符`,
  en: (d) => `${d.field}: the gender (${d.declared}) disagrees with the ID number`,
}) {}

export class BirthDateDisagreesWithIdNumber extends defineDomainError<{ field: string }>({
  code: 'WORKER.BIRTH_DATE_DISAGREES_WITH_ID_NUMBER',
  category: 'validation',
  zh: (d) => `${d.field}：出生日期与身份证号码中的出生日期不符`,
  en: (d) => `${d.field}: the birth date disagrees with the one in the ID number`,
}) {}

export class WorkerAlreadyEmployed extends defineDomainError<{
  employmentId: string;
  employerCreditCode: string;
}>({
  code: 'WORKER.ALREADY_EMPLOYED',
  category: 'illegal_state',
  zh: (d) => `劳动者已在 ${d.employerCreditCode} 就业（${d.employmentId}），请先结束该就业`,
  en: (d) =>
    `the worker is employed by ${d.employerCreditCode} (${d.employmentId}); end that employment first`,
}) {}

export class WorkerNotEmployed extends defineDomainError<{ workerId: string }>({
  code: 'WORKER.NOT_EMPLOYED',
  category: 'illegal_state',
  zh: (d) => `劳动者 ${d.workerId} 当前没有就业记录`,
  en: (d) => `worker ${d.workerId} has no current employment`,
}) {}

export class EmploymentEndsBeforeStart extends defineDomainError<{
  field: string;
  endDate: string;
  startDate: string;
}>({
  code: 'WORKER.EMPLOYMENT_ENDS_BEFORE_START',
  category: 'validation',
  zh: (d) => `${d.field}：结束日期 ${d.endDate} 早于就业开始日期 ${d.startDate}`,
  en: (d) => `${d.field}: ${d.endDate} is before the employment's start ${d.startDate}`,
}) {}
