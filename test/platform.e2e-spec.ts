// The harness every cross-service end-to-end test uses: apps as processes, a dev token, a call.
import { devToken, startPlatform, type RunningPlatform } from '@jineng/testing';

let platform: RunningPlatform;

beforeAll(async () => {
  platform = await startPlatform([{ name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled' } }]);
});

afterAll(async () => {
  await platform?.stop();
});

it('starts the gateway as a process, issues a demo token and answers with its principal', async () => {
  const token = await devToken(platform.urls.gateway, 'city_approver');
  const response = await fetch(`${platform.urls.gateway}/api/v1/me`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ roles: ['city_approver'], jurisdiction: '140800' });
  // the request was logged as JSON with its correlation id and route template, never the token
  const logged = platform.logs.gateway;
  expect(JSON.stringify(logged)).not.toContain(token);
});

it('does not start a service without the keys to verify envelopes with', async () => {
  const started = startPlatform([{ name: 'subsidy', env: { JINENG_ENVELOPE_VERIFY_KEYS_FILE: '' } }]);
  await expect(started).rejects.toThrow(
    /subsidy exited with 1 before it was ready[\s\S]*JINENG_ENVELOPE_VERIFY_KEYS_FILE is required/,
  );
});
