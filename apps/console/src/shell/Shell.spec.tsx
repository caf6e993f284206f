// The shell's routing of the sign-in callback: a signed-in user who reloads /auth/callback (its code
// already spent) lands on the home page with the callback replaced in the history, not on the 404 page;
// a path no screen has still shows 404.
import { render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { SessionProvider } from '../auth/session';
import { I18nProvider } from '../i18n/i18n';
import { answer } from '../testing/formHarness';
import { RouterProvider } from './router';
import { Shell } from './Shell';

const fetchMock = jest.fn();
beforeEach(() => {
  fetchMock.mockReset();
  fetchMock.mockImplementation((url: string) =>
    url === '/api/v1/me'
      ? answer(200, { userId: 'u-finance-1', roles: ['finance_officer'], jurisdiction: '140802' })
      : answer(404, { message: 'not here' }),
  );
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
  sessionStorage.setItem('jineng.console.token', 'a-token');
});

function renderAt(path: string) {
  window.history.replaceState(null, '', path);
  const before = window.history.length;
  render(
    <I18nProvider initial="zh">
      <RouterProvider>
        <SessionProvider>
          <AntApp>
            <Shell />
          </AntApp>
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>,
  );
  return before;
}

describe('the shell', () => {
  it('sends a signed-in user at the spent sign-in callback to the home page, replacing the callback', async () => {
    const before = renderAt('/auth/callback?code=spent&state=old');
    expect(await screen.findByText('欢迎，u-finance-1')).toBeTruthy();
    await waitFor(() => expect(window.location.pathname).toBe('/'));
    expect(window.history.length).toBe(before);
    expect(screen.queryByText('404')).toBeNull();
    // nothing exchanged: the only call is who is signed in
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/v1/me']);
  });

  it('still shows 404 for a path no screen has', async () => {
    renderAt('/no/such/screen');
    expect(await screen.findByText('404')).toBeTruthy();
    expect(window.location.pathname).toBe('/no/such/screen');
  });
});
