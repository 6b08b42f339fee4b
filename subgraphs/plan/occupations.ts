// Which occupation codes job-search requirements may name. ESCO-STAR's levels 1-3 follow the
// ISCO-08 group structure (major, sub-major, minor group); this checks a code against that
// structure: levels 1 and 2 against the ISCO-08 groups, level 3 by its sub-major group. The
// recruitment subgraph's occupation catalog (issue 6) replaces it with the full list.
import type { OccupationLookup } from './rules';

/** ISCO-08 sub-major groups (2 digits); their first digits are the major groups. */
const SUB_MAJOR_GROUPS = new Set([
  '01', '02', '03', '11', '12', '13', '14', '21', '22', '23', '24', '25', '26', '31', '32', '33', '34', '35',
  '41', '42', '43', '44', '51', '52', '53', '54', '61', '62', '63', '71', '72', '73', '74', '75', '81', '82', '83',
  '91', '92', '93', '94', '95', '96',
]);
const MAJOR_GROUPS = new Set([...SUB_MAJOR_GROUPS].map((code) => code[0]));

export const isKnownOccupation: OccupationLookup = (code, level) => {
  if (!/^\d+$/.test(code) || code.length !== level) return false;
  if (level === 1) return MAJOR_GROUPS.has(code);
  return SUB_MAJOR_GROUPS.has(code.slice(0, 2));
};
