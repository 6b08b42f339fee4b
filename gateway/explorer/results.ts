// Turns a GraphQL answer into what an analyst reads and exports: a table per top-level field (one
// row per list item, nested objects flattened to dotted columns, names beside municipality and
// jobcentre codes), the bars of an aggregate, RFC 4180 CSV, and errors named by the field refused.
import { jobcentreName, municipalityName } from './municipalities';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface Table {
  field: string;
  columns: string[];
  rows: Row[];
}

export interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: unknown };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a field: a list, a connection's nodes or edges, or one object as one row. */
function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (!isObject(value)) return value === null || value === undefined ? [] : [value];
  if (Array.isArray(value.nodes)) return value.nodes;
  if (Array.isArray(value.edges)) return value.edges.map((edge: unknown) => (isObject(edge) && 'node' in edge ? edge.node : edge));
  return [value];
}

/** The name columns that follow a code column, by the code field's name. */
function namesBeside(leaf: string, code: string): [string, string | null][] {
  if (leaf === 'municipalityCode') return [['municipality', municipalityName(code)], ['jobcentre', jobcentreName(code)]];
  if (leaf.endsWith('Jobcentre')) return [[`${leaf} name`, jobcentreName(code)]];
  return [];
}

function flatten(value: unknown, prefix: string, row: Row): void {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, row);
    return;
  }
  if (Array.isArray(value)) {
    // A list inside a row stays one cell: codes joined, objects as JSON.
    row[prefix] = value.every((item) => !isObject(item) && !Array.isArray(item)) ? value.join('; ') : JSON.stringify(value);
    if (prefix.endsWith('municipalityCodes')) row[prefix.replace(/municipalityCodes$/, 'municipalities')] = value.map((code) => municipalityName(String(code)) ?? code).join('; ');
    return;
  }
  row[prefix] = value === undefined ? null : (value as Cell);
  const dot = prefix.lastIndexOf('.');
  if (typeof value === 'string') {
    for (const [name, text] of namesBeside(prefix.slice(dot + 1), value)) row[`${prefix.slice(0, dot + 1)}${name}`] = text;
  }
}

function tableOf(field: string, value: unknown): Table {
  const rows = itemsOf(value).map((item) => {
    const row: Row = {};
    flatten(item, '', row);
    return row;
  });
  // Scalar items (a list of strings) flatten to the empty column: call it by the field.
  const named = rows.map((row) => ('' in row ? { [field]: row[''] } : row));
  const columns = [...new Set(named.flatMap((row) => Object.keys(row)))];
  return { field, columns, rows: named };
}

/** One table per top-level field of the answer's data, in the order of the answer. */
export function tablesOf(data: unknown): Table[] {
  if (!isObject(data)) return [];
  return Object.entries(data)
    .filter(([, value]) => value !== null)
    .map(([field, value]) => tableOf(field, value));
}

function csvField(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A cell that starts like a formula would be run by a spreadsheet: keep it text (OWASP CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: CRLF between records, fields with a comma, quote or line break quoted, quotes doubled. */
export function toCsv(table: Table): string {
  const lines = [table.columns, ...table.rows.map((row) => table.columns.map((column) => row[column]))];
  return lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** An aggregate answers counts with a suppression flag (core/aggregates.ts): it can be charted. */
export function isAggregate(table: Table): boolean {
  return table.columns.includes('count') && table.columns.includes('suppressed');
}

/** The columns an aggregate's bars can be grouped by, the names first. */
export function dimensionsOf(table: Table): string[] {
  const dimensions = table.columns.filter((column) => column !== 'count' && column !== 'suppressed');
  return [...dimensions.filter((c) => /(^|\.)(name|municipality|jobcentre)$/.test(c)), ...dimensions.filter((c) => !/(^|\.)(name|municipality|jobcentre)$/.test(c))];
}

export interface Bars {
  bars: { label: string; value: number }[];
  /** Cells under the threshold, answered without a count: left out of every bar. */
  suppressedCells: number;
}

/** The sum of the counts per value of one column, in the order the values first appear. */
export function barsOf(table: Table, dimension: string): Bars {
  const sums = new Map<string, number>();
  let suppressedCells = 0;
  for (const row of table.rows) {
    const label = String(row[dimension] ?? '');
    if (row.suppressed === true || typeof row.count !== 'number') suppressedCells++;
    sums.set(label, (sums.get(label) ?? 0) + (typeof row.count === 'number' ? row.count : 0));
  }
  return { bars: [...sums].map(([label, value]) => ({ label, value })), suppressedCells };
}

/** An error as an analyst reads it: the field it is about (not "the operation"), the code, why. */
export function describeError(error: GraphQLErrorLike): string {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'ERROR';
  const field = error.path?.length ? error.path.join('.') : null;
  if (field === null) return `${code}: ${error.message}`;
  if (code === 'FORBIDDEN') return `Field ${field} is not available to your role (FORBIDDEN).`;
  return `Field ${field}: ${error.message} (${code})`;
}
