// After a fault and the recovery: every effect happened exactly once. Read from each service's own
// store (its schema's events) and the audit copy; the ledger's and the audit's checks through the gateway.
import { eventually, PLATFORM_SERVICES, type WholePlatform } from '@jineng/testing';
import type { GatewayClient } from '../../scripts/demo/gateway-client';

const SOURCES = PLATFORM_SERVICES.filter((service) => service !== 'audit');

/** The event ids in a service's store. */
async function storedIds(whole: WholePlatform, service: string): Promise<string[]> {
  const { rows } = await whole.db.pool.query<{ id: string }>(
    `select event_id::text as id from "${whole.schemas[service]}".events order by event_id`,
  );
  return rows.map((r) => r.id);
}

async function copiedIds(whole: WholePlatform, service: string): Promise<string[]> {
  const { rows } = await whole.db.pool.query<{ id: string }>(
    `select event_id::text as id from "${whole.schemas.audit}".audit_events where service = $1 order by event_id`,
    [service],
  );
  return rows.map((r) => r.id);
}

export async function expectExactlyOnce(
  whole: WholePlatform,
  client: GatewayClient,
  paidClaimIds: readonly string[],
): Promise<void> {
  // no claim paid twice: one ClaimPaid per claim, one settled payment, one 'paid' in its view
  for (const claimId of paidClaimIds) {
    const subsidy = await whole.db.pool.query<{ type: string; n: number }>(
      `select type, count(*)::int as n from "${whole.schemas.subsidy}".events
        where stream_id = $1 and type in ('ClaimApproved.v1', 'ClaimPaid.v1') group by type order by type`,
      [`claim-${claimId}`],
    );
    expect([claimId, subsidy.rows]).toEqual([
      claimId,
      [
        { type: 'ClaimApproved.v1', n: 1 },
        { type: 'ClaimPaid.v1', n: 1 },
      ],
    ]);
    const ledger = await whole.db.pool.query<{ type: string; n: number }>(
      `select type, count(*)::int as n from "${whole.schemas['fund-ledger']}".events
        where data->>'claimId' = $1 and type in ('CommitmentMade.v1', 'PaymentSettled.v1') group by type order by type`,
      [claimId],
    );
    expect([claimId, ledger.rows]).toEqual([
      claimId,
      [
        { type: 'CommitmentMade.v1', n: 1 },
        { type: 'PaymentSettled.v1', n: 1 },
      ],
    ]);
    const view = await client.get('county_officer', `/api/v1/claims/${claimId}`);
    expect(view.body.payments.filter((p: { outcome: string }) => p.outcome === 'paid')).toHaveLength(1);
  }
  // no event lost: the audit copy holds exactly the events of every service's store
  await eventually(
    async () => {
      for (const service of SOURCES)
        expect([service, await copiedIds(whole, service)]).toEqual([
          service,
          await storedIds(whole, service),
        ]);
    },
    { timeoutMs: 30_000 },
  );
  // the ledger balanced
  const ledger = await client.get('finance_officer', '/api/v1/fund-ledger/verification');
  expect(ledger.body).toMatchObject({ ok: true, trialBalanceFen: 0, problems: [] });
  // the copy's chains hold against every service's own hashes
  for (const service of SOURCES) {
    const verification = await client.get('auditor', `/api/v1/audit/verification?service=${service}`);
    expect([service, verification.body]).toEqual([
      service,
      expect.objectContaining({ ok: true, broken: [] }),
    ]);
  }
}
