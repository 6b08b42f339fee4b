// Readiness (`/ready`): whether this process can answer now, as a load balancer or an orchestrator
// asks before sending it traffic. Liveness (`/health`) only says the process runs; readiness checks
// what it needs: its database and the bus for a subgraph, every subgraph and the bus for a gateway.

/** One dependency: its name in the answer, and a check that throws when it is unreachable. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<unknown>;
}

export interface Readiness {
  ready: boolean;
  /** Each dependency: `ok`, or `unavailable` (the reason goes to the log, not to the caller). */
  checks: Record<string, 'ok' | 'unavailable'>;
}

/** A check that has not answered by then counts as unavailable: a hung database is not a ready one. */
export const READINESS_TIMEOUT_MS = 2_000;

export async function readiness(checks: readonly ReadinessCheck[], onFailure: (name: string, error: unknown) => void, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([check(), timeout]);
        return [name, 'ok'] as const;
      } catch (error) {
        onFailure(name, error);
        return [name, 'unavailable'] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, state]) => state === 'ok'), checks: Object.fromEntries(results) };
}
