import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AUTH_CONFIG_FILE, platformAuthorizationConfig } from './bus-tool.main';

const root = path.resolve(__dirname, '../../../..');

it('deploy/k8s carries the NATS authorization that nest-cli.json describes (npm run bus:config)', () => {
  expect(readFileSync(path.join(root, AUTH_CONFIG_FILE), 'utf8')).toBe(platformAuthorizationConfig(root));
});
