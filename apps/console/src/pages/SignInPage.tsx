// Sign-in through the development issuer: one demo user per role (GET /api/v1/dev/users). Where the
// platform has no development issuer (production, OIDC), the page says so.
import { Alert, Button, Card, Form, Layout, Select, Space, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useSession, type DemoUser } from '../auth/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../shell/router';

let demoUsersRequest: Promise<DemoUser[] | 'none'> | undefined;

/**
 * The development issuer's users, asked for once, as soon as this module loads: the request runs while
 * the rest of the bundle is evaluated and the page first renders, instead of after it.
 */
function demoUsers(): Promise<DemoUser[] | 'none'> {
  demoUsersRequest ??= fetch('/api/v1/dev/users').then(
    async (response) => (response.ok ? ((await response.json()) as DemoUser[]) : 'none'),
    () => 'none' as const,
  );
  return demoUsersRequest;
}
if (
  typeof fetch === 'function' &&
  typeof window !== 'undefined' &&
  !window.location.pathname.startsWith('/public')
)
  void demoUsers();

export function SignInPage({ languageToggle }: { languageToggle: ReactNode }) {
  const { t, lang } = useI18n();
  const { signInAsDemoUser } = useSession();
  const { navigate } = useRouter();
  const [users, setUsers] = useState<DemoUser[] | 'none'>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // the first page is usable once its users are listed: a mark the browser test reads (performance API)
  useEffect(() => {
    if (users !== undefined && performance.getEntriesByName('jineng:interactive').length === 0)
      performance.mark('jineng:interactive');
  }, [users]);

  useEffect(() => {
    let current = true;
    void demoUsers().then((listed) => current && setUsers(listed));
    return () => {
      current = false;
    };
  }, []);

  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <main>
        <Card style={{ width: 440 }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Title level={2} style={{ margin: 0 }}>
                {t('app.title')}
              </Typography.Title>
              {languageToggle}
            </Space>
            <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
            {users === 'none' && <Alert type="info" title={t('signIn.noDevIssuer')} />}
            <ErrorAlert error={error} />
            {/* the form is drawn while its users are on their way (its styles made once, not after them) */}
            {users !== 'none' && (
              <Form
                layout="vertical"
                onFinish={async ({ user }: { user: string }) => {
                  const chosen = (users ?? []).find((candidate) => candidate.user === user);
                  if (!chosen) return;
                  setBusy(true);
                  setError(undefined);
                  try {
                    await signInAsDemoUser(chosen);
                  } catch (caught) {
                    setError(caught);
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                <Typography.Paragraph>{t('signIn.devIssuer')}</Typography.Paragraph>
                <Form.Item
                  name="user"
                  label={t('signIn.user')}
                  rules={[{ required: true, message: t('common.required', { field: t('signIn.user') }) }]}
                >
                  <Select
                    loading={users === undefined}
                    options={(users ?? []).map((candidate) => ({
                      value: candidate.user,
                      label: `${t(`role.${candidate.user}`)} · ${lang === 'zh' ? candidate.displayName : candidate.displayNameEn}`,
                    }))}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} block>
                  {t('signIn.submit')}
                </Button>
              </Form>
            )}
            {/* console-money: the public pages need no sign-in */}
            <Button type="link" onClick={() => navigate('/public/notices')}>
              {t('signIn.publicPages')}
            </Button>
          </Space>
        </Card>
      </main>
    </Layout>
  );
}
