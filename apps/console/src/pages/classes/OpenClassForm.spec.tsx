// The class application form: what it checks itself before sending, and every opening rule class-ops
// refuses (CLASS.RULES_FAILED, each failure with its zh/en message and no field) shown next to the field
// it concerns, all at once, in the chosen language; a rule about the institution above the form (the
// API answered by a stand-in fetch).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { SessionProvider } from '../../auth/session';
import { I18nProvider } from '../../i18n/i18n';
import type { Lang } from '../../i18n/dictionary';
import { OpenClassForm } from './OpenClassPage';

const TEACHER = '3f0e1a2b-0000-4000-8000-00000000000a';
const WORKERS = ['3f0e1a2b-0000-4000-8000-000000000001', '3f0e1a2b-0000-4000-8000-000000000002'];
const UNKNOWN_WORKER = '3f0e1a2b-0000-4000-8000-0000000000ff';

const filled = {
  occupationCode: '6-18-02-04',
  startDate: '2026-12-02',
  endDate: '2026-12-14',
  totalHours: 80,
  theoryHours: 40,
  practicalHours: 40,
  lessonMinutes: 39,
  teachingPlanReference: 'plans/weld-5.pdf',
  site: { name: '实训基地', lat: 35.02, lng: 111, radiusMetres: 200 },
  teacherIds: TEACHER,
  workerIds: [...WORKERS, UNKNOWN_WORKER].join('\n'),
  plannedHeadcount: 52,
};

const failure = (code: string, zh: string, en: string, workerId?: string) => ({
  code,
  ...(workerId ? { workerId } : {}),
  values: {},
  summary: `${code}: …`,
  message: { zh, en },
});

const RULES_FAILED = {
  code: 'CLASS.RULES_FAILED',
  message: '开班申请不符合 7 项规定',
  messageEn: 'the application fails 7 opening rules',
  details: {
    failures: [
      failure(
        'CLASS.LEAD_TIME_TOO_SHORT',
        '开班申请须提前 3 个工作日，距开班仅 1 个工作日（最早开班日 2026-12-04）',
        'an opening is due 3 working days before the start; 1 remain (earliest start 2026-12-04)',
      ),
      failure(
        'CLASS.PRACTICAL_SHARE_TOO_LOW',
        '技能实训 40/80 课时（50%）低于 65%',
        'practical 40/80 hours (50%) is below 65%',
      ),
      failure(
        'CLASS.LESSON_TOO_SHORT',
        '每课时 39 分钟，少于 40 分钟',
        'a class hour of 39 minutes is shorter than 40',
      ),
      failure(
        'CLASS.TOO_MANY_TRAINEES',
        '每班人数 52 超过上限 50',
        '52 trainees exceed the class size limit of 50',
      ),
      failure(
        'CLASS.TEACHER_NOT_REGISTERED',
        `教师 ${TEACHER} 未在本机构报备`,
        `teacher ${TEACHER} is not registered with the institution`,
      ),
      failure(
        'CLASS.TRAINEE_NOT_REGISTERED',
        '学员未建档立卡',
        'the trainee is not registered',
        UNKNOWN_WORKER,
      ),
      failure(
        'CLASS.INSTITUTION_SUSPENDED',
        '培训机构暂停开班（整改中）',
        'the institution is suspended (rectification)',
      ),
    ],
  },
};

function answer(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return Promise.resolve({
    ok: status < 400,
    status,
    json: async () => JSON.parse(text),
    text: async () => text,
    headers: new Map<string, string>(),
  });
}

function renderForm(lang: Lang, initialValues: Record<string, unknown> = {}) {
  const applied = jest.fn();
  render(
    <I18nProvider initial={lang}>
      <SessionProvider>
        <AntApp>
          <OpenClassForm onApplied={applied} initialValues={initialValues} />
        </AntApp>
      </SessionProvider>
    </I18nProvider>,
  );
  return applied;
}

function errorsAt(label: string): string {
  const control = screen.getByLabelText(label);
  const item = control.closest('.ant-form-item') as HTMLElement;
  return [...item.querySelectorAll('.ant-form-item-explain-error')]
    .map((node) => node.textContent)
    .join(' | ');
}

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

describe('class application form', () => {
  it('names every missing field before sending anything', async () => {
    renderForm('zh');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(errorsAt('职业（工种）编码')).toBe('请填写职业（工种）编码'));
    expect(errorsAt('开班日期')).toBe('请填写开班日期');
    expect(errorsAt('学员编号（每行一个）')).toBe('请填写学员编号（每行一个）');
    expect(errorsAt('场地纬度')).toBe('请填写场地纬度');
    expect(errorsAt('每课时分钟数')).toBe(''); // given by default
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows every failed opening rule next to its field at once, in Chinese, and the institution’s above the form', async () => {
    fetchMock.mockImplementation(() => answer(400, RULES_FAILED));
    const applied = renderForm('zh', filled);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(errorsAt('开班日期')).toMatch(/^开班申请须提前 3 个工作日/));
    expect(errorsAt('实操课时')).toBe('技能实训 40/80 课时（50%）低于 65%');
    expect(errorsAt('每课时分钟数')).toBe('每课时 39 分钟，少于 40 分钟');
    expect(errorsAt('计划人数')).toBe('每班人数 52 超过上限 50');
    expect(errorsAt('授课教师编号（每行一个）')).toBe(`教师 ${TEACHER} 未在本机构报备`);
    expect(errorsAt('学员编号（每行一个）')).toBe(`${UNKNOWN_WORKER}：学员未建档立卡`);
    // the fields with nothing wrong stay clean
    expect(errorsAt('职业（工种）编码')).toBe('');
    expect(errorsAt('结业日期')).toBe('');
    const summary = screen.getByTestId('class-rules-failed');
    expect(summary.textContent).toContain('以下 7 项不符合开班规定');
    expect(summary.textContent).toContain('培训机构暂停开班（整改中）');
    expect(applied).not.toHaveBeenCalled();

    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/classes');
    const sent = JSON.parse(init.body as string);
    expect(sent).toMatchObject({
      occupationCode: '6-18-02-04',
      level: 5,
      teacherIds: [TEACHER],
      workerIds: [...WORKERS, UNKNOWN_WORKER],
      plannedHeadcount: 52,
      keyGroup: false,
      site: { name: '实训基地', lat: 35.02, lng: 111, radiusMetres: 200 },
    });
    expect(sent.classId).toMatch(/^[0-9a-f-]{36}$/);
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows the rules in English when English is chosen', async () => {
    fetchMock.mockImplementation(() => answer(400, RULES_FAILED));
    renderForm('en', filled);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Submit/ })));
    await waitFor(() =>
      expect(errorsAt('Planned headcount')).toBe('52 trainees exceed the class size limit of 50'),
    );
    expect(errorsAt('Minutes per class hour')).toBe('a class hour of 39 minutes is shorter than 40');
    expect(errorsAt('Trainee IDs (one a line)')).toBe(`${UNKNOWN_WORKER}: the trainee is not registered`);
    expect(screen.getByTestId('class-rules-failed').textContent).toContain(
      'the institution is suspended (rectification)',
    );
  });

  it('puts a contract violation of a nested field on that field', async () => {
    fetchMock.mockImplementation(() =>
      answer(400, {
        code: 'GATEWAY.INVALID_REQUEST',
        message: '请求无效：1 个字段未通过校验',
        messageEn: 'invalid request: 1 field(s) failed validation',
        violations: [
          { path: 'site.radiusMetres', reason: '不得大于 100000', reasonEn: 'must be at most 100000' },
        ],
      }),
    );
    renderForm('zh', filled);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(errorsAt('签到范围（米）')).toBe('不得大于 100000'));
    expect(screen.queryByTestId('class-rules-failed')).toBeNull();
  });

  it('reports the new class when the API accepts it', async () => {
    fetchMock.mockImplementation(() =>
      answer(201, { id: 'c1a55000-0000-4000-8000-000000000001', version: 1, events: ['ClassApplied.v1'] }),
    );
    const applied = renderForm('zh', { ...filled, plannedHeadcount: 3 });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(applied).toHaveBeenCalledWith('c1a55000-0000-4000-8000-000000000001'));
  });
});
