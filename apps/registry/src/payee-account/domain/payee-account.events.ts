import type { DomainEvent } from '@jineng/ddd';

export type PayeeKind = 'institution' | 'enterprise' | 'worker';

/** docs/contracts.md: the account only sealed to the fund ledger's key, never in clear. */
export type PayeeAccountSealed = DomainEvent<
  'PayeeAccountSealed.v1',
  {
    readonly payeeId: string;
    readonly payeeKind: PayeeKind;
    readonly sealedAccount: string;
    readonly accountDigest: string;
    readonly bankCode: string;
  }
>;

export type PayeeAccountEvent = PayeeAccountSealed;

export const payeeAccountStreamId = (payeeId: string): string => `payee-account-${payeeId}`;
