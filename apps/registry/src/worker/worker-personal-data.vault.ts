// Workers' personal data at rest: ID number, name and phone encrypted (AES-256-GCM), the ID number
// also as its keyed hash for lookups. Written in the same transaction as the worker's events.
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { maskPhone } from '../shared/domain/masking';
import { RegistryInfrastructure } from '../shared/registry-infrastructure';

const TABLE = 'worker_personal_data';

export interface WorkerPersonalDataRow {
  readonly workerId: string;
  readonly idNumberHash: string;
  readonly idNumber: string;
  readonly name: string;
  readonly phone: string;
  readonly registeredCommandId: string;
}

@Injectable()
export class WorkerPersonalDataVault {
  constructor(private readonly infra: RegistryInfrastructure) {}

  /** Inserts many workers in one statement (a roster chunk, or one registration). */
  async insert(tx: PoolClient, rows: readonly WorkerPersonalDataRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { cipher } = this.infra;
    const enc = (row: WorkerPersonalDataRow, field: 'idNumber' | 'name' | 'phone') =>
      cipher.encrypt(row[field], { table: TABLE, id: row.workerId, field });
    await tx.query(
      `insert into ${this.infra.table(TABLE)}
         (worker_id, id_number_hash, id_number_enc, name_enc, phone_enc, phone_masked, registered_command_id)
       select * from unnest($1::uuid[], $2::text[], $3::bytea[], $4::bytea[], $5::bytea[], $6::text[], $7::uuid[])`,
      [
        rows.map((r) => r.workerId),
        rows.map((r) => r.idNumberHash),
        rows.map((r) => enc(r, 'idNumber')),
        rows.map((r) => enc(r, 'name')),
        rows.map((r) => enc(r, 'phone')),
        rows.map((r) => maskPhone(r.phone)),
        rows.map((r) => r.registeredCommandId),
      ],
    );
  }

  async update(tx: PoolClient, workerId: string, change: { name?: string; phone?: string }): Promise<void> {
    const { cipher } = this.infra;
    if (change.name !== undefined) {
      await tx.query(
        `update ${this.infra.table(TABLE)} set name_enc = $2, updated_at = now() where worker_id = $1`,
        [workerId, cipher.encrypt(change.name, { table: TABLE, id: workerId, field: 'name' })],
      );
    }
    if (change.phone !== undefined) {
      await tx.query(
        `update ${this.infra.table(TABLE)} set phone_enc = $2, phone_masked = $3, updated_at = now() where worker_id = $1`,
        [
          workerId,
          cipher.encrypt(change.phone, { table: TABLE, id: workerId, field: 'phone' }),
          maskPhone(change.phone),
        ],
      );
    }
  }

  /** The clear values, for an officer's recorded look or a change check; undefined when unknown. */
  async read(workerId: string): Promise<{ idNumber: string; name: string; phone: string } | undefined> {
    const { rows } = await this.infra.pool.query<{
      id_number_enc: Buffer;
      name_enc: Buffer;
      phone_enc: Buffer;
    }>(`select id_number_enc, name_enc, phone_enc from ${this.infra.table(TABLE)} where worker_id = $1`, [
      workerId,
    ]);
    if (!rows[0]) return undefined;
    const { cipher } = this.infra;
    const dec = (value: Buffer, field: string) =>
      cipher.decrypt(value, { table: TABLE, id: workerId, field });
    return {
      idNumber: dec(rows[0].id_number_enc, 'idNumber'),
      name: dec(rows[0].name_enc, 'name'),
      phone: dec(rows[0].phone_enc, 'phone'),
    };
  }

  /** Which of these workers exist, with the command that registered each (committed rows only). */
  async registered(workerIds: readonly string[]): Promise<Map<string, string>> {
    if (workerIds.length === 0) return new Map();
    const { rows } = await this.infra.pool.query<{ worker_id: string; registered_command_id: string }>(
      `select worker_id, registered_command_id from ${this.infra.table(TABLE)} where worker_id = any($1::uuid[])`,
      [workerIds],
    );
    return new Map(rows.map((r) => [r.worker_id, r.registered_command_id]));
  }

  async phoneMasked(workerIds: readonly string[]): Promise<Map<string, string>> {
    if (workerIds.length === 0) return new Map();
    const { rows } = await this.infra.pool.query<{ worker_id: string; phone_masked: string }>(
      `select worker_id, phone_masked from ${this.infra.table(TABLE)} where worker_id = any($1::uuid[])`,
      [workerIds],
    );
    return new Map(rows.map((r) => [r.worker_id, r.phone_masked]));
  }
}
