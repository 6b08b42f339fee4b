// The recipients a dispatch rule may name, relative to the person an event concerns.

/** Who, relative to the person an event concerns, must be told. */
export type Recipient =
  /** The jobcentre of the person's municipality now. */
  | 'PERSON_JOBCENTRE'
  /** Every a-kasse the person is or has been a member of. */
  | 'PERSON_AKASSER'
  /** Authorities named by the event itself: a moved-from jobcentre, an order's owner, … */
  | 'NAMED';

/** Event kind → who must hear it. A kind in no table reaches only the system role (fails closed). */
export type DispatchTable = Record<string, readonly Recipient[]>;
