// Files between services and the gateway (exports, reports): NATS request/reply carries JSON of at
// most the server's max payload (1 MB by default), so a file goes through the JetStream object store
// instead — chunked and digest-checked by the client, each object removed after its bucket's TTL (one
// hour). The service writes the file while it makes it and replies a `FileReply` (its id, name, type,
// size, digest); the gateway streams the object to the HTTP client. A file is only ever served from a
// service's reply, never by a name a client sends.
//
// Each service has a bucket of its own, `JINENG_FILES_<SERVICE>` (ADR 0004): its bus identity may
// write only there, and the gateway reads a reply's file only from the bucket of the service that
// answered — a service can neither read nor replace another service's files. Where the bus has
// identities, the provisioner makes the buckets (of the services that declare `"files": true` in
// nest-cli.json) and services only open theirs; on a local open server a service makes its own.
import type { commonV1 } from '@jineng/contracts';
import { Objm, StorageType, type ObjectStore } from '@nats-io/obj';
import { nanos, type NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { assertServiceName } from '../subjects';

/** `jineng.common.v1.FileReply`: what a query answers for a file; the gateway serves it. */
export type FileReply = commonV1.FileReply;

/** `JINENG_FILES_CLASS_OPS`: the object store bucket of the files one service stores. */
export function filesBucketOf(service: string): string {
  assertServiceName(service);
  return `JINENG_FILES_${service.toUpperCase().replace(/-/g, '_')}`;
}

/** The JetStream stream behind a service's bucket (`OBJ_JINENG_FILES_CLASS_OPS`). */
export function filesStreamOf(service: string): string {
  return `OBJ_${filesBucketOf(service)}`;
}

/** How long a file is kept, unless the bucket is made with another TTL. */
export const FILES_TTL_MS = 3_600_000;

export interface FilesBucketSettings {
  readonly replicas: number;
  /** default FILES_TTL_MS */
  readonly ttlMs?: number;
}

/** Creates the service's bucket when it does not exist (the provisioner; a service on an open server). */
export async function ensureFilesBucket(
  nc: NatsConnection,
  service: string,
  settings: FilesBucketSettings,
): Promise<ObjectStore> {
  return new Objm(nc).create(filesBucketOf(service), {
    description: `Jineng files of ${service} for the gateway (exports), removed after their TTL`,
    storage: StorageType.File,
    ttl: nanos(settings.ttlMs ?? FILES_TTL_MS),
    replicas: settings.replicas,
  });
}

export interface FileToStore {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: AsyncIterable<Uint8Array>;
}

export interface FileStoreOptions {
  /**
   * `open` (default): the bucket must exist — the provisioner made it; `ensure`: make it when missing
   * (a local server without identities)
   */
  readonly bucket?: 'open' | 'ensure';
  /** when it makes the bucket */
  readonly replicas?: number;
}

export class FileNotFoundError extends Error {
  readonly code = 'MESSAGING.FILE_NOT_FOUND';
  constructor(fileId: string) {
    super(`file ${fileId} is not (or no longer) stored`);
    this.name = 'FileNotFoundError';
  }
}

export class FilesBucketNotProvisionedError extends Error {
  constructor(bucket: string) {
    super(
      `object store ${bucket} does not exist: the provisioner makes it for each service that declares ` +
        '"files": true in nest-cli.json (`npm run bus:provision`, the nats-provision Job in deploy/k8s)',
    );
    this.name = 'FilesBucketNotProvisionedError';
  }
}

/** The files of one service: its bucket. */
export class FileStore {
  private bucket?: Promise<ObjectStore>;

  constructor(
    private readonly nc: NatsConnection,
    readonly service: string,
    private readonly options: FileStoreOptions = {},
  ) {
    assertServiceName(service);
  }

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
    const bucket = filesBucketOf(this.service);
    this.bucket ??= (
      this.options.bucket === 'ensure'
        ? ensureFilesBucket(this.nc, this.service, { replicas: this.options.replicas ?? 1 })
        : new Objm(this.nc).open(bucket).catch((error: unknown) => {
            throw /not found/i.test(String(error)) ? new FilesBucketNotProvisionedError(bucket) : error;
          })
    ).catch((error: unknown) => {
      this.bucket = undefined;
      throw error;
    });
    return this.bucket;
  }
}
