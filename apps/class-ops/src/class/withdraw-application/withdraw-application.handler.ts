// WithdrawApplication: the institution (or an officer) withdraws a class before its start: ClassCancelled WITHDRAWN.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeInstitutionOrOfficer } from '../../shared/class-access';
import { ClassCommands } from '../class-command';

@Injectable()
export class WithdrawApplicationHandler {
  constructor(private readonly classes: ClassCommands) {}

  handle(request: RpcRequest<classOpsV1.WithdrawApplication>): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId, reason } = request.payload;
    return this.classes.run(
      request,
      (principal, cls) =>
        authorizeInstitutionOrOfficer(principal, {
          institutionId: cls.applied.institutionId,
          jurisdiction: cls.applied.jurisdictionCode,
        }),
      () => ({ type: 'WithdrawApplication', data: { classId, ...(reason ? { reason } : {}) } }),
    );
  }
}
