// The triage dialog's form: a confirmation or a dismissal needs a reason (checked before anything is
// sent), a confirmation sends the actions ticked, and a refusal of the audit service (an action the alert
// cannot take) is shown above the form in the chosen language.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, errorsAt, renderWithProviders } from '../../testing/formHarness';
import { TriageForm } from './TriageForm';

const ALERT = '7d3c2b1a-0000-5000-8000-000000000001';
const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

const click = (name: RegExp) => act(async () => fireEvent.click(screen.getByRole('button', { name })));

describe('triage of a fraud alert', () => {
  it('refuses a dismissal without a reason, or with a blank or too short one, before sending', async () => {
    renderWithProviders('zh', <TriageForm alertId={ALERT} action="dismiss" onDone={jest.fn()} />);
    await click(/排\s*除/);
    await waitFor(() => expect(errorsAt('理由')).toBe('请填写理由'));
    fireEvent.change(screen.getByLabelText('理由'), { target: { value: '   ' } });
    await click(/排\s*除/);
    await waitFor(() => expect(errorsAt('理由')).toBe('请填写理由'));
    fireEvent.change(screen.getByLabelText('理由'), { target: { value: '误报' } });
    await click(/排\s*除/);
    await waitFor(() => expect(errorsAt('理由')).toBe('理由至少 4 个字'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('confirms with the actions ticked and the reason, then is done', async () => {
    fetchMock.mockImplementation(() => answer(200, { alertId: ALERT, status: 'confirmed', version: 3 }));
    const done = jest.fn();
    renderWithProviders('zh', <TriageForm alertId={ALERT} action="confirm" onDone={done} />);
    fireEvent.click(screen.getByLabelText('暂停机构资格'));
    fireEvent.change(screen.getByLabelText('理由'), { target: { value: '监控显示代签到' } });
    await click(/确认欺诈/);
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/v1/audit/fraud-alerts/${ALERT}/confirmation`);
    expect(JSON.parse(String(init.body))).toEqual({ reason: '监控显示代签到', actions: ['suspension'] });
  });

  it('shows the service’s refusal above the form, in English when English is chosen', async () => {
    fetchMock.mockImplementation(() =>
      answer(400, {
        code: 'FRAUD_ALERT.ACTION_NOT_APPLICABLE',
        message: '该预警未涉及任何申领，不能追回',
        messageEn: 'the alert names no claim to claw back',
      }),
    );
    const done = jest.fn();
    renderWithProviders('en', <TriageForm alertId={ALERT} action="confirm" onDone={done} />);
    fireEvent.click(screen.getByLabelText('Claw back the subsidy'));
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'proxy check-ins' } });
    await click(/Confirm fraud/);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('the alert names no claim to claw back'),
    );
    expect(done).not.toHaveBeenCalled();
  });

  it('starts an investigation with no note required', async () => {
    fetchMock.mockImplementation(() => answer(200, { alertId: ALERT, status: 'investigating', version: 2 }));
    const done = jest.fn();
    renderWithProviders('zh', <TriageForm alertId={ALERT} action="investigate" onDone={done} />);
    await click(/开始调查/);
    await waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body))).toEqual({});
  });
});
