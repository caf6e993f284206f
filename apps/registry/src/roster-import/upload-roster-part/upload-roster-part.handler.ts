// UploadRosterPart: one part of a roster file too large for one request (about 1 MiB through the
// gateway and NATS). Parts are stored encrypted until ImportRoster reads and deletes them.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorize, OFFICERS } from '../../access/access-control';
import { RosterPartCountMismatch, RosterUploadNotYours } from '../domain/roster-import.errors';
import { RosterImportStore } from '../roster-import.store';

@Injectable()
export class UploadRosterPartHandler {
  constructor(private readonly store: RosterImportStore) {}

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
    );
    return { uploadId: payload.uploadId, partsReceived: after.received, partCount: after.partCount };
  }
}
