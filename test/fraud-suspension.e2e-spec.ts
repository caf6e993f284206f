// A confirmed fraud alert suspends the institution (issue 15, ADR 0021), with every service as its own
// process on a real NATS and PostgreSQL: a class whose one device checks five trainees in at the same
// second raises the audit service's device-burst alert; while the registry is down an auditor confirms
// it with a suspension; the registry, restarted, suspends the institution through its durable consumer
// (registry-fraud-suspensions) as that auditor, the alert as the cause; class-ops learns it and refuses
// the institution's next class application with the suspension rule. A confirmation published again and
// another restart suspend nothing twice.
import { eventSubject } from '@jineng/messaging';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { shanghaiDate } from '@jineng/kernel';
import { startWholePlatform, eventually, type WholePlatform } from '@jineng/testing';
import { check, GatewayClient, until } from '../scripts/demo/gateway-client';
import {
  addDays,
  DEMO_INSTITUTION_ID,
  prepareGround,
  runClass,
  type FlowContext,
} from '../scripts/demo/whole-flow';
// the registry's (apps run as processes: a test names their constants itself)
const FRAUD_RECTIFICATION_DAYS = 90;
const FRAUD_SUSPENSIONS_CONSUMER = 'registry-fraud-suspensions';

let whole: WholePlatform;

beforeAll(async () => {
  whole = await startWholePlatform('fraud_suspension_e2e', '2019-08-01T09:00:00+08:00');
}, 420_000);

afterAll(async () => {
  await whole?.dispose();
});

async function confirmedEvent(alertId: string) {
  const { rows } = await whole.db.pool.query(
    `select event_id as id, type, stream_id, version, recorded_at, encode(hash, 'hex') as hash, data, metadata
       from "${whole.schemas.audit}".events where stream_id = $1 and type = 'FraudAlertConfirmed.v1'`,
    [`fraud-alert-${alertId}`],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

async function suspensions(): Promise<
  { id: string; data: Record<string, string>; metadata: Record<string, unknown> }[]
> {
  const { rows } = await whole.db.pool.query(
    `select event_id as id, data, metadata from "${whole.schemas.registry}".events
      where stream_id = $1 and type = 'InstitutionSuspended.v1' order by version`,
    [`institution-${DEMO_INSTITUTION_ID}`],
  );
  return rows;
}

it('a confirmed alert asking for a suspension suspends the institution once; class-ops then refuses its classes', async () => {
  // a request its service did not answer in time (a loaded machine) is sent again with the same key
  const client = new GatewayClient(whole.platform.urls.gateway!, 'fraud-suspension-e2e', 120_000);
  const ctx: FlowContext = { client, moveClock: (iso) => whole.moveClock(iso) };
  const ground = await prepareGround(ctx, '2019-08-01');
  const proxy = await runClass(
    ctx,
    ground,
    {
      key: '代签到班',
      startDate: '2019-08-12',
      days: 5,
      trainees: 5,
      employed: 0,
      until: 'running',
      runningDays: 1,
    },
    '2019-08-01',
  );

  // the rules over the audit copy: the device's burst, naming the class's institution
  const alert = await until(
    'device burst alert',
    async () => {
      await client.must('auditor', 'POST', '/api/v1/audit/fraud-rules/run', {}, 'run rules');
      const page = await client.get(
        'auditor',
        `/api/v1/audit/fraud-alerts?entityId=${proxy.classId}&ruleId=device-many-workers-in-seconds`,
      );
      check(page.body.items.length === 1, page.text);
      return page.body.items[0] as { alertId: string; entityIds: string[]; status: string };
    },
    90_000,
  );
  expect(alert.entityIds).toContain(DEMO_INSTITUTION_ID);
  await client.must(
    'auditor',
    'POST',
    `/api/v1/audit/fraud-alerts/${alert.alertId}/investigation`,
    { note: '调取监控' },
    'investigate',
  );

  // the registry is down when the confirmation is published: the durable consumer keeps it
  await whole.platform.kill('registry', 'SIGKILL');
  const confirmed = await client.must(
    'auditor',
    'POST',
    `/api/v1/audit/fraud-alerts/${alert.alertId}/confirmation`,
    { actions: ['suspension'], reason: '监控显示一人持多张人脸照片代签，暂停机构整改' },
    'confirm',
  );
  expect(confirmed.body.status).toBe('confirmed');
  const row = await client.get(
    'auditor',
    `/api/v1/audit/fraud-alerts?entityId=${proxy.classId}&status=confirmed`,
  );
  const auditorId = String(row.body.items[0].decidedBy);
  expect(auditorId).not.toBe('');
  await whole.platform.restart('registry');

  const institution = await until(
    'institution suspended',
    async () => {
      const view = await client.get('county_officer', `/api/v1/institutions/${DEMO_INSTITUTION_ID}`);
      check(JSON.stringify(view.body).includes('"suspended"'), view.text);
      return view.body;
    },
    60_000,
  );
  expect(JSON.stringify(institution)).toContain('"suspended"');
  const [suspended, ...more] = await suspensions();
  expect(more).toEqual([]);
  expect(suspended!.data.reason).toContain(alert.alertId);
  // 90 days from the Shanghai day the audit service recorded the confirmation
  const confirmation = await confirmedEvent(alert.alertId);
  expect(suspended!.data.rectificationDeadline).toBe(
    addDays(shanghaiDate(new Date(confirmation.recorded_at)), FRAUD_RECTIFICATION_DAYS),
  );
  expect(suspended!.metadata).toMatchObject({
    actor: { userId: auditorId, roles: expect.arrayContaining(['auditor']) },
    causationId: alert.alertId,
    jurisdiction: '140802',
  });

  // class-ops knows it from the registry's event: a new class of the institution is refused
  const refused = await until(
    'class application refused',
    async () => {
      const answer = await client.call(
        'institution',
        'POST',
        '/api/v1/classes',
        {
          classId: client.id('class after the suspension'),
          institutionId: DEMO_INSTITUTION_ID,
          occupationCode: '6-18-02-04',
          level: 5,
          trainingType: 'employment_skills',
          startDate: '2019-09-02',
          endDate: '2019-09-06',
          totalHours: 40,
          theoryHours: 10,
          practicalHours: 30,
          lessonMinutes: 45,
          teachingPlanReference: 'plans/weld-5.pdf',
          site: { name: '盐湖区实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 },
          teacherIds: [ground.teacherId],
          mode: 'commissioned',
          keyGroup: false,
          workerIds: proxy.workerIds,
          plannedHeadcount: proxy.workerIds.length,
          fundSource: 'employment_subsidy_fund',
        },
        // a key per attempt: the refusal records nothing, and the next attempt must be judged again
        `apply after the suspension ${Date.now()}`,
      );
      check(answer.text.includes('CLASS.INSTITUTION_SUSPENDED'), `${answer.status} ${answer.text}`);
      return answer;
    },
    60_000,
  );
  expect(refused.status).toBeGreaterThanOrEqual(400);
  expect(refused.status).toBeLessThan(500);

  // the confirmation published again (a relay that lost its checkpoint), and another restart: nothing new
  const event = await confirmedEvent(alert.alertId);
  const nc = await whole.platform.bus.connect('audit');
  let sequence: number;
  try {
    ({ seq: sequence } = await jetstream(nc).publish(
      eventSubject('audit', 'FraudAlertConfirmed.v1'),
      JSON.stringify({
        id: event.id,
        type: event.type,
        service: 'audit',
        streamId: event.stream_id,
        streamVersion: Number(event.version),
        recordedAt: new Date(event.recorded_at).toISOString(),
        hash: event.hash,
        data: event.data,
        metadata: event.metadata,
      }),
      { msgID: `${event.id}-again` },
    ));
  } finally {
    await nc.close();
  }
  await whole.platform.kill('registry', 'SIGKILL');
  await whole.platform.restart('registry');
  // the registry's consumer has handled and acknowledged the copy
  const registry = await whole.platform.bus.connect('registry');
  try {
    const consumers = (await jetstreamManager(registry)).consumers;
    await eventually(
      async () => {
        const info = await consumers.info('JINENG_EVENTS', FRAUD_SUSPENSIONS_CONSUMER);
        expect(info.ack_floor.stream_seq).toBeGreaterThanOrEqual(sequence);
        expect(info.num_ack_pending).toBe(0);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  } finally {
    await registry.close();
  }
  expect(await suspensions()).toHaveLength(1);
}, 600_000);
