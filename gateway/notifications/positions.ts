// Notification positions: the bus's global sequence, wrapped so clients treat it as opaque (and so
// nothing about a person could ever be read from a cursor).
import { DomainError } from '../../core/errors';

const PREFIX = 'n1:';

export function encodePosition(sequence: number): string {
  return Buffer.from(`${PREFIX}${sequence}`).toString('base64url');
}

/** The sequence a position stands for; INVALID_POSITION when it is not one we issued. */
export function decodePosition(position: string): number {
  const text = Buffer.from(position, 'base64url').toString('utf8');
  const sequence = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new DomainError('INVALID_POSITION', 'That position was not issued by this service; use a position from a notification or pageInfo.endCursor.');
  }
  return sequence;
}
