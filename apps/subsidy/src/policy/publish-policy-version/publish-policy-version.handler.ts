// PublishPolicyVersion: an admin publishes a draft; from then on it is immutable.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { runOnVersion } from '../policy-version.answers';

@Injectable()
export class PublishPolicyVersionHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<subsidyV1.PublishPolicyVersion>): Promise<subsidyV1.PolicyVersion> {
    return runOnVersion(this.commands, request, 'PublishPolicyVersion');
  }
}
