// A payee's bank account (docs/contracts.md, PayeeAccountSealed.v1): the institution, enterprise or
// worker the fund ledger pays subsidies into. The handler seals the clear account to the fund ledger's
// public key before the decision (sealing is random: not the decider's business); the decider sees only
// the box, its digest and the bank code, and records a new account only when the digest or the bank
// changes — recording the same account again changes nothing.
import type { Command, Decider } from '@jineng/ddd';
import { PayeeKindMismatch, PayeeNotRegistered } from './payee-account.errors';
import type { PayeeAccountEvent, PayeeAccountSealed, PayeeKind } from './payee-account.events';
import { evolvePayeeAccount, initialPayeeAccountState, type PayeeAccountState } from './payee-account.state';

export type RecordPayeeAccount = Command<
  'RecordPayeeAccount',
  PayeeAccountSealed['data'] & {
    /** whether the handler found the payee's record in the registry */
    readonly payeeRegistered: boolean;
  }
>;

export function decidePayeeAccount(
  command: RecordPayeeAccount,
  state: PayeeAccountState,
): PayeeAccountEvent[] {
  const { payeeRegistered, ...data } = command.data;
  if (!payeeRegistered) throw new PayeeNotRegistered({ payeeId: data.payeeId, payeeKind: data.payeeKind });
  if (state.status === 'sealed') {
    if (state.payeeKind !== data.payeeKind)
      throw new PayeeKindMismatch({
        payeeId: data.payeeId,
        recorded: state.payeeKind,
        asked: data.payeeKind,
      });
    if (state.accountDigest === data.accountDigest && state.bankCode === data.bankCode) return [];
  }
  return [{ type: 'PayeeAccountSealed.v1', data: { ...data, payeeKind: data.payeeKind as PayeeKind } }];
}

export const payeeAccountDecider: Decider<RecordPayeeAccount, PayeeAccountState, PayeeAccountEvent> = {
  initialState: initialPayeeAccountState,
  decide: decidePayeeAccount,
  evolve: evolvePayeeAccount,
};
