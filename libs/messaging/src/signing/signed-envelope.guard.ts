// The one place a service checks that a request comes from the gateway: a global guard on the NATS
// side of every service (libs/service-runtime createServiceApp installs it), so no controller can
// forget it. It runs before any pipe or handler — before the payload is read — with the subject the
// request actually arrived on, so a request signed for another subject is refused too. A refusal is
// logged (subject and reason only: what the request claims is not to be believed, nor logged).
import { Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { EnvelopeVerifier } from './envelope-signature';
import { UntrustedRequest } from './untrusted-request';

export class SignedEnvelopeGuard implements CanActivate {
  private readonly logger = new Logger('SignedEnvelopeGuard');

  constructor(private readonly verifier: EnvelopeVerifier) {}

  canActivate(context: ExecutionContext): boolean {
    // HTTP (health, metrics) is not a trust boundary of this kind
    if (context.getType() !== 'rpc') return true;
    const rpc = context.switchToRpc();
    const transport = rpc.getContext() as { getSubject?: () => string } | undefined;
    const subject = typeof transport?.getSubject === 'function' ? transport.getSubject() : undefined;
    try {
      if (!subject) throw new UntrustedRequest({ subject: '(unknown)', reason: 'malformed' });
      this.verifier.verify(subject, rpc.getData());
    } catch (error) {
      if (error instanceof UntrustedRequest)
        this.logger.warn(`refused a request on ${error.details.subject}: ${error.details.reason}`);
      throw error;
    }
    return true;
  }
}
