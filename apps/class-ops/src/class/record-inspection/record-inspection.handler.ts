// RecordInspection (抽查): an officer of the class's jurisdiction records a visit — time, place, the
// teachers present, the headcount; the class keeps the average and its ratio to the opening day.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { ClassCommands } from '../class-command';

@Injectable()
export class RecordInspectionHandler {
  constructor(private readonly classes: ClassCommands) {}

  handle(request: RpcRequest<classOpsV1.RecordInspection>): Promise<classOpsV1.ClassCommandAccepted> {
    return this.classes.run(
      request,
      (principal, cls) => authorizeOfficer(principal, cls.applied.jurisdictionCode),
      () => ({ type: 'RecordInspection', data: { ...request.payload } }),
    );
  }
}
