// The code lists of 001 §5.1: EEA countries by ISO code, interruption causes 1-6.
import { EEA_COUNTRIES, INTERRUPTION_CAUSES, eeaCountry, interruptionCause } from '../code-lists';
import { codeOf } from './helpers';

it('knows the EEA countries by ISO code, not Denmark and not third countries', () => {
  expect(eeaCountry('DE').name).toBe('Tyskland');
  expect(EEA_COUNTRIES).toHaveLength(30);
  for (const code of ['NO', 'IS', 'LI', 'CH', 'SE']) expect(codeOf(() => eeaCountry(code))).toBe('OK');
  for (const code of ['DK', 'GB', 'US', 'de', 'DEU', '']) expect(codeOf(() => eeaCountry(code))).toBe('UNKNOWN_EEA_COUNTRY');
});

it('knows the six interruption causes by their DFDG ids', () => {
  expect(INTERRUPTION_CAUSES.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(interruptionCause(1).name).toBe('Hjemkomst og tilmelding som jobsøgende');
  expect(interruptionCause(6).name).toBe('Udmeldelse eller sletning');
  for (const id of [0, 7, -1]) expect(codeOf(() => interruptionCause(id))).toBe('UNKNOWN_INTERRUPTION_CAUSE');
});
