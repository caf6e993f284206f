import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { SessionProvider } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Shell } from './shell/Shell';
import { RouterProvider } from './shell/router';

// Ant Design's default blue, red, secondary grey and placeholder grey are below WCAG AA's 4.5:1 on white (axe: colour
// contrast); these keep the look with enough contrast for text. Its hover and pressed blues are lighter
// than the primary (white on them about 3.5:1): here they are darker, so a button under the mouse, or
// fading back from it, stays readable.
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.65)',
    // a select's or input's placeholder (default 0.25 black: about 1.6:1) at 5.7:1
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};

function Localized({ nonce }: { nonce?: string }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} csp={nonce ? { nonce } : undefined} theme={THEME}>
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

export function App({ nonce }: { nonce?: string }) {
  return (
    <I18nProvider>
      <RouterProvider>
        <SessionProvider>
          <Localized nonce={nonce} />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  );
}
