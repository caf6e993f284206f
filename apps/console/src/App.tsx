import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { SessionProvider } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { Shell } from './shell/Shell';
import { RouterProvider } from './shell/router';

function Localized({ nonce }: { nonce?: string }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} csp={nonce ? { nonce } : undefined}>
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
