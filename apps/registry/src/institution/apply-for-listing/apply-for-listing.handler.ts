// ApplyForListing: an institution (or an officer for it) applies to the directory of its jurisdiction.
// One institution per credit code; bank account and teachers' personal data go encrypted to the vault
// in the transaction of InstitutionAppliedForListing.v1 and TeacherRegistered.v1.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { claim } from '../../persistence/unique-claims';
import { maskBankAccount } from '../../shared/domain/masking';
import { RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { institutionDecider, type ApplyForListing } from '../domain/institution.decide';
import { CreditCodeTaken } from '../domain/institution.errors';
import { institutionStreamId } from '../domain/institution.events';
import { InstitutionPersonalDataVault } from '../institution-personal-data.vault';

@Injectable()
export class ApplyForListingHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly infra: RegistryInfrastructure,
    private readonly vault: InstitutionPersonalDataVault,
  ) {}

  async handle(request: RpcRequest<registryV1.ApplyForListing>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    authorize(envelope.principal, ['institution', ...OFFICERS], {
      jurisdiction: payload.jurisdiction,
      institutionId: payload.institutionId,
    });
    const creditCode = payload.creditCode.toUpperCase();
    const { bankAccount, teachers, ...application } = payload;
    const data: ApplyForListing['data'] = {
      ...application,
      creditCode,
      bankName: bankAccount.bankName,
      bankAccountMasked: maskBankAccount(bankAccount.accountNumber),
      teachers: teachers.map((teacher, i) => this.vault.teacherFacts(teacher, `teachers[${i}]`)),
    };
    const result = await this.commands.run(request, {
      decider: institutionDecider,
      streamId: institutionStreamId(payload.institutionId),
      jurisdiction: payload.jurisdiction,
      command: { type: 'ApplyForListing', data },
      withEvents: async (tx, recorded) => {
        const owner = await claim(tx, this.infra.schema, 'credit-code', creditCode, payload.institutionId);
        if (owner !== payload.institutionId) throw new CreditCodeTaken({ creditCode, ownerId: owner });
        await this.vault.saveBankAccount(tx, payload.institutionId, bankAccount);
        const newTeachers = new Set(
          recorded.events
            .filter((e) => e.type === 'TeacherRegistered.v1')
            .map((e) => (e.data as { teacherId: string }).teacherId),
        );
        await this.vault.saveTeachers(
          tx,
          payload.institutionId,
          teachers.filter((t) => newTeachers.has(t.teacherId)),
        );
      },
    });
    return commandAccepted(payload.institutionId, result);
  }
}
