// UploadRosterPart: one part of a roster file too large for one request (about 1 MiB through the
// gateway and NATS). Parts are stored encrypted until ImportRoster reads and deletes them. The file's
// size is checked at every part: a part that would take the upload past the roster file limit is
// refused (413) and not stored.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { ROSTER_LIMITS } from '../../registry.tokens';
import {
  RosterPartCountMismatch,
  RosterTooLarge,
  RosterUploadNotYours,
} from '../domain/roster-import.errors';
import { RosterImportStore } from '../roster-import.store';
import type { RosterLimits } from '../roster-limits';

@Injectable()
export class UploadRosterPartHandler {
  constructor(
    private readonly store: RosterImportStore,
    @Inject(ROSTER_LIMITS) private readonly limits: RosterLimits,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.UploadRosterPart>): Promise<registryV1.RosterPartAccepted> {
    // where it is imported is checked by ImportRoster; here only who may upload at all
    authorize(envelope.principal, OFFICERS, { jurisdiction: envelope.principal.jurisdiction });
    const before = await this.store.partsOf(payload.uploadId);
    if (before.received > 0 && before.uploadedBy !== envelope.principal.userId)
      throw new RosterUploadNotYours({ uploadId: payload.uploadId });
    if (before.received > 0 && before.partCount !== payload.partCount)
      throw new RosterPartCountMismatch({
        field: 'partCount',
        expected: before.partCount,
        actual: payload.partCount,
      });
    if (payload.partIndex >= payload.partCount)
      throw new RosterPartCountMismatch({
        field: 'partIndex',
        expected: payload.partCount,
        actual: payload.partIndex + 1,
      });
    const after = await this.store.savePart(
      { ...payload, content: Buffer.from(payload.contentBase64, 'base64') },
      envelope.principal.userId,
      this.limits.maxFileBytes,
    );
    if (!after.saved)
      throw new RosterTooLarge({
        field: 'contentBase64',
        limit: this.limits.maxFileBytes,
        actual: after.totalBytes,
        unit: 'bytes',
      });
    return { uploadId: payload.uploadId, partsReceived: after.received, partCount: after.partCount };
  }
}
