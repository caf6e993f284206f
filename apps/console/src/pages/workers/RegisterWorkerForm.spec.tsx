// The worker registration form: what it checks itself before sending, and every rule the API refuses
// shown next to its field at once, in the chosen language (the API answered by a stand-in fetch).
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { SessionProvider } from '../../auth/session';
import { I18nProvider } from '../../i18n/i18n';
import type { Lang } from '../../i18n/dictionary';
import { RegisterWorkerForm } from './RegisterWorkerPage';

const filled = {
  idNumber: '140802199501010011',
  name: '王小红',
  gender: 'female',
  birthDate: '1995-01-01',
  phone: '13912345678',
  jurisdiction: '140802',
  hukouJurisdiction: '140821',
  residenceJurisdiction: '140802',
  education: 'junior_secondary',
  category: 'rural_labour',
};

/** what the console reads of a fetch Response (jsdom has none) */
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
  const registered = jest.fn();
  render(
    <I18nProvider initial={lang}>
      <SessionProvider>
        <AntApp>
          <RegisterWorkerForm onRegistered={registered} initialValues={initialValues} />
        </AntApp>
      </SessionProvider>
    </I18nProvider>,
  );
  return registered;
}

/** the messages shown in the form item of the control labelled `label` */
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

describe('worker registration form', () => {
  it('names every missing field before sending anything', async () => {
    renderForm('zh');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(errorsAt('身份证号码')).toBe('请填写身份证号码'));
    expect(errorsAt('姓名')).toBe('请填写姓名');
    expect(errorsAt('手机号码')).toBe('请填写手机号码');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows each field the API refused next to that field, all at once, in Chinese', async () => {
    fetchMock.mockImplementation(() =>
      answer(400, {
        code: 'GATEWAY.INVALID_REQUEST',
        message: '请求无效：2 个字段未通过校验',
        messageEn: 'invalid request: 2 field(s) failed validation',
        violations: [
          { path: 'idNumber', reason: '校验码不符', reasonEn: 'the check character is wrong' },
          { path: 'phone', reason: '格式不符', reasonEn: 'does not match the format' },
        ],
      }),
    );
    const registered = renderForm('zh', filled);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(errorsAt('身份证号码')).toBe('校验码不符'));
    expect(errorsAt('手机号码')).toBe('格式不符');
    expect(errorsAt('姓名')).toBe('');
    expect(registered).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/workers');
    expect(JSON.parse(init.body as string)).toMatchObject({
      ...filled,
      keyGroups: [],
      ableToWork: true,
      hardToMoveIntoWork: false,
    });
    expect((init.headers as Record<string, string>)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a domain rule at the field it names, in English when English is chosen', async () => {
    fetchMock.mockImplementation(() =>
      answer(422, {
        code: 'WORKER.AGE_OUT_OF_RANGE',
        message: 'birthDate：登记日年龄 70 周岁，不在 16–60 周岁范围内',
        messageEn: 'birthDate: aged 70, outside 16–60',
        details: { field: 'birthDate' },
      }),
    );
    renderForm('en', filled);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Submit/ })));
    await waitFor(() => expect(errorsAt('Date of birth')).toBe('birthDate: aged 70, outside 16–60'));
  });

  it('sends the finding 自身难以实现转移就业 when the officer ticks it (unticked by default), labelled in Chinese', async () => {
    fetchMock.mockImplementation(() =>
      answer(201, { id: 'b7c1d9e2-0000-4000-8000-000000000002', version: 1, events: [] }),
    );
    const registered = renderForm('zh', filled);
    const box = screen.getByRole('checkbox', { name: '经认定自身难以实现转移就业' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText(/职业技能提升行动专账资金不得培训此类人员/)).toBeTruthy();
    await act(async () => fireEvent.click(box));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(registered).toHaveBeenCalledWith('b7c1d9e2-0000-4000-8000-000000000002'));
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toMatchObject({ hardToMoveIntoWork: true, ableToWork: true });
  });

  it('labels the finding in English when English is chosen', () => {
    renderForm('en', filled);
    const box = screen.getByRole('checkbox', { name: 'Found hard to move into work by themselves' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/dedicated account may not train such a person/)).toBeTruthy();
  });

  it('reports the new worker when the API registers them', async () => {
    fetchMock.mockImplementation(() =>
      answer(201, { id: 'b7c1d9e2-0000-4000-8000-000000000001', version: 1, events: [] }),
    );
    const registered = renderForm('zh', filled);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));
    await waitFor(() => expect(registered).toHaveBeenCalledWith('b7c1d9e2-0000-4000-8000-000000000001'));
  });
});
