// The public pages without signing in (公示, certificate verification, fund-usage disclosure, the outcome
// scorecard): the same frame for everyone, narrow screens included — links to the other public pages,
// the language toggle and the way to sign in.
import { Button, Layout, Space, Spin, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import type { PublicScreen } from './modules';
import { PUBLIC_PAGES } from './modules';
import { useRouter } from './router';

export function PublicLayout({
  screen,
  params,
  languageToggle,
}: {
  screen: PublicScreen;
  params: Record<string, string>;
  languageToggle: ReactNode;
}) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const Page = screen.page;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header style={{ background: '#fff', paddingInline: 16, height: 'auto', lineHeight: 1.5 }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between', paddingBlock: 8 }}>
          <Typography.Text strong>{t('app.title')}</Typography.Text>
          <Space wrap>
            {languageToggle}
            <Button onClick={() => navigate('/')}>{t('public.signIn')}</Button>
          </Space>
        </Space>
        <nav aria-label={t('nav.public')}>
          <Space wrap size={0}>
            {PUBLIC_PAGES.filter((page) => page.menu !== false).map((page) => (
              <Button
                key={page.path}
                type="link"
                aria-current={page.title === screen.title ? 'page' : undefined}
                onClick={() => navigate(page.path)}
              >
                {t(page.title)}
              </Button>
            ))}
          </Space>
        </nav>
      </Layout.Header>
      <Layout.Content id="main" style={{ margin: 16 }}>
        {/* Layout.Content is the page's one <main> */}
        <div>
          <Typography.Title level={3}>{t(screen.title)}</Typography.Title>
          <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
            <Page params={params} />
          </Suspense>
        </div>
      </Layout.Content>
    </Layout>
  );
}
