// VerifyCertificate: anyone, without a login (the gateway forwards the public route as the anonymous
// principal, rate-limited per client IP), asks about a certificate number and is told valid, revoked
// or unknown, with the holder's masked name (as the registry masks it), occupation, level, date and
// issuer — never an ID number, never the worker's id (issue 12). The principal is not read.
import type { certificationV1 } from '@jineng/contracts';
import { shanghaiDate } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { KIND_NAMES, type CertificateKind } from '../../shared/certificate-kinds';

export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  5: '初级工',
  4: '中级工',
  3: '高级工',
  2: '技师',
  1: '高级技师',
};

interface Row {
  certificate_number: string;
  status: 'valid' | 'revoked';
  occupation_code: string;
  level: number;
  kind: CertificateKind;
  issued_on: string;
  revoked_at: Date | null;
  name_masked: string | null;
  issuer: string | null;
}

@Injectable()
export class VerifyCertificateHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.VerifyCertificate>,
  ): Promise<certificationV1.CertificateVerification> {
    const number = request.payload.certificateNumber.toUpperCase();
    const S = `"${this.config.schema}"`;
    const { rows } = await this.pool.query<Row>(
      `select c.certificate_number, c.status, c.occupation_code, c.level, c.kind, c.issued_on, c.revoked_at,
              w.name_masked, b.name as issuer
         from ${S}.certificates c
         left join ${S}.workers w on w.worker_id = c.worker_id
         left join ${S}.evaluation_bodies b on b.evaluation_body_id = c.evaluation_body_id
        where c.certificate_number = $1`,
      [number],
    );
    const row = rows[0];
    if (!row) return { certificateNumber: number, status: 'unknown' };
    return {
      certificateNumber: row.certificate_number,
      status: row.status,
      ...(row.name_masked ? { holderNameMasked: row.name_masked } : {}),
      occupationCode: row.occupation_code,
      level: row.level,
      levelName: LEVEL_NAMES[row.level] ?? String(row.level),
      kind: row.kind,
      kindName: KIND_NAMES[row.kind],
      issuedOn: row.issued_on,
      ...(row.issuer ? { issuer: row.issuer } : {}),
      ...(row.revoked_at ? { revokedOn: shanghaiDate(row.revoked_at) } : {}),
    };
  }
}
