// Helpers for push-delivery tests across processes: gateway processes (`npm start -- --gateway`)
// that read the bus file of their DATA_DIR, events published straight onto that bus, and a
// declaration made through a gateway.
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { InProcessBus } from '../../core/bus';
import { devClientSigningKey } from '../../gateway/keys';
import { issueClientToken } from '../../gateway/tokens';
import { startProcess, type StartedProcess } from './start-process';
import { postGraphQL } from './system';

export interface GatewayProcess {
  process: StartedProcess;
  url: string;
}

/** A gateway process delivering to loopback receivers, with a short attempt timeout (claims expire after 3×). */
export async function startDeliveringGateway(dir: string, env: Record<string, string> = {}): Promise<GatewayProcess> {
  const started = startProcess({
    args: ['--gateway'],
    env: { DATA_DIR: dir, ALLOW_DEV_KEYS: 'true', PORT: '0', NOTIFICATIONS_PORT: '0', DELIVERY_ALLOW_LOOPBACK: 'true', DELIVERY_POLL_MS: '50', DELIVERY_TIMEOUT_MS: '1000', ...env },
  });
  const up = await started.waitForLog('gateway is up');
  return { process: started, url: up.url as string };
}

/** Events addressed to jobcentre 101, one citizen each, published to the bus the gateways read. */
export async function publishEvents(dir: string, count: number): Promise<void> {
  const bus = new InProcessBus(path.join(dir, 'bus.sqlite'));
  try {
    for (let i = 0; i < count; i++) {
      await bus.publish({ id: randomUUID(), stream: 'absence', streamPosition: 0, kind: `EVENT_${i}`, personId: randomUUID(), entityType: null, entityId: null, authorities: { jobcentres: ['101'] }, occurredAt: new Date().toISOString(), payload: {}, schemaVersion: 1 });
    }
  } finally {
    await bus.close();
  }
}

export async function declareAt(gateway: GatewayProcess, dir: string, endpoint: string, secret: string): Promise<void> {
  const token = await issueClientToken(await devClientSigningKey(dir), { role: 'caseworker', authority: '101' });
  const answer = await postGraphQL(gateway.url, 'mutation($i: [DeliverySubscriptionInput!]!) { declareDeliverySubscriptions(input: $i) { id } }', { i: [{ endpoint, secret, query: 'subscription { notifications { position kind } }' }] }, { authorization: `Bearer ${token}` });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}
