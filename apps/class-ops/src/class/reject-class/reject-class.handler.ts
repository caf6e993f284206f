// RejectClass: an officer of the class's jurisdiction rejects it, with a reason.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { ClassCommands } from '../class-command';

@Injectable()
export class RejectClassHandler {
  constructor(private readonly classes: ClassCommands) {}

  handle(request: RpcRequest<classOpsV1.RejectClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId, reason } = request.payload;
    return this.classes.run(
      request,
      (principal, cls) => authorizeOfficer(principal, cls.applied.jurisdictionCode),
      () => ({ type: 'RejectClass', data: { classId, reason } }),
    );
  }
}
