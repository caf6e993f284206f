// Routes whose reply is a file (an export): the service answers a `jineng.common.v1.FileReply` and
// the file's bytes wait in the JetStream object store (NATS request/reply carries at most 1 MB of
// JSON); the gateway streams them to the client with the route's content type and an attachment
// disposition, minding backpressure. Only files a service's reply names are ever served, and only
// from the bucket of the service that answered (the route's target): a service cannot make the
// gateway serve another service's file. The connection is the gateway's own NATS identity, which may
// read the files buckets and nothing else of them.
import { validateContract } from '@jineng/contracts';
import { FileStore, connectNats, type FileReply, type NatsClientConfig } from '@jineng/messaging';
import type { ObservedResponse } from '@jineng/observability';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { once } from 'node:events';
import { GatewayError } from '../errors/gateway-error';
import type { FileResponse } from './route-definition';

export class FileResponder implements OnApplicationShutdown {
  private connection?: Promise<NatsConnection>;
  private readonly stores = new Map<string, FileStore>();

  constructor(
    private readonly natsUrl: string,
    private readonly nats: NatsClientConfig,
  ) {}

  /** Streams the file `reply` names, from the files of `service` (the service that answered). */
  async send(res: ObservedResponse, reply: unknown, route: FileResponse, service: string): Promise<void> {
    const file = this.fileOf(reply, route);
    const { data, verified } = await (await this.filesOf(service)).read(file.fileId);
    res.statusCode = 200;
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', contentDisposition(file.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Digest', file.digest.replace(/^SHA-256=/i, 'sha-256='));
    try {
      for await (const chunk of data) {
        if (!res.write(chunk)) await once(res, 'drain');
      }
      await verified;
      res.end();
    } catch (error) {
      // the headers are gone: the only honest answer left is a cut connection
      res.destroy(error as Error);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const nc = await this.connection?.catch(() => undefined);
    await nc?.close().catch(() => undefined);
  }

  private fileOf(reply: unknown, route: FileResponse): FileReply {
    const checked = validateContract('jineng.common.v1.FileReply', reply);
    if (!checked.ok || !route.contentTypes.includes((reply as FileReply).contentType)) {
      throw new GatewayError({
        status: 502,
        code: 'GATEWAY.BAD_FILE_REPLY',
        messageZh: '服务返回的文件说明无效',
        messageEn: 'the service answered an invalid file reply',
      });
    }
    return reply as FileReply;
  }

  private async filesOf(service: string): Promise<FileStore> {
    this.connection ??= connectNats(this.natsUrl, 'gateway-files', this.nats.connectOptions).catch(
      (error: unknown) => {
        this.connection = undefined;
        throw error;
      },
    );
    const nc = await this.connection;
    let store = this.stores.get(service);
    if (!store) this.stores.set(service, (store = new FileStore(nc, service)));
    return store;
  }
}

/** `attachment` with an ASCII fallback name and the real (Chinese) name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
