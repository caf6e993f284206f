// Recording money received: the amount is typed in yuan and sent as integer fen (never a float), the form
// refuses what is not a positive amount of whole fen or not a six-digit jurisdiction before sending, and
// the ledger's outcome is shown with the amount as ¥ and two decimals.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, errorsAt, renderWithProviders } from '../../testing/formHarness';
import { InflowForm } from './MoneyInPage';

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const send = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /提\s*交/ })));

async function chooseSource(name: string) {
  fireEvent.mouseDown(screen.getByLabelText('资金来源'));
  fireEvent.click(await screen.findByTitle(name));
}

describe('the inflow form', () => {
  it('refuses an amount with three decimals, a zero amount and a short jurisdiction before sending', async () => {
    renderWithProviders('zh', <InflowForm jurisdiction="14080" />);
    type('金额（元）', '12.345');
    await send();
    await waitFor(() => expect(errorsAt('金额（元）')).toBe('请输入大于0、最多两位小数的金额'));
    expect(errorsAt('辖区代码')).toBe('辖区代码为6位数字');
    expect(errorsAt('资金来源')).toBe('请填写资金来源');
    expect(errorsAt('拨付文件号')).toBe('请填写拨付文件号');
    type('金额（元）', '0.00');
    await send();
    await waitFor(() => expect(errorsAt('金额（元）')).toBe('请输入大于0、最多两位小数的金额'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the amount as integer fen with a fresh inflow id and shows what was recorded', async () => {
    fetchMock.mockImplementation(() =>
      answer(200, {
        id: 'x',
        outcome: 'recorded',
        amountFen: 2_000_029,
        events: ['FundInflowRecorded.v1'],
        idempotent: false,
      }),
    );
    renderWithProviders('zh', <InflowForm jurisdiction="140800" />);
    await chooseSource('职业技能提升行动专账');
    type('金额（元）', '20,000.29');
    type('拨付文件号', '运人社发〔2026〕21号');
    type('到账日期', '2026-11-02');
    await send();
    await screen.findByText('已登记 ¥20,000.29');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/v1/fund-ledger/inflows');
    const body = JSON.parse(init.body as string) as Record<string, unknown>;
    expect(body).toMatchObject({
      jurisdictionCode: '140800',
      fundSource: 'skills_upgrading_account',
      amountFen: 2_000_029,
      documentReference: '运人社发〔2026〕21号',
      receivedOn: '2026-11-02',
    });
    expect(body.inflowId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('shows a refusal that names no field of the form above it, in the chosen language', async () => {
    fetchMock.mockImplementation(() =>
      answer(403, {
        code: 'AUTH.JURISDICTION',
        message: '无权操作该辖区',
        messageEn: 'not your jurisdiction',
      }),
    );
    renderWithProviders('en', <InflowForm jurisdiction="140900" />);
    fireEvent.mouseDown(screen.getByLabelText('Fund source'));
    fireEvent.click(await screen.findByTitle('Skills upgrading account'));
    type('Amount (yuan)', '1');
    type('Transfer document reference', 'doc 1');
    type('Received on', '2026-11-02');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Submit/ })));
    await screen.findByText('not your jurisdiction');
  });
});
