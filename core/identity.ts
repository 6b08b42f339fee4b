// Who is calling: the claims the gateway verified from the client's JWT and passes on to subgraphs
// in a signed identity token (see identity-token.ts). Subgraphs authorize from this alone.

export const ROLES = ['caseworker', 'akasse', 'analyst', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Identity {
  /** The user or integration (JWT `sub`). */
  subject: string;
  role: Role;
  /**
   * The caller's organisation: a jobcentre's 3-digit municipality code (`101`), an a-kasse's number
   * (`21`), or `STAR` for the system and analyst roles.
   */
  authority: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

const AUTHORITY_BY_ROLE: Record<Role, RegExp> = {
  caseworker: /^\d{3}$/,
  akasse: /^\d{1,4}$/,
  analyst: /^STAR$/,
  system: /^STAR$/,
};

/** Each role's authority in words, beside its pattern, for messages that name what is allowed. */
export const AUTHORITY_FORM: Record<Role, string> = {
  caseworker: "the jobcentre's 3-digit municipality code, e.g. 101",
  akasse: "the a-kasse's number, 1 to 4 digits, e.g. 21",
  analyst: 'STAR',
  system: 'STAR',
};

/** A caseworker's authority is a municipality code, an a-kasse's its number, STAR for the rest. */
export function isValidAuthority(role: Role, authority: unknown): authority is string {
  return typeof authority === 'string' && AUTHORITY_BY_ROLE[role].test(authority);
}
