// The whole flow of one subsidized class, through the gateway only, as the people do it: shared by the
// end-to-end test (test/whole-flow.e2e-spec.ts) and the demo data of `npm start` (scripts/demo/load.ts).
// Every command's Idempotency-Key and every client-chosen id derive from the flow's namespace and the
// step, so running a flow again appends nothing. The services' clock is moved by `moveClock` (a test
// clock file, libs/service-runtime clock/service-clock.ts): the days of the class, the notice period
// and the employment window pass on it.
//
// The money rule is Yuncheng's seed (运城市全民技能提升工程实施方案, 2018, ../shared/seeds/
// yuncheng-2018-skills-upgrading.txt): 「10天以内每人每天补贴150元,10天以后每人每天补贴100元」,
// 「最长不超过15天（120个课时）」, and 「对经培训取得相应证书的,先给予培训机构80%的培训补贴；3个月内
// 实现就业的,再给予20%的培训补贴」. Yuncheng's documents set no review or notice days: the flow's
// county supplement for 盐湖区 is a HYPOTHETICAL document (as test/subsidy-claims.e2e-spec.ts does),
// setting them as Jiyuan does (7 working days, 3 working days of notice).
import { check, GatewayClient, until, type Answer } from './gateway-client';

export const YANHU = '140802';
export const YUNCHENG = '140800';
export const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
export const DEMO_TEACHER_ID = '3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const FUND_SOURCE = 'employment_subsidy_fund';
const OCCUPATION = '6-18-02-04';
const SITE = { name: '盐湖区实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 };

/** Yuncheng's per-day rule, in fen per trainee: days 1–10 at 15 000, days 11–15 at 10 000, none past 15. */
export function yunchengPerDayFen(days: number): number {
  return Math.min(days, 10) * 15_000 + Math.max(0, Math.min(days, 15) - 10) * 10_000;
}
/** 80 % on the certificate, 20 % on employment within 3 months (Yuncheng), in whole fen. */
export const certificateTrancheFen = (days: number) => Math.round(yunchengPerDayFen(days) * 0.8);
export const employmentTrancheFen = (days: number) => yunchengPerDayFen(days) - certificateTrancheFen(days);

export interface FlowContext {
  readonly client: GatewayClient;
  /** moves the services' clock to `iso` and returns once they read it */
  readonly moveClock: (iso: string) => Promise<void>;
  readonly log?: (message: string) => void;
}

/** How far one class goes. */
export const STAGES = [
  'applied',
  'approved',
  'running',
  'completed',
  'certified',
  'claim-in-review',
  'claim-paid',
  'tranche-paid',
] as const;
export type Stage = (typeof STAGES)[number];

export interface ClassPlan {
  /** names the class's ids and keys in the flow's namespace */
  readonly key: string;
  readonly startDate: string;
  readonly days: number;
  readonly trainees: number;
  /** how many trainees find a job within the window (the 20 % tranche) */
  readonly employed: number;
  readonly until: Stage;
  /** withdraw the class after its approval (cancelled) instead of running it */
  readonly withdraw?: boolean;
  /** the days checked in when the plan stops at `running` (default 2) */
  readonly runningDays?: number;
  /** the inspection's day and the headcount the inspectors find (default: day 5 or the last, everyone) */
  readonly inspection?: { readonly day: number; readonly headcount: number };
  /** named workers on the roster besides the made-up `trainees` (e.g. the demo trainee): registered once, whichever class comes first */
  readonly extraTrainees?: readonly NamedWorker[];
}

/** A worker the flow registers by fixed particulars, and the registry id that registration is expected to give. */
export interface NamedWorker {
  /** names the registration's Idempotency-Key: the same in every class the worker is on */
  readonly key: string;
  /**
   * the id the registry derives from the ID number (its keyed hash under the development lookup key);
   * the registry's own answer is what the flow uses, and a different one is reported
   */
  readonly expectedWorkerId: string;
  readonly registration: Readonly<Record<string, unknown>> & { readonly idNumber: string };
}

/**
 * The development issuer's demo worker (apps/gateway/src/auth/demo-users.ts names them by this registry
 * id): registered with a made-up ID number whose keyed hash under the published development lookup key
 * (scripts/start.mjs, libs/testing's whole platform) derives to that id. The id is the registry's —
 * derived by the service from what it stores, never sent by a client — and the token's subject names it.
 */
export const DEMO_TRAINEE: NamedWorker = {
  key: 'demo trainee',
  expectedWorkerId: '9149a218-3492-5998-8495-1c6fc30e8d6f',
  registration: {
    idNumber: '140802199205180016',
    name: '杨晓明',
    gender: 'male',
    birthDate: '1992-05-18',
    jurisdiction: '140802',
    hukouJurisdiction: '140802',
    residenceJurisdiction: '140802',
    phone: '13900000001',
    education: 'senior_secondary',
    category: 'rural_labour',
    keyGroups: [],
    ableToWork: true,
    willingToWork: true,
  },
};

/**
 * Registers a named worker once (the same step key in every class of the flow; on a database where another
 * flow registered them the registry refuses with WORKER.ALREADY_REGISTERED and names the worker).
 */
export async function registerNamedWorker(ctx: FlowContext, worker: NamedWorker): Promise<string> {
  const answer = await ctx.client.must(
    'county_officer',
    'POST',
    '/api/v1/workers',
    worker.registration,
    `named worker: ${worker.key}`,
    ['WORKER.ALREADY_REGISTERED'],
  );
  // already registered (another flow's namespace on this database): the refusal names the worker
  const workerId = String(answer.status === 409 ? answer.body.details?.workerId : answer.body.id);
  if (workerId !== worker.expectedWorkerId)
    ctx.log?.(
      `${worker.key}: the registry gave ${workerId}, not ${worker.expectedWorkerId} (is it running with another lookup key than the development one?): the demo user does not name this worker`,
    );
  return workerId;
}

export interface ClassOutcome {
  readonly classId: string;
  readonly workerIds: readonly string[];
  readonly certificateIds: string[];
  readonly claimIds: { certificate?: string; employment?: string };
  readonly paymentReferences: string[];
  readonly batchIds: string[];
}

const SHANGHAI = '+08:00';
const at = (date: string, time: string) => `${date}T${time}:00${SHANGHAI}`;
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

// GB 11643 and GB 32100 check characters, so the flow's numbers are valid (and obviously made up)
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}
function creditCode(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i]!, 0);
  return `${first17}${charset[(31 - (sum % 31)) % 31]}`;
}
/** a number from a name, for made-up identity numbers that stay the same across runs */
function digitsOf(client: GatewayClient, name: string, length: number): string {
  const hex = client.id(name).replace(/-/g, '');
  return BigInt(`0x${hex}`).toString().slice(-length).padStart(length, '0');
}

/** The jurisdiction's ground: the county supplement, funds, the institution listed with a teacher, a device, its payee account, an evaluation body. */
export async function prepareGround(
  ctx: FlowContext,
  today: string,
): Promise<{ teacherId: string; deviceId: string }> {
  const { client } = ctx;
  const log = ctx.log ?? (() => undefined);
  await ctx.moveClock(at(today, '09:00'));

  // the hypothetical county supplement (see the header)
  const drafted = await client.must(
    'admin',
    'POST',
    '/api/v1/policy-versions',
    {
      jurisdiction: YANHU,
      effectiveFrom: '2019-01-01',
      title: '盐湖区补贴申领办理规程（演示用假设文件）',
      document: {
        title: '盐湖区补贴申领办理规程（演示用假设文件）',
        issuer: '盐湖区人社局',
        number: '演示〔2019〕1号',
      },
      parameters: { claims: { reviewWorkingDays: 7, publicNoticeWorkingDays: 3 } },
    },
    'county supplement: draft',
  );
  await client.must(
    'admin',
    'POST',
    `/api/v1/policy-versions/${String(drafted.body.versionId)}/publish`,
    { pastEffectiveReason: '演示：假设的规程自2019年起施行' },
    'county supplement: publish',
  );
  log('policy: the hypothetical county supplement of 盐湖区 published');

  // the money: the city receives, allocates to the county
  await client.must(
    'finance_officer',
    'POST',
    '/api/v1/fund-ledger/inflows',
    {
      inflowId: client.id('inflow'),
      jurisdictionCode: YUNCHENG,
      fundSource: FUND_SOURCE,
      amountFen: 20_000_000,
      documentReference: '运人社发〔2019〕21号（演示）',
      receivedOn: today,
    },
    'fund inflow',
  );
  await client.must(
    'finance_officer',
    'POST',
    '/api/v1/fund-ledger/allocations',
    {
      allocationId: client.id('allocation'),
      fromJurisdictionCode: YUNCHENG,
      countyCode: YANHU,
      fundSource: FUND_SOURCE,
      amountFen: 10_000_000,
      documentReference: '运财社〔2019〕4号（演示）',
    },
    'fund allocation',
  );
  log('funds: 200 000 ¥ received by 运城市, 100 000 ¥ allocated to 盐湖区');

  // the demo institution's teacher of the earlier demo data (a database loaded before keeps it)
  const teacherId = DEMO_TEACHER_ID;
  await client.must(
    'institution',
    'POST',
    '/api/v1/institutions',
    {
      institutionId: DEMO_INSTITUTION_ID,
      name: '运城市盐湖区技能培训学校（演示）',
      creditCode: creditCode(`52140802MJ${digitsOf(client, 'credit code', 6)}D`),
      type: 'technical_school',
      jurisdiction: YANHU,
      licenceNumber: '人社民1408020001号',
      bankAccount: {
        bankName: '中国工商银行运城分行',
        accountName: '运城市盐湖区技能培训学校',
        accountNumber: '0508000109200012345',
      },
      siteAreaM2: 2400,
      equipment: [{ name: '交直流焊机', quantity: 24 }],
      scope: [{ occupationCode: OCCUPATION, levels: [5, 4, 3] }],
      teachers: [
        {
          teacherId,
          name: '刘志强',
          idNumber: residentId(`14080219750606${digitsOf(client, 'teacher id', 2)}1`),
          occupationCodes: [OCCUPATION],
          certificateNumber: 'S000014080200001',
          fullTime: true,
        },
      ],
    },
    'institution applies',
    // the demo institution of a database loaded by the earlier demo data
    ['INSTITUTION.ALREADY_APPLIED'],
  );
  await client.must(
    'county_officer',
    'POST',
    `/api/v1/institutions/${DEMO_INSTITUTION_ID}/listing`,
    { publicationBatch: '2019年第1批（演示）' },
    'institution listed',
    ['INSTITUTION.WRONG_STATUS'],
  );
  const deviceId = client.id('device');
  await client.must(
    'institution',
    'POST',
    '/api/v1/devices',
    {
      deviceId,
      institutionId: DEMO_INSTITUTION_ID,
      serialNumber: `FACE-${deviceId.slice(0, 8)}`,
      siteName: SITE.name,
      siteAddress: '运城市盐湖区（演示地址）',
      kind: 'face',
    },
    'check-in device',
  );
  await client.must(
    'institution',
    'POST',
    '/api/v1/payee-accounts',
    {
      payeeId: DEMO_INSTITUTION_ID,
      payeeKind: 'institution',
      accountName: '运城市盐湖区技能培训学校',
      accountNumber: '0508000109200012345',
      bankCode: '102181000011',
    },
    'payee account',
  );
  await client.must(
    'county_officer',
    'POST',
    '/api/v1/evaluation-bodies',
    {
      evaluationBodyId: client.id('evaluation body'),
      name: '运城市焊工技能等级认定中心（演示）',
      kind: 'social_organisation',
      jurisdictionCode: YANHU,
      recognitions: [
        { occupationCode: OCCUPATION, levels: [5, 4], kinds: ['skill_level'], validFrom: '2019-01-01' },
      ],
    },
    'evaluation body',
  );
  log('registry: the institution listed with its teacher, device and payee account; an evaluation body');
  return { teacherId, deviceId };
}

const reached = (plan: ClassPlan, stage: Stage) => STAGES.indexOf(plan.until) >= STAGES.indexOf(stage);

/** One class from its trainees' registration as far as `plan.until`, on the moved clock. */
export async function runClass(
  ctx: FlowContext,
  ground: { teacherId: string; deviceId: string },
  plan: ClassPlan,
  applyOn: string,
): Promise<ClassOutcome> {
  const { client } = ctx;
  const log = (message: string) => ctx.log?.(`${plan.key}: ${message}`);
  const step = (name: string) => `${plan.key}: ${name}`;
  const end = addDays(plan.startDate, plan.days - 1);
  const classId = client.id(step('class'));
  const outcome: ClassOutcome = {
    classId,
    workerIds: [],
    certificateIds: [],
    claimIds: {},
    paymentReferences: [],
    batchIds: [],
  };
  await ctx.moveClock(at(applyOn, '09:00'));

  // the trainees are registered
  const workerIds: string[] = [];
  for (let i = 0; i < plan.trainees; i++) {
    // a birth date and serial from the worker's name in the flow: distinct ID numbers across classes
    const born = Number(digitsOf(client, step(`worker ${i} born`), 6));
    const birthDate = `${1975 + (born % 25)}-${String(1 + (Math.floor(born / 25) % 12)).padStart(2, '0')}-${String(1 + (Math.floor(born / 300) % 28)).padStart(2, '0')}`;
    // the 17th digit is odd for a man, even for a woman (GB 11643)
    const serial = `${digitsOf(client, step(`worker ${i} id`), 2)}${i % 2 === 0 ? 1 : 2}`;
    const registered = await client.must(
      'county_officer',
      'POST',
      '/api/v1/workers',
      {
        idNumber: residentId(`140802${birthDate.replace(/-/g, '')}${serial}`),
        name: ['张建国', '李秀英', '王磊', '赵敏', '刘洋', '陈静'][i % 6],
        gender: i % 2 === 0 ? 'male' : 'female',
        birthDate,
        jurisdiction: YANHU,
        hukouJurisdiction: YANHU,
        residenceJurisdiction: YANHU,
        phone: `139${digitsOf(client, step(`worker ${i} phone`), 8)}`,
        education: 'senior_secondary',
        category: 'rural_labour',
        keyGroups: [],
        ableToWork: true,
        willingToWork: true,
      },
      step(`worker ${i}`),
    );
    workerIds.push(String(registered.body.id));
  }
  for (const named of plan.extraTrainees ?? []) workerIds.push(await registerNamedWorker(ctx, named));
  (outcome.workerIds as string[]).push(...workerIds);

  // the institution applies (once class-ops has learnt the institution, its teacher and the workers)
  const application = {
    classId,
    institutionId: DEMO_INSTITUTION_ID,
    occupationCode: OCCUPATION,
    level: 5,
    trainingType: 'employment_skills',
    startDate: plan.startDate,
    endDate: end,
    totalHours: plan.days * 8,
    theoryHours: plan.days * 2,
    practicalHours: plan.days * 6,
    lessonMinutes: 45,
    teachingPlanReference: 'plans/weld-5.pdf',
    site: SITE,
    teacherIds: [ground.teacherId],
    mode: 'commissioned',
    keyGroup: false,
    workerIds,
    plannedHeadcount: workerIds.length,
    fundSource: FUND_SOURCE,
  };
  await until(step('class applied'), () =>
    client.must('institution', 'POST', '/api/v1/classes', application, step('apply')),
  );
  log(`applied (${plan.startDate} – ${end}, ${workerIds.length} trainees)`);
  if (!reached(plan, 'approved')) return outcome;
  await client.must('county_officer', 'POST', `/api/v1/classes/${classId}/approval`, {}, step('approve'));
  log('approved');
  if (plan.withdraw) {
    await client.must(
      'institution',
      'POST',
      `/api/v1/classes/${classId}/withdrawal`,
      { reason: '招生不足（演示）' },
      step('withdraw'),
    );
    log('withdrawn (cancelled)');
    return outcome;
  }
  if (!reached(plan, 'running')) return outcome;

  // the days of the class: every trainee checks in at 08:35 on the site's device
  const lastDay = reached(plan, 'completed') ? plan.days : (plan.runningDays ?? 2);
  const inspection = plan.inspection ?? { day: Math.min(5, plan.days), headcount: workerIds.length };
  for (let day = 1; day <= lastDay; day++) {
    const date = addDays(plan.startDate, day - 1);
    await ctx.moveClock(at(date, '08:40'));
    const checkIns = workerIds.map((workerId, i) => ({
      deviceEventId: `${plan.key}-d${day}-w${i}`,
      classId,
      workerId,
      at: new Date(at(date, '08:35')).toISOString(),
      lat: SITE.lat + 0.0001,
      lng: SITE.lng,
      faceMatchScore: 0.92,
    }));
    const batch = await until(step(`day ${day} check-ins`), async () => {
      const answer = await client.must(
        'institution',
        'POST',
        `/api/v1/devices/${ground.deviceId}/check-in-batches`,
        { checkIns },
        step(`check-ins day ${day}`),
      );
      // the device reaches class-ops through the bus; a class not started yet waits for its opening
      check(answer.body.accepted === workerIds.length, `check-ins: ${JSON.stringify(answer.body)}`);
      return answer;
    });
    check(batch.body.rejected === 0, `day ${day}: ${JSON.stringify(batch.body)}`);
    if (day === 1) {
      // the opening-day rule runs when the first session is over
      await ctx.moveClock(at(date, '16:00'));
      await until(step('started'), async () => {
        const view = await client.get('county_officer', `/api/v1/classes/${classId}`);
        check(['running', 'completed'].includes(view.body.class.status), `status ${view.body.class.status}`);
      });
      log('started: every trainee present on the opening day');
    }
    if (day === inspection.day) {
      await client.must(
        'county_officer',
        'POST',
        `/api/v1/classes/${classId}/inspections`,
        {
          inspectionId: client.id(step('inspection')),
          at: new Date(at(date, '10:00')).toISOString(),
          place: SITE.name,
          teachersPresent: [ground.teacherId],
          headcount: inspection.headcount,
        },
        step('inspection'),
      );
      log(`inspected on day ${day}: ${inspection.headcount} present`);
    }
    if (day === plan.days - 3) {
      // the assessment is applied for at least 3 days before the class ends
      await client.must(
        'institution',
        'POST',
        '/api/v1/assessments',
        { assessmentId: client.id(step('assessment')), classId, certificateKind: 'skill_level' },
        step('assessment: apply'),
      );
    }
  }
  if (!reached(plan, 'completed')) return outcome;
  await ctx.moveClock(at(end, '18:00'));
  await client.must('institution', 'POST', `/api/v1/classes/${classId}/completion`, {}, step('complete'));
  log('completed');
  if (!reached(plan, 'certified')) return outcome;

  // assessment: scheduled, results, a certificate for each who passed
  const assessmentId = client.id(step('assessment'));
  const assessed = addDays(end, 1);
  await ctx.moveClock(at(assessed, '09:00'));
  await client.must(
    'county_officer',
    'POST',
    `/api/v1/assessments/${assessmentId}/schedule`,
    {
      date: assessed,
      place: SITE.name,
      assessorIds: ['assessor-1'],
      evaluationBodyId: client.id('evaluation body'),
    },
    step('assessment: schedule'),
  );
  await until(step('results'), () =>
    client.must(
      'county_officer',
      'POST',
      `/api/v1/assessments/${assessmentId}/results`,
      {
        results: workerIds.map((workerId) => ({
          workerId,
          theoryScore: 82,
          practicalScore: 88,
          outcome: 'passed',
        })),
      },
      step('assessment: results'),
    ),
  );
  for (const [i, workerId] of workerIds.entries()) {
    const issued = await client.must(
      'county_officer',
      'POST',
      `/api/v1/assessments/${assessmentId}/certificates`,
      { workerId, issuedOn: assessed },
      step(`certificate ${i}`),
    );
    outcome.certificateIds.push(String(issued.body.id));
  }
  log(`assessed on ${assessed}: ${workerIds.length} certificates`);
  if (!reached(plan, 'claim-in-review')) return outcome;

  // the 80 % claim
  const claimedOn = nextWorkingDay(addDays(assessed, 1));
  const certificate = await claimThrough(
    ctx,
    plan,
    classId,
    'certificate',
    claimedOn,
    certificateTrancheFen(plan.days) * workerIds.length,
    reached(plan, 'claim-paid'),
    outcome,
  );
  outcome.claimIds.certificate = certificate.claimId;
  if (!reached(plan, 'claim-paid')) return outcome;

  // employment within three months: the first `employed` trainees
  const hired = addDays(end, 45);
  await ctx.moveClock(at(hired, '10:00'));
  for (const [i, workerId] of workerIds.slice(0, plan.employed).entries())
    await client.must(
      'county_officer',
      'POST',
      `/api/v1/workers/${workerId}/employments`,
      {
        employerCreditCode: creditCode(`91140802MA0DEM00${i}`),
        startDate: hired,
        evidenceKind: 'social_insurance',
        evidenceReference: `SB-${plan.key}-${i}`,
      },
      step(`employment ${i}`),
    );
  log(`${plan.employed} trainees employed on ${hired}`);
  if (!reached(plan, 'tranche-paid')) return outcome;
  // the window (class end + 3 months) closes on the clock; then the 20 % is claimed
  const windowEnd = addMonths(end, 3);
  await ctx.moveClock(at(addDays(windowEnd, 1), '00:00'));
  const trancheOn = nextWorkingDay(addDays(windowEnd, 2));
  const tranche = await claimThrough(
    ctx,
    plan,
    classId,
    'employment',
    trancheOn,
    employmentTrancheFen(plan.days) * plan.employed,
    true,
    outcome,
  );
  outcome.claimIds.employment = tranche.claimId;
  return outcome;
}

/** A weekday (the flow's dates avoid the holidays); a Saturday or Sunday moves to the Monday. */
export function nextWorkingDay(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}

/** Submit, both reviews, the notice, its end, the approval, the ledger's commitment, the payment file, the statement. */
async function claimThrough(
  ctx: FlowContext,
  plan: ClassPlan,
  classId: string,
  tranche: 'certificate' | 'employment',
  on: string,
  requestedFen: number,
  pay: boolean,
  outcome: ClassOutcome,
): Promise<{ claimId: string }> {
  const { client } = ctx;
  const log = (message: string) => ctx.log?.(`${plan.key}: ${message}`);
  const step = (name: string) => `${plan.key}: ${tranche} claim: ${name}`;
  await ctx.moveClock(at(on, '09:00'));
  const submitted = await until(
    step('submitted'),
    async () => {
      const answer = await client.call(
        'institution',
        'POST',
        '/api/v1/claims',
        {
          kind: 'training_per_day',
          tranche,
          classId,
          claimantKind: 'institution',
          requestedFen,
          commitmentSigned: true,
        },
        step('submit'),
      );
      // the service learns the class, the certificates and the employment through its consumers
      check(answer.status === 201, `${answer.status} ${answer.text}`);
      return answer;
    },
    30_000,
  );
  const claimId = String(submitted.body.id);
  log(`${tranche} claim ${claimId} submitted for ${requestedFen} fen`);
  await ctx.moveClock(at(addDays(on, 1), '09:00'));
  await client.must(
    'county_officer',
    'POST',
    `/api/v1/claims/${claimId}/first-review`,
    { decision: 'approve', reason: '材料齐全' },
    step('first review'),
  );
  if (!pay) return { claimId };
  await client.must(
    'city_approver',
    'POST',
    `/api/v1/claims/${claimId}/second-review`,
    { decision: 'approve', reason: '复核通过' },
    step('second review'),
  );
  await client.must('county_officer', 'POST', `/api/v1/claims/${claimId}/notice`, {}, step('notice'));
  const view = await client.get('county_officer', `/api/v1/claims/${claimId}`);
  const noticeEnds = String(view.body.noticeEndsOn);
  await ctx.moveClock(at(nextWorkingDay(addDays(noticeEnds, 1)), '09:00'));
  await client.must('city_approver', 'POST', `/api/v1/claims/${claimId}/approval`, {}, step('approval'));
  log(`reviewed twice, noticed until ${noticeEnds}, approved`);

  // the ledger commits the approved amount (from ClaimApproved), then finance pays it
  const payOn = nextWorkingDay(addDays(nextWorkingDay(addDays(noticeEnds, 1)), 1));
  await ctx.moveClock(at(payOn, '09:00'));
  const batchId = client.id(step('payment batch'));
  // the commitment first (the batch takes what is payable then, and a batch is issued once)
  await until(step('committed'), async () => {
    // (paid already: this flow runs again, and its steps are answered as first recorded)
    const claim = await client.get('county_officer', `/api/v1/claims/${claimId}`);
    if (claim.body.summary.status === 'paid') return;
    const balances = await client.get('finance_officer', `/api/v1/fund-ledger/balances/${YANHU}`);
    const source = (balances.body.sources as { fundSource: string; payableFen: number }[]).find(
      (s) => s.fundSource === FUND_SOURCE,
    );
    check(Number(source?.payableFen) >= requestedFen, `payable ${JSON.stringify(source)}`);
  });
  const batch = await client.must(
    'finance_officer',
    'POST',
    '/api/v1/fund-ledger/payment-batches',
    { batchId, jurisdictionCode: YANHU, fundSource: FUND_SOURCE },
    step('payment batch'),
  );
  check(batch.body.lines >= 1 && batch.body.heldBack.length === 0, `payment batch: ${batch.text}`);
  outcome.batchIds.push(batchId);
  const file = await client.get('finance_officer', `/api/v1/fund-ledger/payment-batches/${batchId}/file`);
  const lines = file.text
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const line = lines.find((cells) => cells[2] === claimId);
  check(line !== undefined, `the payment file has no line for ${claimId}: ${file.text}`);
  const reference = line![0]!;
  outcome.paymentReferences.push(reference);
  const amount = Number(line![lines[0]!.indexOf('amount_fen')] ?? NaN);
  check(amount === requestedFen, `the payment file pays ${amount} fen for ${claimId}, not ${requestedFen}`);
  log(`payment file ${batchId}: ${reference} ${amount} fen`);

  // the bank statement the next day, and its reconciliation
  const valueDate = payOn;
  await ctx.moveClock(at(addDays(payOn, 1), '09:00'));
  const statement = await client.must(
    'finance_officer',
    'POST',
    '/api/v1/fund-ledger/bank-statements',
    {
      statementId: client.id(step('statement')),
      jurisdictionCode: YANHU,
      csv: [
        'reference,amount_fen,value_date,status,reason',
        `${reference},${amount},${valueDate},paid,`,
      ].join('\n'),
    },
    step('statement'),
  );
  const job: Answer = await until(step('reconciliation'), async () => {
    const answer = await client.get(
      'finance_officer',
      `/api/v1/fund-ledger/jobs/${String(statement.body.jobId)}`,
    );
    check(answer.body.status === 'succeeded', `job ${answer.text}`);
    return answer;
  });
  check(job.body.result.matched === 1 && job.body.result.settled === 1, `reconciliation: ${job.text}`);
  await until(step('paid'), async () => {
    const claim = await client.get('county_officer', `/api/v1/claims/${claimId}`);
    check(claim.body.summary.status === 'paid', `claim status ${claim.body.summary.status}`);
  });
  log(`${tranche} claim paid and reconciled (${amount} fen)`);
  return { claimId };
}
