// What each command of the auditors' CLI asks the gateway, and what it prints: the answer as JSON on
// stdout (to keep, diff or feed to other tools), progress and a one-line summary on stderr. A run that
// finds something — a broken chain, a recomputation that differs — ends with FINDING_EXIT.
import type { auditV1 } from '@jineng/contracts';
import { Money } from '@jineng/kernel';
import type { CliArgs } from './cli-args';
import type { GatewayClient } from './gateway-client';
import { ProgressBar } from './progress-bar';

export const FINDING_EXIT = 3;

/** The services whose streams the audit copy holds (nest-cli.json's services that publish events). */
export const PUBLISHING_SERVICES = ['registry', 'class-ops', 'certification', 'subsidy', 'fund-ledger'];

export interface CliIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown; isTTY?: boolean };
}

const PAGE_SIZE = 500;

export async function runCommand(args: CliArgs, gateway: GatewayClient, io: CliIo): Promise<number> {
  const one = (name: string) => args.options[name]?.[0];
  const jurisdiction = one('jurisdiction');
  const print = (value: unknown) => io.out.write(`${JSON.stringify(value, null, 2)}\n`);
  switch (args.command) {
    case 'timeline': {
      const [entityId] = args.ids;
      const path = `/api/v1/audit/entities/${encodeURIComponent(entityId)}/timeline`;
      const filters = {
        type: one('type'),
        service: one('service'),
        kind: one('kind'),
        recordedFrom: one('from'),
        recordedTo: one('to'),
        jurisdiction,
        pageSize: PAGE_SIZE,
      };
      const first = await gateway.get<auditV1.TimelinePage>(path, { ...filters, page: 1 });
      const pages = Math.max(1, Math.ceil(first.total / PAGE_SIZE));
      const bar = new ProgressBar(io.err, pages);
      bar.update(1, 'pages');
      const items = [...first.items];
      for (let page = 2; page <= pages; page++) {
        items.push(...(await gateway.get<auditV1.TimelinePage>(path, { ...filters, page })).items);
        bar.update(page, 'pages');
      }
      bar.finish();
      print({ entityId, total: first.total, items });
      io.err.write(`timeline of ${entityId}: ${items.length} events\n`);
      return 0;
    }
    case 'explain': {
      const payment = one('payment');
      const explanation = await gateway.get<auditV1.Explanation>(
        payment
          ? `/api/v1/audit/payments/${payment}/explanation`
          : `/api/v1/audit/claims/${one('claim')}/explanation`,
        {
          ...(payment && one('claim') ? { claimId: one('claim') } : {}),
          workerId: one('worker'),
          jurisdiction,
        },
      );
      print(explanation);
      io.err.write(
        `claim ${explanation.claimId}: ${explanation.links.length} links, explained ${yuan(explanation.explainedFen)}, paid ${yuan(explanation.paidFen)}` +
          (explanation.missing.length > 0 ? `; missing: ${explanation.missing.join(', ')}` : '') +
          '\n',
      );
      return 0;
    }
    case 'replay': {
      const state = await gateway.get<auditV1.ClaimAsOf>(`/api/v1/audit/claims/${args.ids[0]}/as-of`, {
        asOf: new Date(Date.parse(one('as-of')!)).toISOString(),
        jurisdiction,
      });
      print(state);
      io.err.write(
        `claim ${state.claimId} as of ${state.asOf}: ${String(state.claim?.status ?? 'not yet submitted')}\n`,
      );
      return 0;
    }
    case 'recompute': {
      const bar = new ProgressBar(io.err, args.ids.length);
      const results: auditV1.Recomputation[] = [];
      for (const [i, claimId] of args.ids.entries()) {
        results.push(
          await gateway.get<auditV1.Recomputation>(`/api/v1/audit/claims/${claimId}/recomputation`, {
            jurisdiction,
          }),
        );
        bar.update(i + 1, 'claims');
      }
      bar.finish();
      print(args.ids.length === 1 ? results[0] : results);
      const differing = results.filter((r) => !r.equal);
      for (const r of differing)
        io.err.write(
          `claim ${r.claimId}: recomputed ${yuan(r.recomputedFen)}, paid ${yuan(r.paidFen)}, difference ${r.differenceFen} fen\n`,
        );
      io.err.write(`${results.length} claims recomputed, ${differing.length} differ\n`);
      return differing.length > 0 ? FINDING_EXIT : 0;
    }
    case 'verify': {
      const services = args.options.service ?? PUBLISHING_SERVICES;
      const bar = new ProgressBar(io.err, services.length);
      const reports: (auditV1.AuditChainReport & { service: string })[] = [];
      for (const [i, service] of services.entries()) {
        reports.push({
          service,
          ...(await gateway.get<auditV1.AuditChainReport>('/api/v1/audit/verification', { service })),
        });
        bar.update(i + 1, service);
      }
      bar.finish();
      const ok = reports.every((r) => r.ok);
      print({ ok, services: reports });
      io.err.write(
        `audit copy ${ok ? 'verified' : 'BROKEN'}: ${reports.reduce((n, r) => n + r.streams, 0)} streams, ${reports.reduce((n, r) => n + r.events, 0)} events\n`,
      );
      return ok ? 0 : FINDING_EXIT;
    }
  }
}

/** '¥1,234.56': integer fen shown without a float (the kernel's Money). */
const yuan = (fen: number): string => Money.fen(fen).format();
