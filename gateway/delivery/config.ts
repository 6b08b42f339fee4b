// Operator settings of push delivery, from the environment (README "Configuration",
// docs/operations.md "Push delivery"). Read when used, so a test can set them before it starts.
import { flag, optional } from '../../core/config';

export interface DeliveryConfig {
  /** http:// and loopback endpoints (127.0.0.0/8, ::1), for development and tests only. @default false */
  allowLoopback: boolean;
  /** Endpoints in private, link-local or metadata ranges (a receiver inside the closed network). @default false */
  allowPrivateNetworks: boolean;
  /** One attempt's limit, connect to last byte. @default 10_000 */
  timeoutMs: number;
  /** A receiver's answer is read up to this many bytes; more fails the attempt. @default 65_536 */
  maxResponseBytes: number;
  /** Attempts in flight at once in one gateway process. @default 64 */
  concurrency: number;
  /** Attempts in flight at once to one endpoint, so a slow receiver holds few of the pool's slots. @default 4 */
  concurrencyPerEndpoint: number;
  /** A delivery failing this long since its first failure is parked. @default 72 hours */
  parkAfterMs: number;
  /** How often a gateway process looks for due deliveries. @default 200 */
  pollMs: number;
  /** Delivered rows are kept as long as the event log keeps events (EVENT_RETENTION_DAYS). @default 30 days */
  keepDeliveredMs: number;
}

function numberFrom(name: string, fallback: number): number {
  const value = Number(optional(name) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function deliveryConfig(): DeliveryConfig {
  return {
    allowLoopback: flag('DELIVERY_ALLOW_LOOPBACK'),
    allowPrivateNetworks: flag('DELIVERY_ALLOW_PRIVATE_NETWORKS'),
    timeoutMs: numberFrom('DELIVERY_TIMEOUT_MS', 10_000),
    maxResponseBytes: numberFrom('DELIVERY_MAX_RESPONSE_BYTES', 65_536),
    concurrency: numberFrom('DELIVERY_CONCURRENCY', 64),
    concurrencyPerEndpoint: numberFrom('DELIVERY_CONCURRENCY_PER_ENDPOINT', 4),
    parkAfterMs: numberFrom('DELIVERY_PARK_AFTER_HOURS', 72) * 3_600_000,
    pollMs: numberFrom('DELIVERY_POLL_MS', 200),
    keepDeliveredMs: numberFrom('EVENT_RETENTION_DAYS', 30) * 86_400_000,
  };
}
