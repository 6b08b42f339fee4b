// CPR numbers (the Danish personal identification number): the one person identifier every
// subgraph accepts as input. 10 digits, DDMMYY-XXXX written without the dash. No modulus-11 check:
// CPR has issued numbers without it since 2007.
import { DomainError, ErrorCode } from '../../core/errors';

const CPR = /^(\d{2})(\d{2})\d{6}$/;

/** Returns the CPR when it is 10 digits with a possible day and month, else throws INVALID_CPR. */
export function parseCpr(value: string): string {
  const match = CPR.exec(value);
  const day = match ? Number(match[1]) : 0;
  const month = match ? Number(match[2]) : 0;
  if (!match || day < 1 || day > 31 || month < 1 || month > 12) {
    throw new DomainError(ErrorCode.INVALID_CPR, 'A CPR number is 10 digits (DDMMYYXXXX) without a dash.');
  }
  return value;
}

/** `DDMMYY-XXXX`: what a role that may not see the number gets instead. */
export function maskCpr(cpr: string): string {
  return `${cpr.slice(0, 6)}-XXXX`;
}
