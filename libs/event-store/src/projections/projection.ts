import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { RecordedEvent } from '../event-store.port';

/** A read model fed by events. `apply` writes only through the given manager (the batch's transaction). */
export interface Projection {
  /** stable name: its checkpoint is `projection:<name>` */
  readonly name: string;
  /** the tables it owns: cleared when it is rebuilt */
  readonly entities: readonly EntityTarget<ObjectLiteral>[];
  apply(event: RecordedEvent, manager: EntityManager): Promise<void>;
}

export interface RebuildProgress {
  readonly processed: number;
  readonly total: number;
}
