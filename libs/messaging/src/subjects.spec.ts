import { deadLetterSubject, eventFilter, eventSubject, rpcSubject } from './subjects';

describe('subjects', () => {
  it('names event subjects after the service, the event name and its version', () => {
    expect(eventSubject('class-ops', 'ClassOpened.v1')).toBe('jineng.evt.class-ops.ClassOpened.v1');
    expect(eventSubject('registry', 'WorkerRegistered.v12')).toBe('jineng.evt.registry.WorkerRegistered.v12');
  });

  it('refuses event types without a version, and service names that are not one subject token', () => {
    expect(() => eventSubject('registry', 'WorkerRegistered')).toThrow("is not '<EventName>.v<N>'");
    expect(() => eventSubject('registry', 'WorkerRegistered.v0')).toThrow();
    expect(() => eventSubject('reg.istry', 'WorkerRegistered.v1')).toThrow(
      "invalid service name 'reg.istry'",
    );
    expect(() => eventSubject('Registry', 'WorkerRegistered.v1')).toThrow();
    expect(() => eventSubject('registry', 'worker.registered.v1')).toThrow();
  });

  it('names commands and queries', () => {
    expect(rpcSubject({ kind: 'command', service: 'registry', name: 'RegisterWorker' })).toBe(
      'jineng.cmd.registry.RegisterWorker',
    );
    expect(rpcSubject({ kind: 'query', service: 'subsidy', name: 'GetEffectivePolicy' })).toBe(
      'jineng.qry.subsidy.GetEffectivePolicy',
    );
    expect(() => rpcSubject({ kind: 'command', service: 'registry', name: 'register.worker' })).toThrow();
    expect(() => rpcSubject({ kind: 'command', service: 'registry', name: '>' })).toThrow();
  });

  it('filters all events of a service, or one event name in any version', () => {
    expect(eventFilter('registry')).toBe('jineng.evt.registry.>');
    expect(eventFilter('registry', 'WorkerRegistered')).toBe('jineng.evt.registry.WorkerRegistered.*');
    expect(() => eventFilter('registry', '*')).toThrow();
  });

  it('names the dead-letter subject after the consumer', () => {
    expect(deadLetterSubject('subsidy-registry-workers')).toBe('jineng.dlq.subsidy-registry-workers');
    expect(() => deadLetterSubject('a.b')).toThrow();
  });
});
