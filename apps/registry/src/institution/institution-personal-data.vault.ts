// An institution's encrypted data: its bank account (the subsidies' destination) and its teachers'
// names and ID numbers. Written in the transaction of the events that mention them (masked).
import type { registryV1 } from '@jineng/contracts';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { residentIdentity } from '../personal-data/resident-identity';
import { maskName } from '../shared/domain/masking';
import { RegistryInfrastructure } from '../shared/registry-infrastructure';
import type { TeacherFacts } from './domain/institution.decide';

@Injectable()
export class InstitutionPersonalDataVault {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async saveBankAccount(
    tx: PoolClient,
    institutionId: string,
    account: registryV1.BankAccountInput,
  ): Promise<void> {
    const table = 'institution_bank_accounts';
    const enc = (value: string, field: string) =>
      this.infra.cipher.encrypt(value, { table, id: institutionId, field });
    await tx.query(
      `insert into ${this.infra.table(table)} (institution_id, account_name_enc, account_number_enc) values ($1, $2, $3)
       on conflict (institution_id) do update set account_name_enc = excluded.account_name_enc,
         account_number_enc = excluded.account_number_enc, updated_at = now()`,
      [institutionId, enc(account.accountName, 'accountName'), enc(account.accountNumber, 'accountNumber')],
    );
  }

  async saveTeachers(
    tx: PoolClient,
    institutionId: string,
    teachers: readonly registryV1.TeacherInput[],
  ): Promise<void> {
    const table = 'teacher_personal_data';
    for (const teacher of teachers) {
      const identity = residentIdentity(
        this.infra.cipher,
        teacher.idNumber,
        this.infra.clock.now(),
        'teacher.idNumber',
      );
      const enc = (value: string, field: string) =>
        this.infra.cipher.encrypt(value, { table, id: teacher.teacherId, field });
      await tx.query(
        `insert into ${this.infra.table(table)} (teacher_id, institution_id, id_number_hash, id_number_enc, name_enc)
         values ($1, $2, $3, $4, $5)`,
        [
          teacher.teacherId,
          institutionId,
          identity.idNumberHash,
          enc(teacher.idNumber, 'idNumber'),
          enc(teacher.name, 'name'),
        ],
      );
    }
  }

  /** A teacher as the decider sees it: hashed and masked. */
  teacherFacts(teacher: registryV1.TeacherInput, field: string): TeacherFacts {
    const identity = residentIdentity(
      this.infra.cipher,
      teacher.idNumber,
      this.infra.clock.now(),
      `${field}.idNumber`,
    );
    return {
      teacherId: teacher.teacherId,
      idNumberHash: identity.idNumberHash,
      idNumberMasked: identity.idNumberMasked,
      nameMasked: maskName(teacher.name),
      occupationCodes: teacher.occupationCodes,
      ...(teacher.certificateNumber ? { certificateNumber: teacher.certificateNumber } : {}),
      fullTime: teacher.fullTime,
    };
  }
}
