// The ledger's self-check on the balances page: its result with the trial balance as ¥ and two decimals,
// and the problems it found as a plain named list a page at a time — without Ant Design's deprecated List
// (which warns in the browser console).
import { act, fireEvent, screen, within } from '@testing-library/react';
import { answer, renderWithProviders } from '../../testing/formHarness';
import BalancesPage from './BalancesPage';

const fetchMock = jest.fn();
const problems = Array.from(
  { length: 12 },
  (_, i) => `problem ${i + 1}: transaction t-${i + 1} does not balance`,
);
let warned: jest.SpyInstance;
let errored: jest.SpyInstance;
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() =>
    answer(200, { ok: false, transactions: 40, postings: 96, trialBalanceFen: 12_345, problems }),
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
  warned = jest.spyOn(console, 'warn');
  errored = jest.spyOn(console, 'error');
});
afterEach(() => {
  warned.mockRestore();
  errored.mockRestore();
});

describe('the ledger self-check', () => {
  it('lists the problems found a page at a time, without a deprecation warning', async () => {
    renderWithProviders('zh', <BalancesPage />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始自检' })));
    const result = await screen.findByTestId('ledger-verification');
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/fund-ledger/verification');
    expect(result.textContent).toContain('发现问题');
    expect(result.textContent).toContain('¥123.45');

    const list = screen.getByRole('list', { name: '问题清单' });
    const items = () =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(items()).toEqual(problems.slice(0, 10));
    expect(screen.getByText('共 12 条')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTitle('2')));
    expect(items()).toEqual(problems.slice(10));

    const said = [...warned.mock.calls, ...errored.mock.calls].map((call) => call.map(String).join(' '));
    expect(said.filter((line) => /deprecated/i.test(line))).toEqual([]);
  });

  it('shows no problem list when the ledger is sound', async () => {
    fetchMock.mockImplementation(() =>
      answer(200, { ok: true, transactions: 40, postings: 96, trialBalanceFen: 0, problems: [] }),
    );
    renderWithProviders('zh', <BalancesPage />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '开始自检' })));
    expect((await screen.findByTestId('ledger-verification')).textContent).toContain('试算平衡');
    expect(screen.queryByRole('list', { name: '问题清单' })).toBeNull();
  });
});
