// Min plan change-notification codes: STAR's 26 and 82 (001 §4.1) keep their ids and names.
import { ChangeCode, changeCode } from '..';
import { errorCodeOf } from './error-code-of';

describe('change-notification codes', () => {
  it("keeps the seed's ids and names", () => {
    expect(changeCode(26)).toEqual({ id: 26, name: 'Nye krav til jobsøgning' });
    expect(changeCode(82)).toEqual({ id: 82, name: 'Krav til jobsøgning annulleret' });
    expect(ChangeCode.NEW_JOB_SEARCH_REQUIREMENTS).toBe(26);
    expect(ChangeCode.JOB_SEARCH_REQUIREMENTS_CANCELLED).toBe(82);
  });

  it('refuses an id that is not in the list', () => {
    expect(errorCodeOf(() => changeCode(27))).toBe('UNKNOWN_CHANGE_CODE');
  });
});
