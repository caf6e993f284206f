// RecordRectification: an officer of the institution's jurisdiction records that it has rectified every
// class whose satisfaction fell short (certification's ClassSatisfactionBelowMinimum); the failures are
// closed in the transaction of the event, and the institution may open classes again.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import {
  RectifyingInstitutionUnknown,
  rectificationDecider,
  rectificationStreamId,
} from '../domain/rectification';

@Injectable()
export class RecordRectificationHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
  ) {}

  async handle(
    request: RpcRequest<classOpsV1.RecordRectification>,
  ): Promise<classOpsV1.RectificationAccepted> {
    const { envelope, payload } = request;
    const institution = await this.store.institutionOf(payload.institutionId);
    if (!institution) throw new RectifyingInstitutionUnknown({ institutionId: payload.institutionId });
    authorizeOfficer(envelope.principal, institution.jurisdiction);
    const open = await this.store.openSatisfactionFailures(payload.institutionId);
    const result = await this.commands.run(request, {
      decider: rectificationDecider,
      streamId: rectificationStreamId(payload.institutionId),
      jurisdiction: institution.jurisdiction,
      command: {
        type: 'RecordRectification',
        data: {
          institutionId: payload.institutionId,
          jurisdiction: institution.jurisdiction,
          reason: payload.reason,
          openClassIds: open.map((f) => f.classId),
        },
      },
      withEvents: (tx, { events }) => this.store.markRectified(tx, events),
    });
    return commandAccepted(payload.institutionId, result);
  }
}
