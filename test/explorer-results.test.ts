// The explorer's answer handling without a browser: tables flattened from GraphQL answers, names
// beside codes, RFC 4180 CSV, the bars of an aggregate, errors named by field, and the examples'
// dates on both sides of a year boundary.
import { examples } from '../gateway/explorer/examples';
import { jobcentreName, MUNICIPALITIES, municipalityName } from '../gateway/explorer/municipalities';
import { barsOf, describeError, dimensionsOf, isAggregate, tablesOf, toCsv } from '../gateway/explorer/results';

const AGGREGATE = {
  absencesByTypeAndMonth: [
    { month: '2026-10', municipalityCode: '101', type: { id: 45, name: 'På vej i job' }, count: 7, suppressed: false },
    { month: '2026-11', municipalityCode: '101', type: { id: 45, name: 'På vej i job' }, count: 5, suppressed: false },
    { month: '2026-11', municipalityCode: '187', type: { id: 79, name: 'Sorgorlov' }, count: null, suppressed: true },
  ],
};

it('makes one row per list item, nested objects as dotted columns, names beside the codes', () => {
  const [table] = tablesOf(AGGREGATE);
  expect(table.field).toBe('absencesByTypeAndMonth');
  expect(table.columns).toEqual(['month', 'municipalityCode', 'municipality', 'jobcentre', 'type.id', 'type.name', 'count', 'suppressed']);
  expect(table.rows[0]).toEqual({ month: '2026-10', municipalityCode: '101', municipality: 'København', jobcentre: 'Jobcenter København', 'type.id': 45, 'type.name': 'På vej i job', count: 7, suppressed: false });
  expect(table.rows[2]).toMatchObject({ municipality: 'Vallensbæk', jobcentre: 'Jobcenter Vallensbæk/Ishøj', count: null });
});

it('reads connections by their nodes or edges, and names jobcentre and list-of-code fields', () => {
  const tables = tablesOf({
    persons: { nodes: [{ pseudonym: 'a', address: { municipalityCode: '751' } }], pageInfo: { hasNextPage: false } },
    orders: { edges: [{ node: { owningJobcentre: '825', municipalityCodes: ['101', '147'] } }] },
    nothing: null,
  });
  expect(tables.map((t) => t.field)).toEqual(['persons', 'orders']);
  expect(tables[0].rows).toEqual([{ pseudonym: 'a', 'address.municipalityCode': '751', 'address.municipality': 'Aarhus', 'address.jobcentre': 'Jobcenter Aarhus' }]);
  expect(tables[1].rows).toEqual([{ owningJobcentre: '825', 'owningJobcentre name': 'Jobcenter Frederikshavn', municipalityCodes: '101; 147', municipalities: 'København; Frederiksberg' }]);
});

it('leaves an unknown code without a name', () => {
  expect([municipalityName('999'), jobcentreName('411')]).toEqual([null, null]);
  expect(MUNICIPALITIES.size).toBe(98);
});

it('writes CSV with CRLF records, quoting commas, quotes and line breaks, and formulas kept as text', () => {
  const table = { field: 'x', columns: ['a', 'b', 'c'], rows: [{ a: 'Hansen, Jens', b: 'sagde "nej"', c: 'to\nlinjer' }, { a: '=1+1', b: -3, c: null }] };
  expect(toCsv(table)).toBe('a,b,c\r\n"Hansen, Jens","sagde ""nej""","to\nlinjer"\r\n\'=1+1,-3,\r\n');
});

it('charts an aggregate as sums per chosen column, leaving the suppressed cells out and counting them', () => {
  const [table] = tablesOf(AGGREGATE);
  expect(isAggregate(table)).toBe(true);
  expect(isAggregate(tablesOf({ absenceTypes: [{ id: 1, name: 'x' }] })[0])).toBe(false);
  expect(dimensionsOf(table).slice(0, 3)).toEqual(['municipality', 'jobcentre', 'type.name']);
  expect(barsOf(table, 'type.name')).toEqual({ bars: [{ label: 'På vej i job', value: 12 }, { label: 'Sorgorlov', value: 0 }], suppressedCells: 1 });
  expect(barsOf(table, 'month').bars).toEqual([{ label: '2026-10', value: 7 }, { label: '2026-11', value: 5 }]);
});

it('reports a refused field as that field, not as the operation', () => {
  expect(describeError({ message: 'This field is not available to the caseworker role.', path: ['personsByContactGroup'], extensions: { code: 'FORBIDDEN' } }))
    .toBe('Field personsByContactGroup is not available to your role (FORBIDDEN).');
  expect(describeError({ message: 'to is before from', path: ['absencesByTypeAndMonth'], extensions: { code: 'INVALID_DATE_RANGE' } }))
    .toBe('Field absencesByTypeAndMonth: to is before from (INVALID_DATE_RANGE)');
  expect(describeError({ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } })).toBe('UNAUTHENTICATED: Sign in first.');
});

it('offers an example for every aggregate, the first the default, dated from the day across a year boundary', () => {
  const inJanuary = examples('2027-01-31');
  expect(inJanuary[0].query).toContain('absencesByTypeAndMonth(');
  expect(inJanuary.map((e) => e.id)).toEqual(expect.arrayContaining(['absencesByTypeAndMonth', 'personsByContactGroup']));
  expect(inJanuary[0].variables).toEqual({ from: '2026-02', to: '2027-01' });
  expect(examples('2026-12-01')[0].variables).toEqual({ from: '2026-01', to: '2026-12' });
  expect(examples('2026-11-23').find((e) => e.id === 'personsByContactGroup')!.variables).toEqual({ on: '2026-11-23' });
});
