import { Metrics } from './metrics';

it('counts the requests each message to a service carried, by subject, in buckets from 1', async () => {
  const metrics = new Metrics({ service: 'test', defaultMetrics: false });
  for (const requests of [1, 1, 5, 40])
    metrics.observeRpcMessage('jineng.cmd.class-ops.RecordCheckIn', requests);
  const text = await metrics.registry.metrics();
  const line = (name: string) =>
    text
      .split('\n')
      .find((l) => l.startsWith(name))
      ?.split(' ')
      .pop();
  const labels = '{le="1",service="test",subject="jineng.cmd.class-ops.RecordCheckIn"}';
  expect(line(`rpc_requests_per_message_bucket${labels}`)).toBe('2');
  expect(line(`rpc_requests_per_message_bucket${labels.replace('"1"', '"8"')}`)).toBe('3');
  expect(line(`rpc_requests_per_message_bucket${labels.replace('"1"', '"64"')}`)).toBe('4');
  expect(
    line('rpc_requests_per_message_sum{service="test",subject="jineng.cmd.class-ops.RecordCheckIn"}'),
  ).toBe('47');
  expect(
    line('rpc_requests_per_message_count{service="test",subject="jineng.cmd.class-ops.RecordCheckIn"}'),
  ).toBe('4');
});
