// The objection form (public notice page and trainee): what it checks before sending — a statement is
// required and at most 2 000 characters, a contact at most 200 — and the API's refusals at their field.
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { answer, errorsAt, renderWithProviders } from '../../testing/formHarness';
import { ObjectionForm } from './ObjectionForm';

const PATH = '/api/v1/public/jurisdictions/140800/claims/7c0e1a2b-0000-4000-8000-000000000001/objections';
const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

const send = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /提交异议/ })));
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe('the objection form', () => {
  it('asks for the statement before sending anything (blank is not a statement)', async () => {
    renderWithProviders('zh', <ObjectionForm path={PATH} withContact />);
    type('异议内容', '   ');
    await send();
    await waitFor(() => expect(errorsAt('异议内容')).toBe('请填写异议内容'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('refuses a statement over 2 000 characters and a contact over 200, before sending', async () => {
    renderWithProviders('zh', <ObjectionForm path={PATH} withContact />);
    type('异议内容', '异'.repeat(2001));
    type('联系方式（可不填）', '1'.repeat(201));
    await send();
    await waitFor(() => expect(errorsAt('异议内容')).toBe('最多2000个字符'));
    expect(errorsAt('联系方式（可不填）')).toBe('最多200个字符');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the trimmed statement and contact once, and shows the objection number', async () => {
    fetchMock.mockImplementation(() =>
      answer(201, { id: 'a1b2c3d4-0000-4000-8000-000000000009', version: 5, events: [] }),
    );
    renderWithProviders('zh', <ObjectionForm path={PATH} withContact />);
    type('异议内容', ' 该班实际开课天数不足 ');
    type('联系方式（可不填）', '电话 0359-0000000');
    await send();
    await screen.findByText('异议编号：a1b2c3d4-0000-4000-8000-000000000009');
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(PATH);
    expect(JSON.parse(init.body as string)).toEqual({
      statement: '该班实际开课天数不足',
      contact: '电话 0359-0000000',
    });
  });

  it('has no contact field for a trainee, and shows the API’s refusal at the statement in English', async () => {
    fetchMock.mockImplementation(() =>
      answer(400, {
        code: 'GATEWAY.INVALID_REQUEST',
        message: '请求无效',
        messageEn: 'invalid request',
        violations: [{ path: 'statement', reason: '过长', reasonEn: 'too long' }],
      }),
    );
    renderWithProviders('en', <ObjectionForm path="/api/v1/claims/x/objections" withContact={false} />);
    expect(screen.queryByLabelText('How to reach you (optional)')).toBeNull();
    type('Your objection', 'I attended 8 days only');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Send the objection/ })));
    await waitFor(() => expect(errorsAt('Your objection')).toBe('too long'));
    expect(JSON.parse((fetchMock.mock.calls[0] as [string, RequestInit])[1].body as string)).toEqual({
      statement: 'I attended 8 days only',
    });
  });
});
