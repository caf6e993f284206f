// From a clear resident ID number to what the registry keeps and shows: the keyed hash (lookups,
// events), the derived worker id, the masked form, and the birth date and gender the number states.
// The clear number goes no further than the cipher.
import { ResidentId, shanghaiDate } from '@jineng/kernel';
import { InvalidIdNumber } from '../shared/domain/identity.errors';
import { workerIdOf } from '../shared/deterministic-id';
import type { PersonalDataCipher } from './personal-data-cipher';

export interface ResidentIdentity {
  readonly residentId: ResidentId;
  readonly idNumberHash: string;
  readonly workerId: string;
  readonly idNumberMasked: string;
  readonly birthDate: string;
  readonly gender: 'male' | 'female';
}

export function residentIdentity(
  cipher: PersonalDataCipher,
  idNumber: string,
  now: Date,
  field = 'idNumber',
): ResidentIdentity {
  const parsed = ResidentId.parse(idNumber, shanghaiDate(now));
  if (!parsed.ok) {
    const { code, messageZh, messageEn } = parsed.reason;
    throw new InvalidIdNumber({ field, rule: code, reason: messageZh, reasonEn: messageEn });
  }
  const residentId = parsed.value;
  const idNumberHash = cipher.lookupHash('resident-id', residentId.unmasked());
  return {
    residentId,
    idNumberHash,
    workerId: workerIdOf(idNumberHash),
    idNumberMasked: residentId.mask(),
    birthDate: residentId.birthDate,
    gender: residentId.gender,
  };
}
