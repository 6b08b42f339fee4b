// The explorer's ready-made queries: every aggregate analysts have (supergraph.graphql: Query.
// absencesByTypeAndMonth, Query.personsByContactGroup), each whole and in one jurisdiction, and the
// code lists that name their groups. Dates are filled in from the day the analyst opens the page.

export interface Example {
  id: string;
  title: string;
  query: string;
  variables: Record<string, string>;
}

/** YYYY-MM of the month `back` months before the month of `today` (YYYY-MM-DD). */
function monthBefore(today: string, back: number): string {
  const [year, month] = today.split('-').map(Number);
  const index = year * 12 + (month - 1) - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const ABSENCES = `# Absences in force in each month, by type and jobcentre. Counts under 5 are suppressed.
query AbsencesByTypeAndMonth($from: String!, $to: String!, $municipalityCode: String) {
  absencesByTypeAndMonth(from: $from, to: $to, municipalityCode: $municipalityCode) {
    month
    municipalityCode
    type { id name }
    count
    suppressed
  }
}
`;

const CONTACT_GROUPS = `# Persons by jobcentre and open contact group on a day. Counts under 5 are suppressed.
query PersonsByContactGroup($on: Date!, $municipalityCode: String) {
  personsByContactGroup(on: $on, municipalityCode: $municipalityCode) {
    municipalityCode
    contactGroup { id name }
    count
    suppressed
  }
}
`;

/** The examples for a day; the first is the page's default query. */
export function examples(today: string): Example[] {
  return [
    { id: 'absencesByTypeAndMonth', title: 'Absences by type and month, last 12 months', query: ABSENCES, variables: { from: monthBefore(today, 11), to: monthBefore(today, 0) } },
    { id: 'absencesByTypeAndMonth-101', title: 'Absences by type and month in one jobcentre (101 København)', query: ABSENCES, variables: { from: monthBefore(today, 11), to: monthBefore(today, 0), municipalityCode: '101' } },
    { id: 'personsByContactGroup', title: 'Persons by contact group today', query: CONTACT_GROUPS, variables: { on: today } },
    { id: 'personsByContactGroup-101', title: 'Persons by contact group today in one jobcentre (101 København)', query: CONTACT_GROUPS, variables: { on: today, municipalityCode: '101' } },
    { id: 'absenceTypes', title: 'Code list: absence types', query: '# The absence types (fraværsårsager) the aggregate groups by.\n{\n  absenceTypes { id name }\n}\n', variables: {} },
    { id: 'contactGroups', title: 'Code list: contact groups', query: '# The contact groups (kontaktgrupper) the aggregate groups by.\n{\n  contactGroups { id name }\n}\n', variables: {} },
  ];
}
