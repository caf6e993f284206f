import type { PayeeAccountEvent, PayeeKind } from './payee-account.events';

export type PayeeAccountState =
  | { readonly status: 'none' }
  | {
      readonly status: 'sealed';
      readonly payeeId: string;
      readonly payeeKind: PayeeKind;
      readonly accountDigest: string;
      readonly bankCode: string;
    };

export const initialPayeeAccountState = (): PayeeAccountState => ({ status: 'none' });

export function evolvePayeeAccount(_state: PayeeAccountState, event: PayeeAccountEvent): PayeeAccountState {
  const { payeeId, payeeKind, accountDigest, bankCode } = event.data;
  return { status: 'sealed', payeeId, payeeKind, accountDigest, bankCode };
}
