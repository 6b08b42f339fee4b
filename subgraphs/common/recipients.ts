// The recipients a dispatch rule may name, relative to the person an event concerns.

/** Who, relative to the person an event concerns, must be told. */
export type Recipient =
  /** The jobcentre of the person's municipality now. */
  | 'PERSON_JOBCENTRE'
  /** Every a-kasse the person is or has been a member of. */
  | 'PERSON_AKASSER'
  /** Authorities named by the event itself: a moved-from jobcentre, an order's owner, … */
  | 'NAMED';

/**
 * Event kind → who must hear it, keyed by the producing subgraph's own kinds: a kind missing from
 * the table or misspelled in it fails to compile. `[]` says on purpose that only the system role
 * hears it.
 */
export type DispatchTable<K extends string> = Readonly<Record<K, readonly Recipient[]>>;
