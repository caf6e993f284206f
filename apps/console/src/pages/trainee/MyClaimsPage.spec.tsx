// The trainee's claims on a phone: the amount in their name as ¥ with two decimals, a claim they have
// confirmed says so (no button to confirm it again), the status filter goes into the query, and the
// list exports to .xlsx with the same filter.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, renderWithProviders } from '../../testing/formHarness';
import MyClaimsPage from './MyClaimsPage';

const fetchMock = jest.fn();
const claim = (claimId: string, status: string, confirmedByMe: boolean) => ({
  claimId,
  kind: 'training_per_day',
  tranche: 'certificate',
  classId: 'c1a55000-0000-4000-8000-000000000001',
  claimantId: 'i0000000-0000-4000-8000-000000000001',
  claimantKind: 'institution',
  jurisdictionCode: '140802',
  status,
  requestedFen: 360_000,
  computedFen: 360_000,
  submittedOn: '2019-08-23',
  overdue: false,
  ownAmountFen: 120_000,
  confirmedByMe,
});
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() =>
    answer(200, {
      items: [
        claim('a0000000-0000-4000-8000-000000000001', 'on_notice', true),
        claim('a0000000-0000-4000-8000-000000000002', 'first_reviewed', false),
      ],
      total: 2,
      page: 1,
      pageSize: 10,
    }),
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});
const queryOf = (call: number) =>
  Object.fromEntries(new URL(String(fetchMock.mock.calls[call]![0]), 'http://console').searchParams);

describe('my claims', () => {
  it('shows the amount in my name and which claim I confirmed', async () => {
    renderWithProviders('zh', <MyClaimsPage />);
    const cards = await screen.findAllByTestId('my-claim');
    expect(cards).toHaveLength(2);
    expect(String(fetchMock.mock.calls[0]![0])).toMatch(/^\/api\/v1\/my\/claims\?/);
    expect(cards[0]!.textContent).toContain('¥1,200.00');
    expect(cards[0]!.textContent).toContain('已确认');
    expect(cards[0]!.textContent).not.toContain('确认属实');
    expect(cards[1]!.textContent).toContain('确认属实');
    expect(screen.getByRole('list', { name: '涉及我的申领' })).toBeTruthy();
  });

  it('filters by status: the status chosen goes into the query', async () => {
    renderWithProviders('zh', <MyClaimsPage />);
    await screen.findAllByTestId('my-claim');
    fireEvent.mouseDown(screen.getByLabelText('申领状态'));
    await act(async () => fireEvent.click(await screen.findByTitle('公示中')));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^查\s*询$/ })));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(queryOf(1)).toEqual({ status: 'on_notice', page: '1', pageSize: '10' });
  });
});
