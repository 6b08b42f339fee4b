// Structured logs (pino). CPR numbers must never reach a log line: redact the fields that may hold one.
import pino from 'pino';
import { optional } from './config';
import { currentRequest } from './request-id';

export const logger = pino({
  level: optional('LOG_LEVEL') ?? (optional('NODE_ENV') === 'test' ? 'silent' : 'info'),
  redact: { paths: ['cpr', '*.cpr', 'variables.*.cpr', 'variables.cpr', 'input.cpr'], censor: '[redacted]' },
  base: undefined,
  // Every line written while serving a request names it, so one quoted id finds them all.
  mixin: () => {
    const requestId = currentRequest()?.requestId;
    return requestId ? { requestId } : {};
  },
});

export type Logger = typeof logger;
