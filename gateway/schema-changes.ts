// The gate in front of the checked-in client schema: a change that breaks a front end built on the
// previous schema (a removed field, a narrowed type) is refused unless marked deliberate, and a
// deliberate one is logged with its reason so the front-end teams can read what broke and why.
import fs from 'node:fs';
import { buildSchema } from 'graphql';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import type { IsoDate } from '../core/dates';

export interface ClientSchemaUpdate {
  /** Where the client schema lives; a missing file counts as no previous schema. */
  schemaPath: string;
  /** The log deliberate breaking changes are appended to (docs/schema-changes.md). */
  logPath: string;
  /** The client schema composition gives now. */
  nextSdl: string;
  /** The reason given with `--deliberate`; without one a breaking change is refused. */
  deliberate?: string;
  /** Copenhagen day of the run, for the log. */
  today: IsoDate;
}

export interface ClientSchemaUpdateResult {
  written: boolean;
  /** Breaking changes against the previous schema, as `path: message`. */
  breaking: string[];
  /** Changes that may alter what an existing client sees (e.g. a new enum value). */
  dangerous: string[];
}

/** Breaking and dangerous changes from one client schema to the next, as `path: message`. */
export async function classifyChanges(previousSdl: string, nextSdl: string): Promise<Pick<ClientSchemaUpdateResult, 'breaking' | 'dangerous'>> {
  const changes = await diff(buildSchema(previousSdl), buildSchema(nextSdl));
  const describe = (level: CriticalityLevel) =>
    changes.filter((c) => c.criticality.level === level).map((c) => `${c.path ?? '(schema)'}: ${c.message}`);
  return { breaking: describe(CriticalityLevel.Breaking), dangerous: describe(CriticalityLevel.Dangerous) };
}

/** The log entry for a deliberate breaking change: date, reason, and each change. */
export function changeLogEntry(breaking: string[], reason: string, today: IsoDate): string {
  return [`## ${today}: ${reason}`, '', ...breaking.map((change) => `- ${change}`), '', ''].join('\n');
}

/** Writes the new client schema unless it breaks the previous one without a deliberate mark. */
export async function updateClientSchema(update: ClientSchemaUpdate): Promise<ClientSchemaUpdateResult> {
  const previousSdl = fs.existsSync(update.schemaPath) ? fs.readFileSync(update.schemaPath, 'utf8') : null;
  const { breaking, dangerous } = previousSdl === null ? { breaking: [], dangerous: [] } : await classifyChanges(previousSdl, update.nextSdl);
  if (breaking.length > 0 && !update.deliberate) return { written: false, breaking, dangerous };
  if (breaking.length > 0 && update.deliberate) {
    fs.appendFileSync(update.logPath, changeLogEntry(breaking, update.deliberate, update.today));
  }
  fs.writeFileSync(update.schemaPath, update.nextSdl);
  return { written: true, breaking, dangerous };
}
