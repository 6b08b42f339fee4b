// The callers every end-to-end suite uses, and two compact assertions. The fixture person of a
// suite lives in municipality 101 and, where it has one, is a member of a-kasse 21.
import { errorCodes, type GraphQLResponse, type TestSystem } from './system';

/** A token, or the role and authority to mint one for. */
export type Caller = Parameters<TestSystem['gql']>[2];

/** The person's jobcentre. */
export const JOBCENTRE = { role: 'caseworker', authority: '101' } as const;
export const OTHER_JOBCENTRE = { role: 'caseworker', authority: '147' } as const;
/** The person's a-kasse. */
export const AKASSE = { role: 'akasse', authority: '21' } as const;
/** Never the person's a-kasse. */
export const OTHER_AKASSE = { role: 'akasse', authority: '99' } as const;
export const ANALYST = { role: 'analyst', authority: 'STAR' } as const;
export const SYSTEM = { role: 'system', authority: 'STAR' } as const;

/** The data of an operation that must succeed. */
export async function ok<T = Record<string, unknown>>(t: TestSystem, query: string, variables: Record<string, unknown>, as?: Caller): Promise<T> {
  const response = await t.gql<T>(query, variables, as);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

/** The error codes of an operation that must fail. */
export async function fails(t: TestSystem, query: string, variables: Record<string, unknown>, as?: Caller): Promise<unknown[]> {
  const response: GraphQLResponse = await t.gql(query, variables, as);
  expect(response.errors).toBeDefined();
  return errorCodes(response);
}
