// The public institution directory's filter form: what it checks before asking — a 6-digit jurisdiction
// code, an occupation code of the catalogue's shape, a name of at most 50 characters — and the query it
// sends once the filters are good: no token needed, each institution linked to its outcome scorecard.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, errorsAt, renderWithProviders } from '../../testing/formHarness';
import InstitutionDirectoryPage from './InstitutionDirectoryPage';

const fetchMock = jest.fn();
const INSTITUTION = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';
const page = (items: unknown[]) => answer(200, { items, total: items.length, page: 1, pageSize: 20 });
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation(() => page([]));
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const filter = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /^查\s*询$/ })));
const urls = () => fetchMock.mock.calls.map(([url]) => String(url));

describe('the institution directory (no login)', () => {
  it('refuses a bad jurisdiction, occupation code and a name over 50 characters, before asking', async () => {
    renderWithProviders('zh', <InstitutionDirectoryPage />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    type('辖区代码', '1408');
    type('职业（工种）代码', 'welding');
    type('机构名称', '校'.repeat(51));
    await filter();
    await waitFor(() => expect(errorsAt('辖区代码')).toBe('辖区代码为6位数字'));
    expect(errorsAt('职业（工种）代码')).toBe('职业代码格式不正确（如 6-18-02-04）');
    expect(errorsAt('机构名称')).toBe('名称最多50个字符');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('asks with the filters, without a token, and links each institution to its scorecard', async () => {
    renderWithProviders('zh', <InstitutionDirectoryPage />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    fetchMock.mockImplementation(() =>
      page([
        {
          institutionId: INSTITUTION,
          name: '盐湖区焊工技能培训学校',
          creditCode: '91140802MA0TEST001',
          type: 'technical_school',
          jurisdiction: '140802',
          scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
          listedOn: '2026-03-01',
          disqualifiedYears: [],
        },
      ]),
    );
    type('辖区代码', '140802');
    type('职业（工种）代码', '6-18-02-04');
    type('机构名称', '焊工');
    await filter();
    await screen.findByText('盐湖区焊工技能培训学校');
    const asked = new URL(urls()[1]!, 'http://console');
    expect(asked.pathname).toBe('/api/v1/public/institutions');
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      jurisdiction: '140802',
      occupationCode: '6-18-02-04',
      name: '焊工',
      page: '1',
    });
    const init = fetchMock.mock.calls[1]![1] as RequestInit | undefined;
    expect(JSON.stringify(init?.headers ?? {})).not.toMatch(/Authorization/i);
    expect(screen.getByText('技工学校')).toBeTruthy();
    expect(screen.getByText('6-18-02-04（5/4级）')).toBeTruthy();
    expect(screen.getByRole('link', { name: '培训成效' }).getAttribute('href')).toBe(
      `/public/scorecard?institutionId=${INSTITUTION}`,
    );
  });
});
