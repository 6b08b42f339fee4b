// The payment subgraph's rules (UnemploymentFundPaymentService v4, 001 §5): the EEA country and
// interruption cause lists, memberships and the checks on a reported period. Pure, no I/O.
import { DomainError, ErrorCode } from '../../../core/errors';
import type { Identity } from '../../../core/identity';

export interface EeaCountry {
  code: string;
  name: string;
}

/**
 * EU member states except Denmark (EEA benefits are for job search in another country), plus
 * Iceland, Liechtenstein and Norway, and Switzerland, which applies the same rules (PD U2).
 */
export const EEA_COUNTRIES: readonly EeaCountry[] = [
  ['AT', 'Østrig'], ['BE', 'Belgien'], ['BG', 'Bulgarien'], ['CY', 'Cypern'], ['CZ', 'Tjekkiet'], ['DE', 'Tyskland'],
  ['EE', 'Estland'], ['ES', 'Spanien'], ['FI', 'Finland'], ['FR', 'Frankrig'], ['GR', 'Grækenland'], ['HR', 'Kroatien'],
  ['HU', 'Ungarn'], ['IE', 'Irland'], ['IT', 'Italien'], ['LT', 'Litauen'], ['LU', 'Luxembourg'], ['LV', 'Letland'],
  ['MT', 'Malta'], ['NL', 'Nederlandene'], ['PL', 'Polen'], ['PT', 'Portugal'], ['RO', 'Rumænien'], ['SE', 'Sverige'],
  ['SI', 'Slovenien'], ['SK', 'Slovakiet'], ['IS', 'Island'], ['LI', 'Liechtenstein'], ['NO', 'Norge'], ['CH', 'Schweiz'],
].map(([code, name]) => ({ code, name }));

/** Interruption causes 1-6 (001 §5). */
export const INTERRUPTION_CAUSES = [
  { id: 1, name: 'Hjemkomst og tilmelding som jobsøgende' },
  { id: 2, name: 'Arbejde i et andet EØS-land' },
  { id: 3, name: 'Arbejde i Danmark' },
  { id: 4, name: 'PD U2 ophørt uden hjemvenden' },
  { id: 5, name: 'PD U2 ophørt ved hjemvenden uden tilmelding til jobcentret' },
  { id: 6, name: 'Udmeldelse eller sletning' },
] as const;

export function interruptionCause(id: number): { id: number; name: string } {
  const found = INTERRUPTION_CAUSES.find((c) => c.id === id);
  if (!found) throw new DomainError('UNKNOWN_INTERRUPTION_CAUSE', `Interruption cause ${id} is not one of 1-6.`, { causeId: id });
  return found;
}

export interface Membership {
  akasse: string;
  start: string;
  end: string | null;
}

export function validateMembership(existing: readonly Membership[], membership: Membership): void {
  if (!/^\d{1,4}$/.test(membership.akasse)) throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The a-kasse number is 1 to 4 digits.', { field: 'akasse' });
  if (membership.end !== null && membership.end < membership.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The membership ends before it starts.', { field: 'end' });
  const overlapping = existing.find((m) => (m.end === null || m.end >= membership.start) && (membership.end === null || membership.end >= m.start));
  if (overlapping) {
    throw new DomainError('MEMBERSHIP_OVERLAP', `The person is a member of a-kasse ${overlapping.akasse} from ${overlapping.start}; end that membership first.`);
  }
}

export function isMemberOn(memberships: readonly Membership[], akasse: string, date: string): boolean {
  return memberships.some((m) => m.akasse === akasse && m.start <= date && (m.end === null || m.end >= date));
}

export interface EeaReport {
  identity: Identity;
  memberships: readonly Membership[];
  existingPeriods: readonly { start: string; end: string }[];
  country: string;
  start: string;
  end: string;
  paymentId: string | null;
  today: string;
}

export function validateEeaReport(report: EeaReport): void {
  if (!EEA_COUNTRIES.some((c) => c.code === report.country)) {
    throw new DomainError('UNKNOWN_EEA_COUNTRY', `${report.country} is not an EEA country code (ISO 3166-1 alpha-2, e.g. DE).`, { field: 'country' });
  }
  if (report.end < report.start) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The period ends before it starts.', { field: 'end' });
  if (report.paymentId !== null && !/^[A-Za-z0-9-]{1,64}$/.test(report.paymentId)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The PaymentIdentifier is 1 to 64 letters, digits or dashes.', { field: 'paymentId' });
  }
  // Reported by the a-kasse the person is a member of when the period starts.
  if (!isMemberOn(report.memberships, report.identity.authority, report.start)) {
    throw new DomainError('NOT_A_MEMBER', `The person is not a member of a-kasse ${report.identity.authority} on ${report.start}.`);
  }
  if (report.existingPeriods.some((p) => p.end >= report.start && report.end >= p.start)) {
    throw new DomainError('EEA_PERIOD_OVERLAP', 'The period overlaps one already reported; interrupt or delete that one first.');
  }
}
