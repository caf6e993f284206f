// UpdateDraft: an admin changes a draft (never a published version).
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { runOnVersion } from '../policy-version.answers';

@Injectable()
export class UpdateDraftHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<subsidyV1.UpdateDraft>): Promise<subsidyV1.PolicyVersion> {
    return runOnVersion(this.commands, request, 'UpdateDraft');
  }
}
