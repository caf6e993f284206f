// RecordCheckIn: one check-in from a device online, judged at once (grouped with the check-ins arriving at
// the same moment, ADR 0008); its own outcome answered.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CheckInIntake } from '../check-in-intake';

@Injectable()
export class RecordCheckInHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly intake: CheckInIntake,
  ) {}

  async handle(request: RpcRequest<classOpsV1.RecordCheckIn>): Promise<classOpsV1.CheckInOutcome> {
    const { envelope, payload } = request;
    const { device, jurisdiction } = await this.intake.authorize(envelope.principal, payload.deviceId);
    return this.intake.recordOne(
      this.commands.metadataOf(request, jurisdiction),
      payload.deviceId,
      device,
      payload.checkIn,
    );
  }
}
