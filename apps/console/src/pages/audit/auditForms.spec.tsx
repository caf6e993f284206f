// The auditor's forms check what the audit API would refuse before anything is sent — a whole UUID, a
// moment to replay, a triage with its actions and a reason of at least 5 characters — and send exactly
// the route and body the gateway's audit routes take; a recomputation shows a difference only when there
// is one, to the fen.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, errorsAt, renderWithProviders } from '../../testing/formHarness';
import { AsOfForm } from './AsOfPage';
import { ExplainForm, explanationRequest } from './ExplainPage';
import { RecomputationView, type Recomputation } from './RecomputationPage';
import { TriageForm } from './TriageForm';

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const press = (name: RegExp) => act(async () => fireEvent.click(screen.getByRole('button', { name })));
const CLAIM = '0b6e1f2a-0001-4a00-8000-00000000c1a1';
const WORKER = '0b6e1f2a-0001-4a00-8000-000000000001';
const ALERT = '7d1e2f3a-0001-4a00-8000-0000000a1e47';

describe('explain this yuan', () => {
  it('asks for the claim id, refuses a partial id and a partial worker id, and sends nothing', async () => {
    const explain = jest.fn();
    renderWithProviders('zh', <ExplainForm onExplain={explain} />);
    await press(/溯\s*源/);
    await waitFor(() => expect(errorsAt('申领编号')).toBe('请填写申领编号'));
    type('申领编号', CLAIM.slice(0, 30));
    type('学员编号（可不填，只看该学员的明细）', 'w-1');
    await press(/溯\s*源/);
    await waitFor(() => expect(errorsAt('申领编号')).toBe('请输入完整的编号（36位，含连字符）'));
    expect(errorsAt('学员编号（可不填，只看该学员的明细）')).toBe('请输入完整的编号（36位，含连字符）');
    expect(explain).not.toHaveBeenCalled();
    type('申领编号', ` ${CLAIM} `);
    type('学员编号（可不填，只看该学员的明细）', WORKER);
    await press(/溯\s*源/);
    await waitFor(() => expect(explain).toHaveBeenCalledWith({ what: 'claim', id: CLAIM, workerId: WORKER }));
  });

  it('explains a payment by its id, without the worker field, in English too', async () => {
    const explain = jest.fn();
    renderWithProviders('en', <ExplainForm onExplain={explain} />);
    await act(async () => fireEvent.click(screen.getByText('A payment')));
    expect(screen.queryByLabelText(/Trainee ID/)).toBeNull();
    await press(/Explain/);
    await waitFor(() => expect(errorsAt('Payment ID')).toBe('Please enter Payment ID'));
    type('Payment ID', 'not-an-id');
    await press(/Explain/);
    await waitFor(() => expect(errorsAt('Payment ID')).toBe('Enter the whole ID (a UUID)'));
    type('Payment ID', CLAIM);
    await press(/Explain/);
    await waitFor(() =>
      expect(explain).toHaveBeenCalledWith(expect.objectContaining({ what: 'payment', id: CLAIM })),
    );
  });

  it('asks the payment route for a payment and the claim route (with the trainee) for a claim', () => {
    expect(explanationRequest({ what: 'payment', id: CLAIM })).toEqual({
      path: `/api/v1/audit/payments/${CLAIM}/explanation`,
      query: {},
    });
    expect(explanationRequest({ what: 'claim', id: CLAIM, workerId: WORKER })).toEqual({
      path: `/api/v1/audit/claims/${CLAIM}/explanation`,
      query: { workerId: WORKER },
    });
    // a worker id left from the claim form is not sent with a payment
    expect(explanationRequest({ what: 'payment', id: CLAIM, workerId: WORKER }).query).toEqual({});
  });
});

describe('as-of replay', () => {
  it('needs the claim id and the moment, and sends the moment in Beijing time', async () => {
    const replay = jest.fn();
    renderWithProviders('zh', <AsOfForm onReplay={replay} />);
    await press(/回\s*放/);
    await waitFor(() => expect(errorsAt('申领编号')).toBe('请填写申领编号'));
    expect(errorsAt('回放时刻（北京时间）')).toBe('请填写回放时刻（北京时间）');
    type('申领编号', 'abc');
    await press(/回\s*放/);
    await waitFor(() => expect(errorsAt('申领编号')).toBe('请输入完整的编号（36位，含连字符）'));
    expect(replay).not.toHaveBeenCalled();
    type('申领编号', CLAIM);
    type('回放时刻（北京时间）', '2019-08-30T12:00');
    await press(/回\s*放/);
    await waitFor(() => expect(replay).toHaveBeenCalledWith(CLAIM, '2019-08-30T12:00:00+08:00'));
  });
});

describe('an alert’s triage', () => {
  it('refuses a confirmation without an action or with a reason under 5 characters, and sends nothing', async () => {
    renderWithProviders('zh', <TriageForm alertId={ALERT} status="investigating" onChanged={jest.fn()} />);
    // an alert under investigation is confirmed or dismissed, never investigated again
    expect(screen.queryByText('开始核查')).toBeNull();
    await press(/确认预警/);
    await screen.findByText('请至少选择一项处置要求');
    expect(errorsAt('理由')).toBe('请填写理由');
    type('理由', '查实');
    await press(/确认预警/);
    await waitFor(() => expect(errorsAt('理由')).toBe('理由至少5个字'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('confirms with the suspension and the reason, on the confirmation route', async () => {
    fetchMock.mockImplementation(() => answer(200, { alertId: ALERT, status: 'confirmed', version: 3 }));
    const changed = jest.fn();
    renderWithProviders('zh', <TriageForm alertId={ALERT} status="investigating" onChanged={changed} />);
    await act(async () => fireEvent.click(screen.getByLabelText('暂停机构')));
    type('理由', '经核查该设备代签到属实');
    await press(/确认预警/);
    await waitFor(() =>
      expect(changed).toHaveBeenCalledWith({ alertId: ALERT, status: 'confirmed', version: 3 }),
    );
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/v1/audit/fraud-alerts/${ALERT}/confirmation`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      actions: ['suspension'],
      reason: '经核查该设备代签到属实',
    });
  });

  it('dismisses an open alert only with a reason, and puts the service’s refusal next to the field', async () => {
    fetchMock.mockImplementation(() =>
      answer(400, {
        code: 'VALIDATION.FAILED',
        message: '请求参数不合法',
        messageEn: 'invalid request',
        violations: [{ path: 'reason', reason: '理由过短', reasonEn: 'too short' }],
      }),
    );
    renderWithProviders('zh', <TriageForm alertId={ALERT} status="open" onChanged={jest.fn()} />);
    await act(async () => fireEvent.click(screen.getByText('排除预警')));
    await press(/排除预警/);
    await waitFor(() => expect(errorsAt('理由')).toBe('请填写理由'));
    expect(fetchMock).not.toHaveBeenCalled();
    type('理由', '同一时间集体签到为入班仪式');
    await press(/排除预警/);
    await waitFor(() => expect(errorsAt('理由')).toBe('理由过短'));
    const [url] = fetchMock.mock.calls[0] as [string];
    expect(url).toBe(`/api/v1/audit/fraud-alerts/${ALERT}/dismissal`);
  });

  it('offers nothing for an alert already decided', () => {
    const { container } = renderWithProviders(
      'zh',
      <TriageForm alertId={ALERT} status="dismissed" onChanged={jest.fn()} />,
    );
    expect(container.querySelector('form')).toBeNull();
  });
});

describe('a recomputation', () => {
  const base: Recomputation = {
    claimId: CLAIM,
    kind: 'training_per_day',
    tranche: 'certificate',
    recordedFen: 408_000,
    recomputedFen: 408_000,
    approvedFen: 408_000,
    paidFen: 408_000,
    differenceFen: 0,
    equal: true,
    policyVersionIdsRecorded: [],
    policyVersionIdsUsed: [],
    lineDifferences: [],
    inputEventIds: [],
  };

  it('says equal when nothing differs', () => {
    renderWithProviders('zh', <RecomputationView result={base} />);
    expect(screen.getByTestId('recomputation-difference').textContent).toContain('一致，差额为零');
    expect(screen.getByTestId('recomputation').textContent).toContain('¥4,080.00');
  });

  it('shows a difference of one fen, signed, highlighted, with the line it comes from', () => {
    renderWithProviders(
      'zh',
      <RecomputationView
        result={{
          ...base,
          recomputedFen: 407_999,
          differenceFen: -1,
          equal: false,
          lineDifferences: [
            {
              workerId: WORKER,
              rule: 'subsidies.perDayTraining',
              recordedFen: 136_000,
              recomputedFen: 135_999,
            },
          ],
        }}
      />,
    );
    const alert = screen.getByTestId('recomputation-difference');
    expect(alert.textContent).toContain('不一致，差额 -¥0.01');
    expect(alert.className).toContain('ant-alert-error');
    expect(screen.getByRole('table', { name: '逐人逐项差异' }).textContent).toContain('¥1,359.99');
  });
});
