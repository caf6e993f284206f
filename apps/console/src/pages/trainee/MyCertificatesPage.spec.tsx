// The trainee's certificates on a phone: the status filter sends the status asked (and nothing for
// "all"), each card shows what the certificate says and links to the public verification of its number.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, renderWithProviders } from '../../testing/formHarness';
import MyCertificatesPage from './MyCertificatesPage';

const fetchMock = jest.fn();
const certificate = {
  certificateId: 'c0000000-0000-4000-8000-000000000001',
  certificateNumber: '1408022026ABCDEF',
  occupationCode: '6-18-02-04',
  level: 4,
  kind: 'skill_level',
  issuedOn: '2026-12-01',
  status: 'valid',
  verificationUrl: 'http://127.0.0.1:3000/public/certificates/1408022026ABCDEF',
};
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => answer(200, { items: [certificate], total: 1, page: 1, pageSize: 10 }));
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});
const queryOf = (call: number) =>
  Object.fromEntries(new URL(String(fetchMock.mock.calls[call]![0]), 'http://console').searchParams);

describe('my certificates', () => {
  it('shows each certificate with its public verification link', async () => {
    renderWithProviders('zh', <MyCertificatesPage />);
    await screen.findByText('1408022026ABCDEF');
    expect(String(fetchMock.mock.calls[0]![0])).toMatch(/^\/api\/v1\/my\/certificates\?/);
    expect(queryOf(0)).toEqual({ page: '1', pageSize: '10' });
    expect(screen.getByText('职业技能等级证书')).toBeTruthy();
    expect(screen.getByText('6-18-02-04，4级')).toBeTruthy();
    expect(screen.getByText('有效')).toBeTruthy();
    expect(screen.getByRole('link', { name: '公开核验页' }).getAttribute('href')).toBe(
      '/public/certificates/1408022026ABCDEF',
    );
  });

  it('filters by status: the status chosen goes into the query', async () => {
    renderWithProviders('zh', <MyCertificatesPage />);
    await screen.findByText('1408022026ABCDEF');
    fireEvent.mouseDown(screen.getByLabelText('证书状态'));
    await act(async () => fireEvent.click(await screen.findByTitle('已撤销')));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^查\s*询$/ })));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(queryOf(1)).toEqual({ status: 'revoked', page: '1', pageSize: '10' });
  });
});
