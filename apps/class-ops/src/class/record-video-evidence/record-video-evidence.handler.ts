// RecordVideoEvidence: the institution records a video of a session — its reference in object storage
// and its SHA-256, never the video (DOMAIN §3).
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeInstitution } from '../../shared/class-access';
import { ClassCommands } from '../class-command';

@Injectable()
export class RecordVideoEvidenceHandler {
  constructor(private readonly classes: ClassCommands) {}

  handle(request: RpcRequest<classOpsV1.RecordVideoEvidence>): Promise<classOpsV1.ClassCommandAccepted> {
    return this.classes.run(
      request,
      (principal, cls) => authorizeInstitution(principal, cls.applied.institutionId),
      () => ({ type: 'RecordVideoEvidence', data: { ...request.payload } }),
    );
  }
}
