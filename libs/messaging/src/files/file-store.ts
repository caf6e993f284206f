// Files between services and the gateway (exports, reports): NATS request/reply carries JSON of at
// most the server's max payload (1 MB by default), so a file goes through the JetStream object store
// instead — bucket JINENG_FILES, chunked and digest-checked by the client, each object removed after
// `ttlMs` (default one hour). The service writes the file while it makes it and replies a `FileReply`
// (its id, name, type, size, digest); the gateway streams the object to the HTTP client. A file is
// only ever served from a service's reply, never by a name a client sends.
import type { commonV1 } from '@jineng/contracts';
import { Objm, StorageType, type ObjectStore } from '@nats-io/obj';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';

export const FILES_BUCKET = 'JINENG_FILES';

/** `jineng.common.v1.FileReply`: what a query answers for a file; the gateway serves it. */
export type FileReply = commonV1.FileReply;

export interface FileToStore {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: AsyncIterable<Uint8Array>;
}

export interface FileStoreOptions {
  /** how long a file is kept (default 1 h) */
  readonly ttlMs?: number;
  readonly replicas?: number;
}

export class FileNotFoundError extends Error {
  readonly code = 'MESSAGING.FILE_NOT_FOUND';
  constructor(fileId: string) {
    super(`file ${fileId} is not (or no longer) stored`);
    this.name = 'FileNotFoundError';
  }
}

export class FileStore {
  private bucket?: Promise<ObjectStore>;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: FileStoreOptions = {},
  ) {}

  /** Stores the bytes as they come (chunk by chunk, never all in memory). */
  async put(file: FileToStore): Promise<FileReply> {
    const os = await this.open();
    const fileId = randomUUID();
    const iterator = file.bytes[Symbol.asyncIterator]();
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    const info = await os.put(
      {
        name: fileId,
        description: file.fileName,
        metadata: { fileName: file.fileName, contentType: file.contentType },
      },
      stream,
    );
    return {
      fileId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: info.size,
      digest: info.digest,
    };
  }

  /** The file's bytes; `verified` rejects when they did not arrive whole or their digest differs. */
  async read(fileId: string): Promise<{ data: ReadableStream<Uint8Array>; verified: Promise<void> }> {
    const os = await this.open();
    const result = await os.get(fileId);
    if (!result) throw new FileNotFoundError(fileId);
    return {
      data: result.data,
      verified: result.error.then((error) => {
        if (error) throw error;
      }),
    };
  }

  async remove(fileId: string): Promise<void> {
    await (await this.open()).delete(fileId);
  }

  private open(): Promise<ObjectStore> {
    this.bucket ??= new Objm(this.nc)
      .create(FILES_BUCKET, {
        description: 'Jineng files between services and the gateway (exports), removed after their TTL',
        storage: StorageType.File,
        ttl: nanos(this.options.ttlMs ?? 3_600_000),
        replicas: this.options.replicas ?? 1,
      })
      .catch((error: unknown) => {
        this.bucket = undefined;
        throw error;
      });
    return this.bucket;
  }
}
