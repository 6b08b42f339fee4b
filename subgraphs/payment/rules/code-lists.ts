// The payment subgraph's code lists as data: the EEA countries a PD U2 period may name and the
// interruption causes of UnemploymentFundPaymentService v4 (seed 001 §5.1, ids as STAR sends them).
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import { PaymentErrorCode } from './error-codes';

export interface EeaCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
}

/**
 * EU member states except Denmark (EEA benefits, EØS-dagpenge, are for job search in another
 * country), plus Iceland, Liechtenstein and Norway, and Switzerland, which applies the same
 * coordination rules (PD U2).
 */
export const EEA_COUNTRIES: readonly EeaCountry[] = [
  ['AT', 'Østrig'], ['BE', 'Belgien'], ['BG', 'Bulgarien'], ['CY', 'Cypern'], ['CZ', 'Tjekkiet'], ['DE', 'Tyskland'],
  ['EE', 'Estland'], ['ES', 'Spanien'], ['FI', 'Finland'], ['FR', 'Frankrig'], ['GR', 'Grækenland'], ['HR', 'Kroatien'],
  ['HU', 'Ungarn'], ['IE', 'Irland'], ['IT', 'Italien'], ['LT', 'Litauen'], ['LU', 'Luxembourg'], ['LV', 'Letland'],
  ['MT', 'Malta'], ['NL', 'Nederlandene'], ['PL', 'Polen'], ['PT', 'Portugal'], ['RO', 'Rumænien'], ['SE', 'Sverige'],
  ['SI', 'Slovenien'], ['SK', 'Slovakiet'], ['IS', 'Island'], ['LI', 'Liechtenstein'], ['NO', 'Norge'], ['CH', 'Schweiz'],
].map(([code, name]) => ({ code, name }));

export interface InterruptionCause {
  id: number;
  name: string;
}

/** Afbrydelsesårsager, EEABenefitsInterruptionCauseTypeIdentifier 1-6 (001 §5.1). */
export const INTERRUPTION_CAUSES: readonly InterruptionCause[] = [
  { id: 1, name: 'Hjemkomst og tilmelding som jobsøgende' },
  { id: 2, name: 'Arbejde i et andet EØS-land' },
  { id: 3, name: 'Arbejde i Danmark' },
  { id: 4, name: 'PD U2 ophørt uden hjemvenden' },
  { id: 5, name: 'PD U2 ophørt ved hjemvenden uden tilmelding til jobcentret' },
  { id: 6, name: 'Udmeldelse eller sletning' },
];

const COUNTRIES = codeList(EEA_COUNTRIES, (c) => c.code, (code) =>
  new DomainError(PaymentErrorCode.UNKNOWN_EEA_COUNTRY, `"${code}" is not an EEA country; write its ISO 3166-1 alpha-2 code in capitals, e.g. DE (see eeaCountries).`, { field: 'country' }),
);
const CAUSES = codeList(INTERRUPTION_CAUSES, (c) => c.id, (id) =>
  new DomainError(PaymentErrorCode.UNKNOWN_INTERRUPTION_CAUSE, `Interruption cause ${id} is not one of 1-6 (see interruptionCauses).`, { field: 'causeId' }),
);

/** The EEA country with this ISO code, or UNKNOWN_EEA_COUNTRY (Denmark and non-EEA codes included). */
export function eeaCountry(code: string): EeaCountry {
  return COUNTRIES.get(code);
}

/** The interruption cause with this id, or UNKNOWN_INTERRUPTION_CAUSE. */
export function interruptionCause(id: number): InterruptionCause {
  return CAUSES.get(id);
}
