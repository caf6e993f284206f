// How many roster imports run at once (issue #9). An import holds a file's rows and their report in
// memory and keeps a core busy for seconds, so one user runs at most `maxImportsPerUser` at a time and
// this registry process at most `maxImports`. Past either the import is refused at once (429), not
// queued: a queue would hold the files in memory all the same. The client retries a little later.
import { Inject, Injectable } from '@nestjs/common';
import { ROSTER_LIMITS } from '../../registry.tokens';
import { RosterImportsBusy } from '../domain/roster-import.errors';
import type { RosterLimits } from '../roster-limits';

/** About the time a large import takes: when a place is likely free again. */
export const IMPORT_RETRY_AFTER_SECONDS = 30;

@Injectable()
export class ImportAdmission {
  private running = 0;
  private readonly runningByUser = new Map<string, number>();

  constructor(
    @Inject(ROSTER_LIMITS) private readonly limits: Pick<RosterLimits, 'maxImportsPerUser' | 'maxImports'>,
  ) {}

  /** A place for one import of `userId`, or ROSTER.TOO_MANY_IMPORTS; call the answer once to give it back. */
  admit(userId: string): () => void {
    const own = this.runningByUser.get(userId) ?? 0;
    if (own >= this.limits.maxImportsPerUser)
      throw new RosterImportsBusy({
        scope: 'user',
        limit: this.limits.maxImportsPerUser,
        retryAfterSeconds: IMPORT_RETRY_AFTER_SECONDS,
      });
    if (this.running >= this.limits.maxImports)
      throw new RosterImportsBusy({
        scope: 'registry',
        limit: this.limits.maxImports,
        retryAfterSeconds: IMPORT_RETRY_AFTER_SECONDS,
      });
    this.running++;
    this.runningByUser.set(userId, own + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.runningByUser.get(userId) ?? 1) - 1;
      if (left === 0) this.runningByUser.delete(userId);
      else this.runningByUser.set(userId, left);
    };
  }
}
