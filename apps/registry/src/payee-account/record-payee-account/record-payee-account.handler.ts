// RecordPayeeAccount: a payee's bank account, recorded by the payee itself — an institution or an
// enterprise for its own record, a worker for their own (the token's subject is the worker id) — or by
// an officer of the payee's jurisdiction. The clear account is sealed here to the fund ledger's public
// key (ADR 0012) and only the box, the digest of the clear account and the bank code are recorded
// (PayeeAccountSealed.v1): the registry keeps no clear account, in the event or anywhere else.
import { createHash } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { registryV1 } from '@jineng/contracts';
import { PAYEE_ACCOUNT_PURPOSE, sealBox } from '@jineng/kernel';
import type { Principal, RpcRequest } from '@jineng/messaging';
import { commandAccepted, CommandRunner } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { enterpriseDecider } from '../../enterprise/domain/enterprise.decide';
import { enterpriseStreamId } from '../../enterprise/domain/enterprise.events';
import { institutionDecider } from '../../institution/domain/institution.decide';
import { institutionStreamId } from '../../institution/domain/institution.events';
import { PAYEE_SEALING_KEY } from '../../registry.tokens';
import { workerDecider } from '../../worker/domain/worker.decide';
import { workerStreamId } from '../../worker/domain/worker.events';
import { payeeAccountDecider } from '../domain/payee-account.decide';
import { PayeeNotRegistered, PayeeSealingKeyMissing } from '../domain/payee-account.errors';
import { payeeAccountStreamId, type PayeeKind } from '../domain/payee-account.events';

/** The clear account as sealed and digested: the fund ledger reads these two fields back. */
export const clearPayeeAccount = (accountName: string, accountNumber: string): string =>
  JSON.stringify({ accountName, accountNumber });

@Injectable()
export class RecordPayeeAccountHandler {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(PAYEE_SEALING_KEY) private readonly sealingKey: KeyObject | undefined,
  ) {}

  async handle(request: RpcRequest<registryV1.RecordPayeeAccount>): Promise<registryV1.CommandAccepted> {
    const { payeeId, accountName, accountNumber, bankCode } = request.payload;
    const payeeKind = request.payload.payeeKind as PayeeKind;
    const jurisdiction = await this.payeeJurisdiction(request.envelope.principal, payeeKind, payeeId);
    if (!this.sealingKey) throw new PayeeSealingKeyMissing({});
    const clear = clearPayeeAccount(accountName.trim(), accountNumber);
    const result = await this.commands.run(request, {
      decider: payeeAccountDecider,
      streamId: payeeAccountStreamId(payeeId),
      jurisdiction,
      command: {
        type: 'RecordPayeeAccount',
        data: {
          payeeId,
          payeeKind,
          sealedAccount: sealBox(this.sealingKey, clear, PAYEE_ACCOUNT_PURPOSE),
          accountDigest: createHash('sha256').update(clear).digest('hex'),
          bankCode,
          payeeRegistered: true,
        },
      },
    });
    return commandAccepted(payeeId, result);
  }

  /** The payee's record: its jurisdiction, once the caller is found allowed to act on it. */
  private async payeeJurisdiction(principal: Principal, kind: PayeeKind, payeeId: string): Promise<string> {
    if (kind === 'institution') {
      const state = await this.commands.load(institutionDecider, institutionStreamId(payeeId));
      if (state.status === 'none') throw new PayeeNotRegistered({ payeeId, payeeKind: kind });
      authorize(principal, ['institution', ...OFFICERS], {
        jurisdiction: state.jurisdiction,
        institutionId: payeeId,
      });
      return state.jurisdiction;
    }
    if (kind === 'enterprise') {
      const state = await this.commands.load(enterpriseDecider, enterpriseStreamId(payeeId));
      if (state.status === 'none') throw new PayeeNotRegistered({ payeeId, payeeKind: kind });
      authorize(principal, ['enterprise', ...OFFICERS], {
        jurisdiction: state.jurisdiction,
        enterpriseId: payeeId,
      });
      return state.jurisdiction;
    }
    const state = await this.commands.load(workerDecider, workerStreamId(payeeId));
    if (state.status !== 'registered') throw new PayeeNotRegistered({ payeeId, payeeKind: kind });
    const self =
      principal.roles.includes('worker') && principal.userId.toLowerCase() === payeeId.toLowerCase();
    if (!self) authorize(principal, OFFICERS, { jurisdiction: state.jurisdiction });
    return state.jurisdiction;
  }
}
