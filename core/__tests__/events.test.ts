// A contract's type guard: the kind decides, and the payload is then that kind's type.
import { eventGuard, type DomainEvent } from '../events';

interface Contract {
  OPENED: { id: string; start: string };
  CLOSED: { id: string; end: string };
}
const isContractEvent = eventGuard<{ [K in keyof Contract]: Contract[K] }>();

const event = (kind: string, payload: Record<string, unknown>): DomainEvent => ({
  id: 'e1', stream: 's', streamPosition: 1, kind, personId: null, entityType: null, entityId: null, authorities: {}, occurredAt: '2026-11-30T09:00:00Z', payload, schemaVersion: 1,
});

it('tells an event by its kind and types its payload', () => {
  const opened = event('OPENED', { id: 'a', start: '2026-12-01' });
  expect(isContractEvent(opened, 'OPENED')).toBe(true);
  expect(isContractEvent(opened, 'CLOSED')).toBe(false);
  if (isContractEvent(opened, 'OPENED')) {
    const start: string = opened.payload.start;
    expect(start).toBe('2026-12-01');
  }
  // @ts-expect-error a kind the contract does not have
  expect(isContractEvent(opened, 'OPNED')).toBe(false);
});
