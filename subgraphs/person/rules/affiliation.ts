// Jobcentre affiliation (myndighedstilknytning, seed 004): it follows the CPR address municipality,
// the residence municipality's jobcentre can take over, cross-border commuters keep theirs, and the
// citizen cannot change it (there is no citizen role in this API at all).
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { PersonErrorCode } from './error-codes';

export interface AddressChange {
  currentJobcentre: string | null;
  addressMunicipalityCode: string;
  livesAbroad: boolean;
}

/**
 * The jobcentre after a CPR address update. Persons who move abroad (cross-border commuters who stay
 * registered, emigrated persons) keep the jobcentre they had; everyone else follows the address.
 */
export function jobcentreAfterAddressChange(change: AddressChange): string {
  if (change.livesAbroad && change.currentJobcentre !== null) return change.currentJobcentre;
  return change.addressMunicipalityCode;
}

export interface TakeOverRequest {
  takingJobcentre: string;
  currentJobcentre: string;
  livesAbroad: boolean;
  temporaryMunicipalityCode: string | null;
  temporaryAddressEnd: IsoDate | null;
  today: IsoDate;
}

/**
 * A jobcentre may take a person over when the person stays (temporary address in force) in its
 * municipality, or when the person lives abroad and turns to it (a cross-border commuter changes
 * jobcentre by contacting the one they want to use).
 */
export function assertTakeOverAllowed(request: TakeOverRequest): void {
  if (request.takingJobcentre === request.currentJobcentre) {
    throw new DomainError(PersonErrorCode.JOBCENTRE_TAKEOVER_NOT_ALLOWED, 'The person already belongs to your jobcentre.');
  }
  const staysHere =
    request.temporaryMunicipalityCode === request.takingJobcentre && request.temporaryAddressEnd !== null && request.temporaryAddressEnd >= request.today;
  if (!staysHere && !request.livesAbroad) {
    throw new DomainError(
      PersonErrorCode.JOBCENTRE_TAKEOVER_NOT_ALLOWED,
      'Only the jobcentre of the municipality where the person stays (a temporary address in force) can take over, or any jobcentre for a person living abroad.',
    );
  }
}
