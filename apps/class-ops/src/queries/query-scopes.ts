// Whose rows a reader sees (ARCHITECTURE §6), as the lists' fixed conditions: an institution's user
// its own classes, officers and auditors their jurisdiction and below it.
import { defineDomainError } from '@jineng/ddd';
import type { FixedCondition } from '@jineng/lists';
import type { Principal } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { authorizeOfficer, authorizeReader, ClassAccessDenied, OFFICERS } from '../shared/class-access';
import { onlyRejected, withinJurisdiction } from './class-lists';

export class ClassOrDeviceRequired extends defineDomainError<{ field: string }>({
  code: 'CLASS.CLASS_OR_DEVICE_REQUIRED',
  category: 'validation',
  zh: () => '须指定培训班（classId）或设备（deviceId）',
  en: () => 'name a class (classId) or a device (deviceId)',
}) {}

export class RecordUnknown extends defineDomainError<{ kind: string; id: string }>({
  code: 'CLASS.RECORD_UNKNOWN',
  category: 'not_found',
  zh: (d) => `未知的${d.kind === 'worker' ? '劳动者' : d.kind === 'device' ? '设备' : '培训班'} ${d.id}`,
  en: (d) => `there is no ${d.kind} ${d.id}`,
}) {}

const READERS = [...OFFICERS, 'auditor'];

@Injectable()
export class QueryScopes {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = `"${config.schema}"`;
  }

  classes(principal: Principal, asked: { jurisdiction?: string; institutionId?: string }): FixedCondition[] {
    const reader = principal.roles.some((role) => READERS.includes(role));
    if (!reader) {
      if (!principal.roles.includes('institution') || !principal.institutionId)
        throw new ClassAccessDenied({
          reason: 'institutions, officers and auditors only',
          roles: [...principal.roles],
        });
      if (asked.institutionId && asked.institutionId.toLowerCase() !== principal.institutionId.toLowerCase())
        throw new ClassAccessDenied({ reason: 'another institution’s classes', roles: [...principal.roles] });
      return [{ filter: { sql: 'institution_id', op: 'eq' }, value: principal.institutionId }];
    }
    const jurisdiction = asked.jurisdiction ?? principal.jurisdiction;
    authorizeReader(principal, { institutionId: '', jurisdictionCode: jurisdiction });
    return [withinJurisdiction(jurisdiction)];
  }

  async rejectedCheckIns(
    principal: Principal,
    asked: { classId?: string; deviceId?: string },
  ): Promise<FixedCondition[]> {
    if (!asked.classId && !asked.deviceId) throw new ClassOrDeviceRequired({ field: 'classId' });
    if (asked.classId) {
      const { rows } = await this.pool.query(
        `select institution_id, jurisdiction from ${this.S}.classes where class_id = $1`,
        [asked.classId],
      );
      if (!rows[0]) throw new RecordUnknown({ kind: 'class', id: asked.classId });
      authorizeReader(principal, {
        institutionId: rows[0].institution_id,
        jurisdictionCode: rows[0].jurisdiction,
      });
    }
    if (asked.deviceId) {
      const { rows } = await this.pool.query(
        `select d.institution_id, i.jurisdiction from ${this.S}.rm_devices d
           join ${this.S}.rm_institutions i using (institution_id) where d.device_id = $1`,
        [asked.deviceId],
      );
      if (!rows[0]) throw new RecordUnknown({ kind: 'device', id: asked.deviceId });
      authorizeReader(principal, {
        institutionId: rows[0].institution_id,
        jurisdictionCode: rows[0].jurisdiction,
      });
    }
    return [onlyRejected];
  }

  /** A worker's history: officers and auditors of the worker's jurisdiction (or above). */
  async trainingHistory(principal: Principal, workerId: string): Promise<FixedCondition[]> {
    const { rows } = await this.pool.query(
      `select jurisdiction from ${this.S}.rm_workers where worker_id = $1`,
      [workerId],
    );
    if (!rows[0]) throw new RecordUnknown({ kind: 'worker', id: workerId });
    if (principal.roles.includes('auditor') && !principal.roles.some((role) => OFFICERS.includes(role)))
      authorizeReader(principal, { institutionId: '', jurisdictionCode: rows[0].jurisdiction });
    else authorizeOfficer(principal, rows[0].jurisdiction);
    return [{ filter: { sql: 'worker_id', op: 'eq' }, value: workerId }];
  }

  /** The trainee's own history: a worker principal, whose user id is their worker id; nobody else's. */
  ownTrainings(principal: Principal): FixedCondition[] {
    if (!principal.roles.includes('worker') || !UUID.test(principal.userId))
      throw new ClassAccessDenied({
        reason: 'a trainee reads their own trainings only',
        roles: [...principal.roles],
      });
    return [{ filter: { sql: 'worker_id', op: 'eq' }, value: principal.userId }];
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
