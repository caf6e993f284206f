// What the console's form tests share: the providers a form needs, a stand-in fetch answering like the
// gateway (jsdom has none), and the messages Ant Design shows under a labelled control.
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { SessionProvider } from '../auth/session';
import { I18nProvider } from '../i18n/i18n';
import type { Lang } from '../i18n/dictionary';

export function answer(status: number, body: unknown) {
  const text = JSON.stringify(body);
  return Promise.resolve({
    ok: status < 400,
    status,
    json: async () => JSON.parse(text),
    text: async () => text,
    headers: new Map<string, string>(),
  });
}

export function renderWithProviders(lang: Lang, ui: ReactNode) {
  return render(
    <I18nProvider initial={lang}>
      <SessionProvider>
        <AntApp>{ui}</AntApp>
      </SessionProvider>
    </I18nProvider>,
  );
}

/** the messages shown in the form item of the control labelled `label` */
export function errorsAt(label: string): string {
  const control = screen.getByLabelText(label);
  const item = control.closest('.ant-form-item') as HTMLElement;
  return [...item.querySelectorAll('.ant-form-item-explain-error')]
    .map((node) => node.textContent)
    .join(' | ');
}
