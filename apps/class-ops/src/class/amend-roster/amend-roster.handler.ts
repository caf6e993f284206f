// AmendRoster: the institution changes the roster before the start; the added trainees and the class size are judged again.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeInstitution } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import { ClassCommands } from '../class-command';

@Injectable()
export class AmendRosterHandler {
  constructor(
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
  ) {}

  handle(request: RpcRequest<classOpsV1.AmendRoster>): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId, workerIds } = request.payload;
    return this.classes.run(
      request,
      (principal, cls) => authorizeInstitution(principal, cls.applied.institutionId),
      async (cls) => {
        const facts = await this.store.openingFacts({
          institutionId: cls.applied.institutionId,
          jurisdiction: cls.applied.jurisdictionCode,
          teacherIds: cls.applied.teacherIds,
          workerIds,
          startDate: cls.applied.startDate,
        });
        return { type: 'AmendRoster', data: { classId, workerIds, facts } };
      },
    );
  }
}
