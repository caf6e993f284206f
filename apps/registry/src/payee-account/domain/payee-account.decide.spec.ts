import { DeciderSpecification } from '@jineng/testing';
import { expectEventsMatchContracts, metadataAt } from '../../testing/registry.fixture';
import { payeeAccountDecider, type RecordPayeeAccount } from './payee-account.decide';
import { PayeeKindMismatch, PayeeNotRegistered } from './payee-account.errors';
import type { PayeeAccountSealed } from './payee-account.events';

const spec = DeciderSpecification.for(payeeAccountDecider);
const payeeId = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const account = {
  payeeId,
  payeeKind: 'institution' as const,
  sealedAccount: 'AQ' + 'x'.repeat(80),
  accountDigest: 'a'.repeat(64),
  bankCode: '102100099996',
};
const record = (data: Partial<RecordPayeeAccount['data']> = {}): RecordPayeeAccount => ({
  type: 'RecordPayeeAccount',
  data: { ...account, payeeRegistered: true, ...data },
  metadata: metadataAt(),
});
const sealed: PayeeAccountSealed = { type: 'PayeeAccountSealed.v1', data: account };

it("seals a registered payee's account, as the contract says", () => {
  spec.given().when(record()).then(sealed);
  expectEventsMatchContracts([sealed]);
});

it('changes nothing when the same account (same digest, same bank) is recorded again', () => {
  spec
    .given(sealed)
    .when(record({ sealedAccount: 'AQ' + 'y'.repeat(80) }))
    .then();
});

it('records a changed account (a new digest) or a changed bank', () => {
  const changed = { ...account, sealedAccount: 'AQnew', accountDigest: 'b'.repeat(64) };
  spec.given(sealed).when(record(changed)).then({ type: 'PayeeAccountSealed.v1', data: changed });
  const moved = { ...account, bankCode: '103100000026' };
  spec.given(sealed).when(record(moved)).then({ type: 'PayeeAccountSealed.v1', data: moved });
});

it('refuses a payee the registry does not know, and another kind for a recorded payee', () => {
  spec
    .given()
    .when(record({ payeeRegistered: false }))
    .thenThrows(PayeeNotRegistered);
  spec
    .given(sealed)
    .when(record({ payeeKind: 'enterprise' }))
    .thenThrows(PayeeKindMismatch);
});
