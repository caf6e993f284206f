/**
 * Roster import benchmark (issue #4). Run: `npm run bench:roster-import`. Last line: one JSON object.
 *
 * The registry service runs as in production: `apps/registry/src/main.ts` as a process of its own
 * (event store, outbox relay, projections), on the real PostgreSQL at DATABASE_URL in a fresh schema
 * and on a nats-server of its own (so a running platform is not disturbed). A 50 000-row
 * .xlsx roster is sent as the gateway would send it: in parts of 512 KiB (UploadRosterPart), then
 * ImportRoster over request/reply; then the same file again.
 *
 *   rowsPerSec          rows / (time from the first part sent to the import's answer)
 *   importRowsPerSec    rows / the ImportRoster call alone (read, check, register, report)
 *   reimportRowsPerSec  the same file uploaded and imported again (every row already registered)
 */
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { residentIdCheckCharacter, shanghaiDate } from '@jineng/kernel';
import type { Envelope } from '@jineng/messaging';
import { signingRpcClient, startPlatform } from '@jineng/testing';
import { Logger } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Pool } from 'pg';
import writeXlsxFile from 'write-excel-file/node';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const rows = Number(process.env.BENCH_ROSTER_ROWS ?? 50_000);
const PART_BYTES = 512 * 1024;
const log = (message: string) => process.stderr.write(`${message}\n`);
// the development keys of scripts/start.mjs, unless the environment gives others
const developmentKey = (seed: string) => createHash('sha256').update(seed).digest('base64');

/** `count` distinct valid people aged 18–59, 1 row in 200 with a mistake (a wrong gender). */
function rosterRows(count: number): string[][] {
  const today = shanghaiDate(new Date());
  const year = Number(today.slice(0, 4));
  const counties = ['140802', '140821', '140822', '140823', '140824', '140825'];
  const out: string[][] = [
    [
      '身份证号码',
      '姓名',
      '性别',
      '出生日期',
      '户籍地区划代码',
      '常住地区划代码',
      '手机号码',
      '文化程度',
      '人员类别',
      '重点群体',
      '是否有劳动能力',
      '是否有就业意愿',
    ],
  ];
  for (let i = 0; i < count; i++) {
    const birthYear = year - 18 - (i % 40);
    const dayOfYear = Math.floor(i / 40) % 365;
    const birth = new Date(Date.UTC(birthYear, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
    const region = counties[i % counties.length];
    const sequence = Math.floor(i / (40 * 365)) * 10 + (i % 10);
    const first17 = `${region}${birth.replace(/-/g, '')}${String(sequence % 1000).padStart(3, '0')}`;
    const idNumber = `${first17}${residentIdCheckCharacter(first17)}`;
    const male = Number(first17[16]) % 2 === 1;
    const declared = i % 200 === 0 ? !male : male;
    out.push([
      idNumber,
      `测试${i}`,
      declared ? '男' : '女',
      birth,
      region,
      '140802',
      `13${String(100000000 + i).slice(-9)}`,
      ['初中', '高中', '中专', '大专'][i % 4],
      ['农村劳动力', '城镇劳动力', '高校毕业生', '贫困劳动力'][i % 4],
      i % 3 === 0 ? '农民工' : '',
      '是',
      '是',
    ]);
  }
  return out;
}

async function main() {
  // stdout is for the result line only
  Logger.overrideLogger(false);
  let result: Record<string, unknown> | undefined;
  const schema = `bench_roster_${randomUUID().slice(0, 8)}`;
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  await pool.query(`create schema "${schema}"`);
  const platform = await startPlatform([
    {
      name: 'registry',
      env: {
        JINENG_SCHEMA: schema,
        LOG_LEVEL: 'error',
        JINENG_REGISTRY_DATA_KEY:
          process.env.JINENG_REGISTRY_DATA_KEY ??
          developmentKey('jineng development registry data key - not for production'),
        JINENG_REGISTRY_LOOKUP_KEY:
          process.env.JINENG_REGISTRY_LOOKUP_KEY ??
          developmentKey('jineng development registry lookup key - not for production'),
        ...(process.env.JINENG_ROSTER_PARALLEL_CHUNKS
          ? { JINENG_ROSTER_PARALLEL_CHUNKS: process.env.JINENG_ROSTER_PARALLEL_CHUNKS }
          : {}),
      },
    },
  ]);
  const nats = { url: platform.natsUrl };
  // as the gateway: the only identity that may send commands (ADR 0002)
  const proxy = ClientProxyFactory.create({
    transport: Transport.NATS,
    options: { ...platform.bus.connectOptionsOf('gateway'), servers: [nats.url] },
  });
  await proxy.connect();
  // signed as the gateway signs: the registry refuses anything else
  const client = signingRpcClient(proxy, { defaultTimeoutMs: 600_000 });
  const envelope = (): Envelope => ({
    principal: { userId: 'bench-officer', roles: ['county_officer'], jurisdiction: '140802' },
    correlationId: randomUUID(),
    commandId: randomUUID(),
    sentAt: new Date().toISOString(),
  });

  try {
    log(`making a ${rows}-row .xlsx roster`);
    const sheet = rosterRows(rows);
    const file = await writeXlsxFile(
      sheet.map((cells) => cells.map((value) => ({ value, type: String }))),
    ).toBuffer();
    log(
      `file: ${file.length} bytes, sha256 ${createHash('sha256').update(file).digest('hex').slice(0, 12)}…`,
    );

    const run = async (label: string) => {
      const started = performance.now();
      const uploadId = randomUUID();
      const partCount = Math.ceil(file.length / PART_BYTES);
      for (let partIndex = 0; partIndex < partCount; partIndex++) {
        const part = file.subarray(partIndex * PART_BYTES, (partIndex + 1) * PART_BYTES);
        await client.send(
          { kind: 'command', service: 'registry', name: 'UploadRosterPart' },
          {
            envelope: envelope(),
            payload: { uploadId, partIndex, partCount, contentBase64: part.toString('base64') },
          },
        );
      }
      const importStarted = performance.now();
      const result = await client.send<Record<string, number>>(
        { kind: 'command', service: 'registry', name: 'ImportRoster' },
        { envelope: envelope(), payload: { jurisdiction: '140802', fileName: 'bench.xlsx', uploadId } },
      );
      const ended = performance.now();
      log(
        `${label}: ${result.rows} rows, ${result.registered} registered, ${result.alreadyRegistered} already, ${result.rejected} rejected; ` +
          `upload ${(importStarted - started).toFixed(0)} ms, import ${(ended - importStarted).toFixed(0)} ms`,
      );
      return { result, partCount, totalMs: ended - started, importMs: ended - importStarted };
    };

    const first = await run('first import');
    const second = await run('re-import of the same file');
    const { rows: n } = first.result;
    result = {
      rows: n,
      format: 'xlsx',
      fileBytes: file.length,
      parts: first.partCount,
      registered: first.result.registered,
      rejected: first.result.rejected,
      rowsPerSec: Math.round(n / (first.totalMs / 1000)),
      importRowsPerSec: Math.round(n / (first.importMs / 1000)),
      totalMs: Math.round(first.totalMs),
      reimportRegistered: second.result.registered,
      reimportAlreadyRegistered: second.result.alreadyRegistered,
      reimportRowsPerSec: Math.round(n / (second.totalMs / 1000)),
    };
  } finally {
    await proxy.close();
    await platform.stop();
    const cleanup = new Pool({ connectionString: databaseUrl, max: 1 });
    await cleanup.query(`drop schema "${schema}" cascade`);
    await cleanup.end();
    await pool.end().catch(() => undefined);
  }
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
