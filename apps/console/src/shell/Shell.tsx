// The frame of every screen: the menu of the screens the user's roles may open, grouped; the language
// toggle; who is signed in; the screen itself (loaded when first opened). Not signed in: the sign-in page.
import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { HomePage } from '../pages/HomePage';
import { CALLBACK_PATH } from '../auth/oidc';
import { SignInCallbackPage } from '../pages/SignInCallbackPage';
import { SignInPage } from '../pages/SignInPage';
import { GROUPS, PUBLIC_PAGES, screensFor } from './modules';
import { PublicLayout } from './PublicLayout';
import { matchPath, useRouter } from './router';

export function Shell() {
  const { principal, ready, displayName, signOut } = useSession();
  const { lang, setLang, t } = useI18n();
  const { path, navigate } = useRouter();
  const screens = useMemo(() => (principal ? screensFor(principal.roles) : []), [principal]);
  // signed in already at the callback (the page reloaded, or Back to it): its code is spent, nothing to
  // exchange — to the home page, the callback replaced in the history (the sign-in keeps no other page)
  const atSpentCallback = principal !== undefined && path === CALLBACK_PATH;
  useEffect(() => {
    if (atSpentCallback) navigate('/', { replace: true });
  }, [atSpentCallback, navigate]);

  if (!ready) return <Spin fullscreen aria-label={t('common.loading')} />;
  const languageToggle = (
    <Button
      type="link"
      title={t('app.languageLabel')}
      lang={lang === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
    >
      {t('app.language')}
    </Button>
  );
  if (!principal) {
    // console-money: the public pages need no sign-in
    const open = PUBLIC_PAGES.map((screen) => ({ screen, params: matchPath(screen.path, path) })).find(
      (entry) => entry.params,
    );
    if (open)
      return <PublicLayout screen={open.screen} params={open.params!} languageToggle={languageToggle} />;
    // the OIDC provider's answer: the code exchanged here, then the home page
    if (path === CALLBACK_PATH) return <SignInCallbackPage languageToggle={languageToggle} />;
    return <SignInPage languageToggle={languageToggle} />;
  }

  const current = screens
    .map((screen) => ({ screen, params: matchPath(screen.path, path) }))
    .find((entry) => entry.params);
  const Page = current?.screen.page;
  const menuItems = [
    { key: '/', label: t('nav.home') },
    ...GROUPS.map((group) => ({
      key: group,
      type: 'group' as const,
      label: t(group),
      children: screens
        .filter((screen) => screen.group === group && screen.menu !== false)
        .map((screen) => ({ key: screen.path, label: t(screen.title) })),
    })).filter((group) => group.children.length > 0),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider width={220} theme="light" breakpoint="md" collapsedWidth={0}>
        <nav aria-label={t('app.title')}>
          <Typography.Title level={5} style={{ padding: '16px 16px 0' }}>
            {t('app.title')}
          </Typography.Title>
          <Menu
            mode="inline"
            selectedKeys={[current?.screen.path ?? path]}
            items={menuItems}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', paddingInline: 24 }}>
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Typography.Text data-testid="signed-in-as">
              {displayName ? (lang === 'zh' ? displayName.zh : displayName.en) : principal.userId}
            </Typography.Text>
            {languageToggle}
            <Button onClick={signOut}>{t('app.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="main" style={{ margin: 24 }}>
          <main>
            {path === '/' || atSpentCallback ? (
              <HomePage />
            ) : Page && current ? (
              <>
                <Typography.Title level={3}>{t(current.screen.title)}</Typography.Title>
                <Suspense fallback={<Spin aria-label={t('common.loading')} />}>
                  <Page params={current.params!} />
                </Suspense>
              </>
            ) : (
              <Result status="404" title="404" />
            )}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
