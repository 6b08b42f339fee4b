// Structured logs (pino). CPR numbers must never reach a log line: redact the fields that may hold one.
import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  redact: { paths: ['cpr', '*.cpr', 'variables.*.cpr', 'variables.cpr', 'input.cpr'], censor: '[redacted]' },
  base: undefined,
});

export type Logger = typeof logger;
