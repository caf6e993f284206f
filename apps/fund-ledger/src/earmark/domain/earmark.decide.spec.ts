import type { CommandMetadata } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { FinanceRoleRequired, OutsideJurisdiction } from '../../funds/domain/funds.decide';
import { EarmarkAlreadyMade, earmarkDecider, earmarkIdOf, type EarmarkForClass } from './earmark.decide';

const spec = DeciderSpecification.for(earmarkDecider);
const metadata = (roles: string[], userId = 'finance-530302'): CommandMetadata => ({
  commandId: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  actor: { userId, roles },
  jurisdiction: '530302',
  now: '2026-11-29T02:00:00.000Z',
  correlationId: 'corr-1',
});
const data = {
  classId: 'class-1',
  jurisdictionCode: '530302',
  fundSource: 'skills_upgrading_account',
  amountFen: 500_000,
} as const;
const earmark = (
  extra: Partial<EarmarkForClass['data']> = {},
  roles = ['finance_officer'],
): EarmarkForClass => ({
  type: 'EarmarkForClass',
  data: { ...data, actorJurisdiction: '530300', ...extra },
  metadata: metadata(roles),
});
const earmarked = {
  type: 'ClassEarmarked.v1' as const,
  data: { ...data, earmarkId: earmarkIdOf('class-1') },
};

describe('EarmarkForClass', () => {
  it('reserves the class estimate', () => {
    spec.given().when(earmark()).then(earmarked);
  });

  it('records the refusal the book found', () => {
    spec
      .given()
      .when(earmark({ refusal: { availableFen: 100, reason: 'LEDGER.INSUFFICIENT_FUNDS' } }))
      .then({
        type: 'EarmarkRefused.v1',
        data: {
          classId: 'class-1',
          jurisdictionCode: '530302',
          fundSource: 'skills_upgrading_account',
          requestedFen: 500_000,
          availableFen: 100,
          reason: 'LEDGER.INSUFFICIENT_FUNDS',
        },
      });
  });

  it('earmarks a class refused before once funds have come', () => {
    spec
      .given({
        type: 'EarmarkRefused.v1',
        data: { ...data, requestedFen: 500_000, availableFen: 0, reason: 'LEDGER.INSUFFICIENT_FUNDS' },
      } as never)
      .when(earmark())
      .then(earmarked);
  });

  it('resolves once: the same estimate again changes nothing, another is refused', () => {
    spec.given(earmarked).when(earmark()).thenNothingHappened();
    spec
      .given(earmarked)
      .when(earmark({ amountFen: 1 }))
      .thenThrows(EarmarkAlreadyMade, (e) => e.details.amountFen === 500_000);
  });

  it('is for finance within its jurisdiction, or the service itself', () => {
    spec
      .given()
      .when(earmark({}, ['institution']))
      .thenThrows(FinanceRoleRequired);
    spec
      .given()
      .when(earmark({ actorJurisdiction: '140800' }))
      .thenThrows(OutsideJurisdiction);
    spec
      .given()
      .when({ ...earmark(), data: data, metadata: metadata(['system'], 'system:fund-ledger') })
      .then(earmarked);
  });
});
