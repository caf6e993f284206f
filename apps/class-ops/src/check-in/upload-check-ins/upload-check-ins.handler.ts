// UploadCheckIns: a device's queued check-ins, sent when it is back online (up to 3 000): each judged
// alone by the same rules with the device's time, every outcome answered in the order sent; sent
// again, nothing changes and the same outcomes come back.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CheckInIntake } from '../check-in-intake';

@Injectable()
export class UploadCheckInsHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly intake: CheckInIntake,
  ) {}

  async handle(request: RpcRequest<classOpsV1.UploadCheckIns>): Promise<classOpsV1.CheckInBatchResult> {
    const { envelope, payload } = request;
    const { device, jurisdiction } = await this.intake.authorize(envelope.principal, payload.deviceId);
    const outcomes = await this.intake.record(
      this.commands.metadataOf(request, jurisdiction),
      payload.deviceId,
      device,
      payload.checkIns,
    );
    return {
      accepted: outcomes.filter((o) => o.outcome === 'accepted').length,
      rejected: outcomes.filter((o) => o.outcome === 'rejected').length,
      alreadyRecorded: outcomes.filter((o) => o.idempotent).length,
      outcomes,
    };
  }
}
