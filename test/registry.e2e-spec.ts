// The registry as officers and institutions drive it: gateway and registry as processes (their own
// nats-server), HTTP calls with development tokens, results read back through the API and, for what
// must never be stored, straight from the registry's schema.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { jetstreamManager } from '@nats-io/jetstream';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import {
  connectTestDatabase,
  devToken,
  eventually,
  startPlatform,
  xlsxZipBomb,
  type RunningPlatform,
  type TestDatabase,
} from '@jineng/testing';
import { creditCodeCheckCharacter, residentIdCheckCharacter, shanghaiDate } from '@jineng/kernel';

const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';

// the development keys scripts/start.mjs gives the registry (tests cannot import the app's code)
const developmentKey = (seed: string) => createHash('sha256').update(seed).digest('base64');
const REGISTRY_KEYS = {
  JINENG_REGISTRY_DATA_KEY: developmentKey('jineng development registry data key - not for production'),
  JINENG_REGISTRY_LOOKUP_KEY: developmentKey('jineng development registry lookup key - not for production'),
};

let sequence = 0;
/** A valid resident ID number of someone born on `birthDate` (odd sequence for men, even for women). */
function residentIdNumber(birthDate: string, gender: 'male' | 'female' = 'male', region = '140802'): string {
  sequence = (sequence + 1) % 450;
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence * 2 + (gender === 'male' ? 1 : 0)).padStart(3, '0')}`;
  return `${first17}${residentIdCheckCharacter(first17)}`;
}
const withBadChecksum = (id: string) => `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
/** Someone `years` old today (Asia/Shanghai), ten days past the birthday. */
function birthDateForAge(years: number): string {
  const [y, m, d] = shanghaiDate(new Date()).split('-').map(Number);
  return new Date(Date.UTC(y - years, m - 1, d - 10)).toISOString().slice(0, 10);
}
let creditSequence = 0;
function creditCode(): string {
  const first17 = `91140802${String(Date.now() % 1e8).padStart(8, '0')}${++creditSequence % 10}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

let platform: RunningPlatform;
let db: TestDatabase;
let schema: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await connectTestDatabase('registry_e2e');
  schema = await db.freshSchema();
  platform = await startPlatform([
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } },
    {
      name: 'registry',
      env: {
        JINENG_SCHEMA: schema,
        ...REGISTRY_KEYS,
      },
    },
  ]);
  for (const user of ['county_officer', 'city_approver', 'institution', 'auditor', 'worker'])
    tokens[user] = await devToken(platform.urls.gateway, user);
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await db?.dispose();
});

interface Answer {
  status: number;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function api(
  user: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${platform.urls.gateway}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${tokens[user]}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

/** The registry process's resident memory, from /proc (Linux). */
function registryMemory() {
  const status = () => readFileSync(`/proc/${platform.pids.registry}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status())![1]) * 1024;
  return {
    residentBytes: () => kib('VmRSS'),
    /** the highest resident size since the last reset */
    peakBytes: () => kib('VmHWM'),
    // writing 5 to clear_refs sets the peak back to the current size (Linux ≥ 4.0)
    resetPeak: () => writeFileSync(`/proc/${platform.pids.registry}/clear_refs`, '5'),
  };
}

const events = async (type?: string) =>
  (
    await db.pool.query<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }>(
      `select type, data, metadata from "${schema}".events ${type ? 'where type = $1' : ''} order by global_position`,
      type ? [type] : [],
    )
  ).rows;

const workerPayload = (overrides: Record<string, unknown> = {}) => {
  const birthDate = birthDateForAge(30);
  return {
    idNumber: residentIdNumber(birthDate, 'female'),
    name: '王小红',
    gender: 'female',
    birthDate,
    jurisdiction: '140802',
    hukouJurisdiction: '140821',
    residenceJurisdiction: '140802',
    phone: '13912345678',
    education: 'junior_secondary',
    category: 'rural_labour',
    keyGroups: ['migrant_worker'],
    ableToWork: true,
    willingToWork: true,
    ...overrides,
  };
};

describe('workers', () => {
  let worker: ReturnType<typeof workerPayload>;
  let workerId: string;

  it('registers a worker (201) and shows it masked', async () => {
    worker = workerPayload();
    const registered = await api('county_officer', 'POST', '/api/v1/workers', worker);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ events: ['WorkerRegistered.v1'], idempotent: false });
    workerId = registered.body.id;

    const shown = await eventually(async () => {
      const answer = await api('county_officer', 'GET', `/api/v1/workers/${workerId}`);
      expect(answer.status).toBe(200);
      return answer.body;
    });
    expect(shown).toMatchObject({
      workerId,
      nameMasked: '王**',
      phoneMasked: '139****5678',
      idNumberMasked: `${worker.idNumber.slice(0, 4)}**********${worker.idNumber.slice(14)}`,
      gender: 'female',
      keyGroups: ['migrant_worker'],
    });
    const text = JSON.stringify(shown);
    for (const clear of [worker.idNumber, worker.name, worker.phone, worker.birthDate])
      expect(text).not.toContain(clear);
  });

  it('answers 409 WORKER.ALREADY_REGISTERED with the existing worker id for the same ID number', async () => {
    const again = await api('county_officer', 'POST', '/api/v1/workers', { ...worker, name: '王红' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'WORKER.ALREADY_REGISTERED', details: { workerId } });
    expect(again.body.message).toContain('一人一卡');
  });

  it('refuses every invalid input with 400 naming the field and the reason, and stores nothing', async () => {
    const before = (await events()).length;
    const young = birthDateForAge(15);
    const cases: [string, Record<string, unknown>, (body: Answer['body']) => void][] = [
      [
        'bad checksum',
        { idNumber: withBadChecksum(residentIdNumber(birthDateForAge(30))) },
        (b) => {
          expect(b.code).toBe('GATEWAY.INVALID_REQUEST');
          expect(b.violations).toEqual([
            expect.objectContaining({ path: 'idNumber', reason: expect.stringContaining('校验码') }),
          ]);
        },
      ],
      [
        '15-digit ID',
        { idNumber: '140802900517001' },
        (b) => {
          expect(b.violations).toEqual([
            expect.objectContaining({ path: 'idNumber', reasonEn: expect.stringContaining('15-digit') }),
          ]);
        },
      ],
      [
        'birth date disagreeing',
        { birthDate: '1990-01-01' },
        (b) => {
          expect(b).toMatchObject({
            code: 'WORKER.BIRTH_DATE_DISAGREES_WITH_ID_NUMBER',
            details: { field: 'birthDate' },
          });
        },
      ],
      [
        'gender disagreeing',
        { gender: 'male' },
        (b) => {
          expect(b).toMatchObject({
            code: 'WORKER.GENDER_DISAGREES_WITH_ID_NUMBER',
            details: { field: 'gender' },
          });
        },
      ],
      [
        'age out of range',
        { idNumber: residentIdNumber(young, 'female'), birthDate: young },
        (b) => {
          expect(b).toMatchObject({
            code: 'WORKER.AGE_OUT_OF_RANGE',
            details: { field: 'idNumber', age: 15, min: 16, max: 60 },
          });
        },
      ],
      [
        'unknown jurisdiction',
        { hukouJurisdiction: '140899' },
        (b) => {
          expect(b).toMatchObject({
            code: 'REGISTRY.UNKNOWN_JURISDICTION',
            details: { field: 'hukouJurisdiction', code: '140899' },
          });
          expect(b.message).toContain('140899');
          expect(b.messageEn).toContain('hukouJurisdiction');
        },
      ],
    ];
    for (const [label, overrides, check] of cases) {
      const answer = await api('county_officer', 'POST', '/api/v1/workers', workerPayload(overrides));
      expect({ label, status: answer.status }).toEqual({ label, status: 400 });
      check(answer.body);
    }
    const unknownOccupation = await api(
      'county_officer',
      'POST',
      `/api/v1/workers/${workerId}/training-wishes`,
      {
        occupationCode: 'L-9999',
      },
    );
    expect(unknownOccupation.status).toBe(400);
    expect(unknownOccupation.body).toMatchObject({
      code: 'REGISTRY.UNKNOWN_OCCUPATION',
      details: { field: 'occupationCode' },
    });
    const badCreditCode = await api('county_officer', 'POST', `/api/v1/workers/${workerId}/employments`, {
      employerCreditCode: '91140802MA0K12345X',
      startDate: '2026-01-05',
      evidenceKind: 'labour_contract',
      evidenceReference: 'HT-1',
    });
    expect(badCreditCode.status).toBe(400);
    expect(badCreditCode.body.violations).toEqual([expect.objectContaining({ path: 'employerCreditCode' })]);

    expect((await events()).length).toBe(before);
    const { rows } = await db.pool.query(`select count(*)::int as n from "${schema}".worker_personal_data`);
    expect(rows[0].n).toBe(1);
  });

  it("records an officer's explicit look at the clear data as an event, and no event holds clear data", async () => {
    const revealed = await api(
      'county_officer',
      'POST',
      `/api/v1/workers/${workerId}/personal-data-disclosures`,
      {
        purpose: '核对补贴申领材料',
      },
    );
    expect(revealed.status).toBe(200);
    expect(revealed.body).toMatchObject({
      idNumber: worker.idNumber,
      name: worker.name,
      phone: worker.phone,
    });
    const [looked] = await events('WorkerPersonalDataRevealed.v1');
    expect(looked.data).toMatchObject({
      workerId,
      revealedToUserId: '0b6e1f2a-0004-4a00-8000-000000000004',
      revealedToRoles: ['county_officer'],
      purpose: '核对补贴申领材料',
    });
    const everything = JSON.stringify(await events());
    for (const clear of [worker.idNumber, worker.name, worker.phone]) expect(everything).not.toContain(clear);
    // and the stored personal data is ciphertext
    const { rows } = await db.pool.query(`select name_enc::text as t from "${schema}".worker_personal_data`);
    expect(rows[0].t).not.toContain(Buffer.from(worker.name).toString('hex'));
    // a worker (or anyone but case officers and auditors) gets no clear data
    expect(
      (
        await api('worker', 'POST', `/api/v1/workers/${workerId}/personal-data-disclosures`, {
          purpose: '想看看',
        })
      ).status,
    ).toBe(403);
  });

  it('answers an Idempotency-Key reused for another worker with 409 COMMAND.ID_REUSED: no clear data, no event for them', async () => {
    const other = workerPayload({ name: '李四', phone: '13811112222' });
    const registered = await api('county_officer', 'POST', '/api/v1/workers', other);
    expect(registered.status).toBe(201);
    const otherId = registered.body.id as string;
    const key = randomUUID();
    const disclose = (id: string) =>
      api(
        'county_officer',
        'POST',
        `/api/v1/workers/${id}/personal-data-disclosures`,
        { purpose: '核对申领材料' },
        {
          'Idempotency-Key': key,
        },
      );
    const disclosuresOf = async (id: string) =>
      (await events('WorkerPersonalDataRevealed.v1')).filter((e) => e.data.workerId === id).length;
    const before = await disclosuresOf(workerId);

    const first = await disclose(workerId);
    expect(first.status).toBe(200);
    expect(first.body.idNumber).toBe(worker.idNumber);
    expect(await disclosuresOf(workerId)).toBe(before + 1);

    const reused = await disclose(otherId);
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: 'COMMAND.ID_REUSED' });
    expect(reused.body.message).toMatch(/\S/);
    expect(reused.body.messageEn).toMatch(/\S/);
    expect(JSON.stringify(reused.body)).not.toContain(other.idNumber);
    expect(await disclosuresOf(otherId)).toBe(0);

    // the same request again is a new disclosure, recorded before the clear data leaves
    const again = await disclose(workerId);
    expect(again.status).toBe(200);
    expect(await disclosuresOf(workerId)).toBe(before + 2);
  });

  it('finds a worker by ID number through the keyed hash, masked', async () => {
    const found = await api('county_officer', 'POST', '/api/v1/workers/lookups', {
      idNumber: worker.idNumber,
    });
    expect(found.status).toBe(200);
    expect(found.body.workerId).toBe(workerId);
    expect(JSON.stringify(found.body)).not.toContain(worker.idNumber);
  });
});

describe('jurisdiction scoping', () => {
  it('keeps a county officer of 140802 out of 140821, at the gateway and in the service', async () => {
    const foreign = workerPayload({ jurisdiction: '140821' });
    const refused = await api('county_officer', 'POST', '/api/v1/workers', foreign);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('GATEWAY.FOREIGN_JURISDICTION');

    // the city approver of 140800 may register there; the county officer may not touch the record
    const registered = await api('city_approver', 'POST', '/api/v1/workers', foreign);
    expect(registered.status).toBe(201);
    const id = registered.body.id;
    await eventually(async () =>
      expect((await api('city_approver', 'GET', `/api/v1/workers/${id}`)).status).toBe(200),
    );
    const read = await api('county_officer', 'GET', `/api/v1/workers/${id}`);
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('REGISTRY.FOREIGN_JURISDICTION');
    const changed = await api('county_officer', 'PATCH', `/api/v1/workers/${id}`, { category: 'graduate' });
    expect(changed.status).toBe(403);
    expect(changed.body.code).toBe('REGISTRY.FOREIGN_JURISDICTION');
    const looked = await api('county_officer', 'POST', `/api/v1/workers/${id}/personal-data-disclosures`, {
      purpose: '核对材料信息',
    });
    expect(looked.status).toBe(403);
    const list = await api('county_officer', 'GET', '/api/v1/workers?pageSize=500');
    expect(list.body.items.map((w: { workerId: string }) => w.workerId)).not.toContain(id);
  });
});

describe('the workers list: filters, pages, sorts and exports (libs/lists)', () => {
  // a county of their own, so that other tests' workers do not show here
  const county = '140823';
  const registered: { id: string; payload: ReturnType<typeof workerPayload> }[] = [];

  beforeAll(async () => {
    const people = [
      { category: 'graduate', education: 'bachelor', name: '赵一' },
      { category: 'rural_labour', education: 'junior_secondary', name: '钱二' },
      { category: 'graduate', education: 'postgraduate', name: '孙三' },
      { category: 'rural_labour', education: 'primary', name: '李四' },
    ];
    for (const person of people) {
      const payload = workerPayload({ ...person, jurisdiction: county, keyGroups: [] });
      const answer = await api('city_approver', 'POST', '/api/v1/workers', payload);
      expect(answer.status).toBe(201);
      registered.push({ id: answer.body.id, payload });
    }
    await eventually(async () =>
      expect((await api('city_approver', 'GET', `/api/v1/workers?jurisdiction=${county}`)).body.total).toBe(
        4,
      ),
    );
  });

  it('pages with the total, sorts by a listed column and filters', async () => {
    const first = await api(
      'city_approver',
      'GET',
      `/api/v1/workers?jurisdiction=${county}&pageSize=3&sort=registeredAt`,
    );
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(first.body.items.map((w: { workerId: string }) => w.workerId)).toEqual(
      registered.slice(0, 3).map((r) => r.id),
    );
    const second = await api(
      'city_approver',
      'GET',
      `/api/v1/workers?jurisdiction=${county}&pageSize=3&page=2&sort=registeredAt`,
    );
    expect(second.body.items.map((w: { workerId: string }) => w.workerId)).toEqual([registered[3].id]);
    // newest first by default
    const newest = await api('city_approver', 'GET', `/api/v1/workers?jurisdiction=${county}`);
    expect(newest.body.items.map((w: { workerId: string }) => w.workerId)).toEqual(
      registered.map((r) => r.id).reverse(),
    );

    const graduates = await api(
      'city_approver',
      'GET',
      `/api/v1/workers?jurisdiction=${county}&category=graduate&sort=-education`,
    );
    expect(graduates.body.total).toBe(2);
    expect(graduates.body.items.map((w: { education: string }) => w.education)).toEqual([
      'postgraduate',
      'bachelor',
    ]);
    const primary = await api(
      'city_approver',
      'GET',
      `/api/v1/workers?jurisdiction=${county}&education=primary`,
    );
    expect(primary.body.items.map((w: { workerId: string }) => w.workerId)).toEqual([registered[3].id]);
  });

  it('refuses a sort that is not a listed column, and a page too large, with the reason', async () => {
    const badSort = await api(
      'city_approver',
      'GET',
      `/api/v1/workers?jurisdiction=${county}&sort=idNumberHash`,
    );
    expect(badSort.status).toBe(400);
    expect(badSort.body.code).toBe('LIST.UNKNOWN_SORT');
    expect(badSort.body.details.allowed).toContain('registeredOn');
    const tooLarge = await api('city_approver', 'GET', `/api/v1/workers?jurisdiction=${county}&pageSize=501`);
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.violations.map((v: { path: string }) => v.path)).toEqual(['pageSize']);
  });

  it('exports the filtered list to .xlsx through the gateway: titles in Chinese and English, masked rows only', async () => {
    const response = await fetch(
      `${platform.urls.gateway}/api/v1/workers/export?format=xlsx&jurisdiction=${county}&category=graduate&sort=registeredAt`,
      { headers: { Authorization: `Bearer ${tokens.city_approver}` } },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename=".+\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toMatch(
      /^劳动者名单-140823-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(bytes.length);

    const [sheet] = await readXlsxFile(bytes);
    expect(sheet.sheet).toBe('劳动者名单');
    const [zh, en, ...rows] = sheet.data;
    expect(zh.slice(0, 4)).toEqual(['劳动者编号', '身份证号码（脱敏）', '姓名（脱敏）', '性别']);
    expect(en.slice(0, 4)).toEqual(['Worker ID', 'ID number (masked)', 'Name (masked)', 'Gender']);
    const graduates = [registered[0], registered[2]];
    expect(rows.map((row) => row[0])).toEqual(graduates.map((g) => g.id));
    const column = (title: string) => en.indexOf(title);
    for (const [i, { payload }] of graduates.entries()) {
      const row = rows[i];
      expect(row[column('ID number (masked)')]).toBe(
        `${payload.idNumber.slice(0, 4)}**********${payload.idNumber.slice(14)}`,
      );
      expect(row[column('Name (masked)')]).toBe(`${payload.name[0]}*`);
      expect(row[column('Jurisdiction')]).toBe(county);
      expect(row[column('Category')]).toBe('graduate');
      expect(row[column('Registered on')]).toBe(shanghaiDate(new Date()));
    }
    // no clear personal data anywhere in the file
    const cells = sheet.data.flat().map(String).join('|');
    for (const { payload } of graduates) {
      expect(cells).not.toContain(payload.idNumber);
      expect(cells).not.toContain(payload.name);
      expect(cells).not.toContain(payload.phone);
    }
  });

  it('runs the export as a long job that reports progress, then serves its file to whoever started it', async () => {
    const idempotencyKey = randomUUID();
    const start = () =>
      fetch(`${platform.urls.gateway}/api/v1/workers/exports`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${tokens.city_approver}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': idempotencyKey,
        },
        body: JSON.stringify({ format: 'xlsx', jurisdiction: county }),
      });
    const started = await start();
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    // the same request again is the same job
    expect(((await (await start()).json()) as { jobId: string }).jobId).toBe(jobId);

    const job = await eventually(async () => {
      const answer = await api('city_approver', 'GET', `/api/v1/registry/jobs/${jobId}`);
      expect(answer.status).toBe(200);
      expect(answer.body.status).toBe('succeeded');
      return answer.body;
    });
    expect(job).toMatchObject({ jobId, kind: 'worker-export', done: 4, total: 4, result: { rows: 4 } });
    expect(job.result.file.fileName).toMatch(/^劳动者名单-140823-.+\.xlsx$/);
    expect((await api('county_officer', 'GET', `/api/v1/registry/jobs/${jobId}`)).body.code).toBe(
      'JOB.NOT_FOUND',
    );

    const file = await fetch(`${platform.urls.gateway}/api/v1/registry/jobs/${jobId}/file`, {
      headers: { Authorization: `Bearer ${tokens.city_approver}` },
    });
    expect(file.status).toBe(200);
    const [sheet] = await readXlsxFile(Buffer.from(await file.arrayBuffer()));
    expect(sheet.data.slice(2).map((row) => row[0])).toEqual(registered.map((r) => r.id).reverse());
  });

  it('exports JSON too, and refuses a reader outside the jurisdiction', async () => {
    const response = await fetch(
      `${platform.urls.gateway}/api/v1/workers/export?format=json&jurisdiction=${county}`,
      {
        headers: { Authorization: `Bearer ${tokens.city_approver}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as {
      columns: { key: string; zh: string; en: string }[];
      rows: { workerId: string }[];
    };
    expect(body.columns[2]).toEqual({ key: 'nameMasked', zh: '姓名（脱敏）', en: 'Name (masked)' });
    expect(body.rows.map((r) => r.workerId)).toEqual(registered.map((r) => r.id).reverse());
    const foreign = await api(
      'county_officer',
      'GET',
      `/api/v1/workers/export?format=xlsx&jurisdiction=${county}`,
    );
    expect(foreign.status).toBe(403);
  });
});

describe('roster import (花名册)', () => {
  const header =
    '身份证号码,姓名,性别,出生日期,户籍地区划代码,常住地区划代码,手机号码,文化程度,人员类别,重点群体,是否有劳动能力,是否有就业意愿';
  const row = (
    id: string,
    gender: string,
    birth: string,
    extra: Partial<Record<'name' | 'hukou' | 'category', string>> = {},
  ) =>
    [
      id,
      extra.name ?? '赵六',
      gender,
      birth,
      extra.hukou ?? '140821',
      '140802',
      '13700001111',
      '初中',
      extra.category ?? '农村劳动力',
      '农民工',
      '是',
      '是',
    ].join(',');

  it('reports each row: registered, already registered with its id, rejected with its reasons; a re-upload changes nothing', async () => {
    const b1 = birthDateForAge(25);
    const b2 = birthDateForAge(40);
    const good1 = residentIdNumber(b1, 'male');
    const good2 = residentIdNumber(b2, 'female');
    const already = workerPayload();
    const first = await api('county_officer', 'POST', '/api/v1/workers', already);
    expect(first.status).toBe(201);
    const csv = [
      header,
      row(good1, '男', b1),
      row(good2, '女', b2.replace(/-/g, '/')),
      row(already.idNumber, '女', already.birthDate),
      row(withBadChecksum(residentIdNumber(b1)), '男', b1),
      row(residentIdNumber(b1, 'male'), '女', b1, { hukou: '140899' }),
      row(residentIdNumber(birthDateForAge(70), 'male'), '男', birthDateForAge(70), { category: '外星人' }),
      row(good1, '男', b1),
    ].join('\r\n');
    const upload = {
      jurisdiction: '140802',
      fileName: '盐湖区花名册.csv',
      contentBase64: Buffer.from(csv).toString('base64'),
    };

    const imported = await api('county_officer', 'POST', '/api/v1/roster-imports', upload);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      format: 'csv',
      rows: 7,
      registered: 2,
      alreadyRegistered: 2,
      rejected: 3,
      resultsComplete: true,
    });
    const byRow = Object.fromEntries(imported.body.results.map((r: { row: number }) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ outcome: 'registered', workerId: expect.any(String), problems: [] });
    expect(byRow[4]).toMatchObject({ outcome: 'already_registered', workerId: first.body.id });
    expect(byRow[5].problems).toEqual([
      expect.objectContaining({ field: 'idNumber', reason: expect.stringContaining('校验码') }),
    ]);
    expect(byRow[6].problems.map((p: { field: string; code: string }) => [p.field, p.code])).toEqual([
      ['gender', 'WORKER.GENDER_DISAGREES_WITH_ID_NUMBER'],
      ['hukouJurisdiction', 'REGISTRY.UNKNOWN_JURISDICTION'],
    ]);
    expect(byRow[7].problems.map((p: { field: string }) => p.field)).toEqual(['category']);
    expect(byRow[8]).toMatchObject({ outcome: 'already_registered', workerId: byRow[2].workerId });
    expect(JSON.stringify(imported.body)).not.toContain(good1);
    expect(await events('RosterImported.v1')).toHaveLength(1);

    const eventsBefore = (await events()).length;
    const again = await api('county_officer', 'POST', '/api/v1/roster-imports', upload);
    expect(again.body).toMatchObject({ rows: 7, registered: 0, alreadyRegistered: 4, rejected: 3 });
    expect((await events()).length).toBe(eventsBefore);

    const page = await api(
      'county_officer',
      'GET',
      `/api/v1/roster-imports/${imported.body.importId}/rows?outcome=rejected`,
    );
    expect(page.status).toBe(200);
    expect(page.body.total).toBe(3);
  });

  it('refuses a zip bomb (1.2 MB expanding to 1.1 GiB) with 413 and the reason; the registry stays up, its memory flat', async () => {
    const bomb = xlsxZipBomb();
    expect(bomb.expandedBytes).toBeGreaterThan(1024 ** 3);
    const uploadId = randomUUID();
    const PART = 512 * 1024;
    const partCount = Math.ceil(bomb.file.length / PART);
    for (let partIndex = 0; partIndex < partCount; partIndex++) {
      const sent = await api('county_officer', 'POST', `/api/v1/roster-uploads/${uploadId}/parts`, {
        partIndex,
        partCount,
        contentBase64: bomb.file.subarray(partIndex * PART, (partIndex + 1) * PART).toString('base64'),
      });
      expect(sent.status).toBe(200);
    }
    const eventsBefore = (await events()).length;
    const memory = registryMemory();
    memory.resetPeak();
    const before = memory.residentBytes();

    const refused = await api('county_officer', 'POST', '/api/v1/roster-imports', {
      jurisdiction: '140802',
      fileName: '花名册.xlsx',
      uploadId,
    });

    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      code: 'ROSTER.COMPRESSION_RATIO_TOO_HIGH',
      category: 'too_large',
      details: { field: 'uploadId', part: 'xl/worksheets/sheet1.xml', limit: 100 },
    });
    expect(refused.body.message).toContain('超过上限 100:1');
    expect(refused.body.messageEn).toContain('more than the limit of 100');
    // the peak while it read, over what it held before: far below what the file expands to
    expect(memory.peakBytes() - before).toBeLessThan(128 * 1024 ** 2);
    // refused, it changed nothing
    expect((await events()).length).toBe(eventsBefore);

    // and it answers the next import
    const birth = birthDateForAge(35);
    const next = await api('county_officer', 'POST', '/api/v1/roster-imports', {
      jurisdiction: '140802',
      fileName: 'after.csv',
      contentBase64: Buffer.from(`${header}\n${row(residentIdNumber(birth, 'male'), '男', birth)}`).toString(
        'base64',
      ),
    });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ rows: 1, registered: 1 });
  });

  it('reads an .xlsx file sent in parts', async () => {
    const birth = birthDateForAge(33);
    const ids = [residentIdNumber(birth, 'male'), residentIdNumber(birth, 'female')];
    const sheet = [
      header.split(','),
      [ids[0], '孙七', '男', birth, '140821', '140802', '13700002222', '高中', '城镇劳动力', '', '是', '是'],
      [ids[1], '周八', '女', birth, '140821', '140802', '13700003333', '大专', '高校毕业生', '', '是', '是'],
    ];
    const file = await writeXlsxFile(
      sheet.map((cells) => cells.map((value) => ({ value, type: String }))),
    ).toBuffer();
    const uploadId = randomUUID();
    const half = Math.ceil(file.length / 2);
    for (const [partIndex, part] of [file.subarray(0, half), file.subarray(half)].entries()) {
      const sent = await api('county_officer', 'POST', `/api/v1/roster-uploads/${uploadId}/parts`, {
        partIndex,
        partCount: 2,
        contentBase64: part.toString('base64'),
      });
      expect(sent.status).toBe(200);
      expect(sent.body.partsReceived).toBe(partIndex + 1);
    }
    const imported = await api('county_officer', 'POST', '/api/v1/roster-imports', {
      jurisdiction: '140802',
      fileName: 'roster.xlsx',
      uploadId,
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({ format: 'xlsx', rows: 2, registered: 2, rejected: 0 });
  });
});

describe('institution directory', () => {
  const teacherBirth = birthDateForAge(45);
  const application = (institutionId: string, jurisdiction: string) => ({
    institutionId,
    name: `运城市技工培训学校${institutionId.slice(0, 4)}`,
    creditCode: creditCode(),
    type: 'technical_school',
    jurisdiction,
    licenceNumber: 'JS-1408-0001',
    bankAccount: {
      bankName: '中国农业银行运城分行',
      accountName: '运城市技工培训学校',
      accountNumber: '6228480012345678901',
    },
    siteAreaM2: 1200,
    equipment: [{ name: '焊机', quantity: 20 }],
    scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
    teachers: [
      {
        teacherId: randomUUID(),
        name: '李师傅',
        idNumber: residentIdNumber(teacherBirth, 'male'),
        occupationCodes: ['6-18-02-04'],
        fullTime: true,
      },
    ],
  });

  it('takes an institution through applied → listed → suspended → listed → delisted, with the public directory following', async () => {
    const applied = await api(
      'institution',
      'POST',
      '/api/v1/institutions',
      application(DEMO_INSTITUTION_ID, '140802'),
    );
    expect(applied.status).toBe(201);
    expect(applied.body.events).toEqual(['InstitutionAppliedForListing.v1', 'TeacherRegistered.v1']);
    const path = `/api/v1/institutions/${DEMO_INSTITUTION_ID}`;
    const directory = async () =>
      (await api('worker', 'GET', '/api/v1/institution-directory?jurisdiction=140800')).body.items.map(
        (i: { institutionId: string }) => i.institutionId,
      );

    expect(
      (await api('county_officer', 'POST', `${path}/listing`, { publicationBatch: '2026年第1批' })).status,
    ).toBe(200);
    await eventually(async () => expect(await directory()).toContain(DEMO_INSTITUTION_ID));
    const entry = (
      await api(
        'worker',
        'GET',
        '/api/v1/institution-directory?jurisdiction=140802&occupationCode=6-18-02-04',
      )
    ).body.items[0];
    expect(entry).toMatchObject({
      institutionId: DEMO_INSTITUTION_ID,
      publicationBatch: '2026年第1批',
      scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
    });
    expect(JSON.stringify(entry)).not.toMatch(/teacher|bank|李/i);

    const seen = await api('institution', 'GET', path);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      status: 'listed',
      bankAccountMasked: '6228***********8901',
      teachers: [expect.objectContaining({ nameMasked: '李**' })],
    });

    const suspended = await api('county_officer', 'POST', `${path}/suspension`, {
      reason: '抽查发现实训设备不足',
      rectificationDeadline: '2099-12-31',
    });
    expect(suspended.status).toBe(200);
    await eventually(async () => expect(await directory()).not.toContain(DEMO_INSTITUTION_ID));
    const listAgain = await api('county_officer', 'POST', `${path}/listing`, {
      publicationBatch: '2026年第2批',
    });
    expect(listAgain.status).toBe(409);
    expect(listAgain.body.code).toBe('INSTITUTION.WRONG_STATUS');
    expect((await api('county_officer', 'POST', `${path}/reinstatement`, { note: '整改完成' })).status).toBe(
      200,
    );
    expect((await api('county_officer', 'POST', `${path}/delisting`, { reason: '自愿退出' })).status).toBe(
      200,
    );
    await eventually(async () => expect(await directory()).not.toContain(DEMO_INSTITUTION_ID));
    // the institution cannot list itself, and may not act for another one
    expect((await api('institution', 'POST', `${path}/listing`, { publicationBatch: 'x' })).status).toBe(403);
    const other = await api(
      'institution',
      'POST',
      '/api/v1/institutions',
      application(randomUUID(), '140802'),
    );
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('GATEWAY.FOREIGN_INSTITUTION');
  });

  it('refuses a bad credit code with 400 naming the field, and keeps officers of 140802 off an institution of 140821', async () => {
    const bad = await api('city_approver', 'POST', '/api/v1/institutions', {
      ...application(randomUUID(), '140821'),
      creditCode: '91140802MA0K12345X',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.violations).toEqual([expect.objectContaining({ path: 'creditCode' })]);

    const id = randomUUID();
    expect(
      (await api('city_approver', 'POST', '/api/v1/institutions', application(id, '140821'))).status,
    ).toBe(201);
    const foreign = await api('county_officer', 'POST', `/api/v1/institutions/${id}/listing`, {
      publicationBatch: '2026年第1批',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('REGISTRY.FOREIGN_JURISDICTION');
    expect(
      (
        await api('city_approver', 'POST', `/api/v1/institutions/${id}/listing`, {
          publicationBatch: '2026年第1批',
        })
      ).status,
    ).toBe(200);
  });
});

describe('enterprises, devices, occupations', () => {
  it('registers an enterprise once per credit code, a device of an institution, and lists the occupation catalogue', async () => {
    const code = creditCode();
    const enterprise = {
      name: '运城市某某制造有限公司',
      creditCode: code,
      jurisdiction: '140802',
      headcount: 320,
      small: false,
      micro: false,
    };
    const first = await api('county_officer', 'POST', '/api/v1/enterprises', {
      ...enterprise,
      enterpriseId: randomUUID(),
    });
    expect(first.status).toBe(201);
    const second = await api('county_officer', 'POST', '/api/v1/enterprises', {
      ...enterprise,
      enterpriseId: randomUUID(),
    });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'REGISTRY.CREDIT_CODE_TAKEN',
      details: { ownerId: first.body.id },
    });
    await eventually(async () =>
      expect((await api('county_officer', 'GET', `/api/v1/enterprises/${first.body.id}`)).body).toMatchObject(
        { maySetUpEvaluationBody: true },
      ),
    );

    const deviceId = randomUUID();
    const device = await api('institution', 'POST', '/api/v1/devices', {
      deviceId,
      institutionId: DEMO_INSTITUTION_ID,
      serialNumber: `FP-${deviceId.slice(0, 8)}`,
      siteName: '盐湖区实训基地',
      kind: 'fingerprint',
    });
    // the demo institution was delisted above: no new devices
    expect(device.status).toBe(409);
    expect(device.body.code).toBe('DEVICE.INSTITUTION_NOT_ACTIVE');

    const occupations = await api('worker', 'GET', '/api/v1/occupations');
    expect(occupations.status).toBe(200);
    const names = occupations.body.items.map((o: { name: string }) => o.name);
    for (const name of [
      '焊工',
      '电工',
      '钳工',
      '车工',
      '铸造工',
      '汽车维修工',
      '育婴员',
      '养老护理员',
      '家政服务员',
      '中式烹调师',
      '中式面点师',
      '美容师',
      '美发师',
      '叉车司机',
      '电子商务师',
    ])
      expect(names).toContain(name);
    expect((await api('worker', 'GET', '/api/v1/occupations/6-18-02-04')).body).toMatchObject({
      codeKind: 'national',
      name: '焊工',
    });
  });
});

describe('trust boundaries (issue 9)', () => {
  it('runs the registry as its own database role and NATS identity, and nothing it does is refused', async () => {
    const registered = await api('county_officer', 'POST', '/api/v1/workers', workerPayload());
    expect(registered.status).toBe(201);
    const role = platform.databaseRoles.registry;
    // the running registry is connected as its role, which reads its events but cannot write them directly
    const sessions = await db.pool.query(
      'select count(*)::int as n from pg_stat_activity where usename = $1',
      [role],
    );
    expect(sessions.rows[0].n).toBeGreaterThan(0);
    const privileges = await db.pool.query(
      `select has_table_privilege($1, $2, 'SELECT') as "select", has_table_privilege($1, $2, 'INSERT') as "insert",
              has_table_privilege($1, $3, 'UPDATE') as "updateHead", has_schema_privilege($1, $4, 'CREATE') as "create"`,
      [role, `"${schema}".events`, `"${schema}".streams`, schema],
    );
    expect(privileges.rows[0]).toEqual({ select: true, insert: false, updateHead: false, create: false });
    // its relay published the worker's event under its own identity, on its own subjects
    const nc = await platform.bus.connect('provisioner');
    try {
      const jsm = await jetstreamManager(nc);
      const subjects = await eventually(async () => {
        const info = await jsm.streams.info('JINENG_EVENTS', { subjects_filter: 'jineng.evt.>' });
        const stored = Object.keys(info.state.subjects ?? {});
        expect(stored).toContain('jineng.evt.registry.WorkerRegistered.v1');
        return stored;
      });
      expect(subjects.every((subject) => subject.startsWith('jineng.evt.registry.'))).toBe(true);
    } finally {
      await nc.close();
    }
    expect(JSON.stringify(platform.logs)).not.toMatch(
      /Permissions Violation|permission denied|unauthenticated/i,
    );
  });
});
