// Projects the worker events into worker_view (exactly once per event: ProjectionRunner).
import type { Projection, RecordedEvent } from '@jineng/event-store';
import type { EntityManager } from 'typeorm';
import type { WorkerEvent } from '../domain/worker.events';
import { WorkerViewEntity } from './worker-view.entity';

export function workerViewProjection(schema: string): Projection {
  const T = `"${schema}".worker_view`;
  return {
    name: 'worker-view',
    entities: [WorkerViewEntity],
    async apply(recorded: RecordedEvent, manager: EntityManager) {
      const event = { type: recorded.type, data: recorded.data } as unknown as WorkerEvent;
      switch (event.type) {
        case 'WorkerRegistered.v1': {
          const d = event.data;
          await manager.query(
            `insert into ${T} (worker_id, id_number_hash, id_number_masked, name_masked, gender, jurisdiction,
               hukou_jurisdiction, residence_jurisdiction, education, category, key_groups, able_to_work,
               willing_to_work, registered_on, registered_at, hard_to_move_into_work)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) on conflict do nothing`,
            [
              d.workerId,
              d.idNumberHash,
              d.idNumberMasked,
              d.nameMasked,
              d.gender,
              d.jurisdiction,
              d.hukouJurisdiction,
              d.residenceJurisdiction,
              d.education,
              d.category,
              JSON.stringify(d.keyGroups),
              d.ableToWork,
              d.willingToWork,
              d.registeredOn,
              recorded.recordedAt.getTime(),
              d.hardToMoveIntoWork === true,
            ],
          );
          return;
        }
        case 'WorkerProfileUpdated.v1': {
          const { workerId, phoneChanged: _phone, ...changes } = event.data;
          const row = await manager.findOneBy(WorkerViewEntity, { workerId });
          if (!row) return;
          Object.assign(row, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
          await manager.save(row);
          return;
        }
        case 'TrainingWishRecorded.v1': {
          const { workerId, occupationCode, level, recordedOn } = event.data;
          await manager.query(
            `update ${T} set training_wishes = training_wishes || $2::jsonb where worker_id = $1`,
            [workerId, JSON.stringify([{ occupationCode, level, recordedOn }])],
          );
          return;
        }
        case 'EmploymentRecorded.v1': {
          const { workerId, employmentId, employerCreditCode, startDate, evidenceKind } = event.data;
          await manager.query(
            `update ${T} set employments = employments || $2::jsonb, employed = true where worker_id = $1`,
            [workerId, JSON.stringify([{ employmentId, employerCreditCode, startDate, evidenceKind }])],
          );
          return;
        }
        case 'EmploymentEnded.v1': {
          const row = await manager.findOneBy(WorkerViewEntity, { workerId: event.data.workerId });
          if (!row) return;
          row.employments = row.employments.map((e) =>
            e.employmentId === event.data.employmentId ? { ...e, endDate: event.data.endDate } : e,
          );
          row.employed = row.employments.some((e) => e.endDate === undefined);
          await manager.save(row);
          return;
        }
        default:
          return;
      }
    },
  };
}
