/* global fetch */
// Demo data for `npm start` (run by scripts/start.mjs once every app listens): through the gateway
// with development tokens, as the demo users would enter it — workers of 盐湖区 (140802), the demo
// training institution listed in the directory with a teacher and a check-in device, and the demo
// enterprise. Idempotent: what exists already answers 409 and is left as it is.
const urls = JSON.parse(process.env.JINENG_SERVICE_URLS ?? '{}');
const gateway = urls.gateway;
const log = (message) => console.log(`[demo-data] ${message}`);

if (!gateway || !urls.registry) {
  log('no gateway or registry in JINENG_SERVICE_URLS; nothing to load');
  process.exit(0);
}

const DEMO_INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const DEMO_ENTERPRISE_ID = '7d2e4f6a-1b3c-4d5e-8f9a-0b1c2d3e4f5a';

// GB 11643 and GB 32100 check characters, so the demo numbers are valid (and obviously made up)
function residentId(first17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}
function creditCode(first17) {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...first17].reduce((acc, c, i) => acc + charset.indexOf(c) * weights[i], 0);
  return `${first17}${charset[(31 - (sum % 31)) % 31]}`;
}

async function token(user) {
  const response = await fetch(`${gateway}/api/v1/dev/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (response.status !== 200) throw new Error(`no development token for ${user}: ${response.status}`);
  return (await response.json()).accessToken;
}

/** POSTs; a 409 (already there) counts as done. */
async function post(bearer, path, body, what) {
  const response = await fetch(`${gateway}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 409) return log(`${what}: already there (${answer.code})`);
  if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(answer)}`);
  log(`${what}: done`);
  return answer;
}

const officer = await token('county_officer');
const institution = await token('institution');
const enterprise = await token('enterprise');

const workers = [
  ['14080219880312', '1', '张建国', 'male', 'rural_labour', ['migrant_worker']],
  ['14082119950704', '2', '李秀英', 'female', 'poor_labour', ['employment_difficulty']],
  ['14080220010915', '3', '王磊', 'male', 'graduate', []],
  ['14082219790120', '4', '赵敏', 'female', 'urban_labour', ['urban_unemployed']],
];
for (const [prefix, sequence, name, gender, category, keyGroups] of workers) {
  const order = `${sequence}${gender === 'male' ? '1' : '2'}`.padStart(3, '0');
  const idNumber = residentId(`${prefix}${order}`);
  const birthDate = `${prefix.slice(6, 10)}-${prefix.slice(10, 12)}-${prefix.slice(12, 14)}`;
  await post(
    officer,
    '/api/v1/workers',
    {
      idNumber,
      name,
      gender,
      birthDate,
      jurisdiction: '140802',
      hukouJurisdiction: prefix.slice(0, 6),
      residenceJurisdiction: '140802',
      phone: `1390359000${sequence}`,
      education: 'senior_secondary',
      category,
      keyGroups,
      ableToWork: true,
      willingToWork: true,
    },
    `worker ${name}`,
  );
}

await post(
  institution,
  '/api/v1/institutions',
  {
    institutionId: DEMO_INSTITUTION_ID,
    name: '运城市盐湖区技能培训学校（演示）',
    creditCode: creditCode('52140802MJY00001D'),
    type: 'technical_school',
    jurisdiction: '140802',
    licenceNumber: '人社民1408020001号',
    bankAccount: {
      bankName: '中国工商银行运城分行',
      accountName: '运城市盐湖区技能培训学校',
      accountNumber: '0508000109200012345',
    },
    siteAreaM2: 2400,
    equipment: [
      { name: '交直流焊机', quantity: 24 },
      { name: '中式烹饪实训灶台', quantity: 20 },
    ],
    scope: [
      { occupationCode: '6-18-02-04', levels: [5, 4, 3] },
      { occupationCode: '4-03-02-01', levels: [5, 4] },
      { occupationCode: '4-10-01-06', levels: [5, 4] },
    ],
    teachers: [
      {
        teacherId: '3c9d2e1f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
        name: '刘志强',
        idNumber: residentId('14080219750606031'),
        occupationCodes: ['6-18-02-04'],
        certificateNumber: 'S000014080200001',
        fullTime: true,
      },
    ],
  },
  'demo institution applies for listing',
);
await post(
  officer,
  `/api/v1/institutions/${DEMO_INSTITUTION_ID}/listing`,
  { publicationBatch: '2026年第1批（演示）' },
  'demo institution listed',
);
await post(
  institution,
  '/api/v1/devices',
  {
    deviceId: '6e5d4c3b-2a19-4f08-9e7d-6c5b4a392817',
    institutionId: DEMO_INSTITUTION_ID,
    serialNumber: 'DEMO-FACE-0001',
    siteName: '盐湖区实训基地',
    siteAddress: '运城市盐湖区（演示地址）',
    kind: 'face',
  },
  'check-in device',
);
await post(
  enterprise,
  '/api/v1/enterprises',
  {
    enterpriseId: DEMO_ENTERPRISE_ID,
    name: '运城市演示机械制造有限公司',
    creditCode: creditCode('91140802MA0DEM001'),
    jurisdiction: '140802',
    headcount: 320,
    small: false,
    micro: false,
  },
  'demo enterprise',
);
log('registry demo data loaded');
