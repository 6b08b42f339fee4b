// changeContactGroup: a caseworker system (or an a-kasse for dagpenge/'Uden ydelse', e.g. on a
// recovery it reports) opens the next contact group, closing the open one the day before.
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { ContactGroupRegistration } from '../entities/ContactGroupRegistration';
import type { PersonLoaders } from '../loaders';
import { actorFrom, loadAuthorities, lockPerson, openContactGroup, openRegistrationOf, personByCpr, refreshCvRequirement, uniquely } from '../person-state';
import { AKASSE_CONTACT_GROUPS, authorizeWrite, contactGroup, nextContactGroup, PersonErrorCode } from '../rules';

type Context = SubgraphContext<PersonLoaders>;

export interface ChangeContactGroupInput {
  cpr: string;
  contactGroupId: number;
  start: string;
  registrationId?: string | null;
  recoveryCauseId?: number | null;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function changeContactGroup(ctx: Context, input: ChangeContactGroupInput): Promise<ContactGroupRegistration> {
  contactGroup(input.contactGroupId);
  if (input.registrationId != null && !GUID.test(input.registrationId)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'registrationId must be a GUID.', { field: 'registrationId' });
  }
  if (input.recoveryCauseId != null && (!Number.isInteger(input.recoveryCauseId) || input.recoveryCauseId < 1)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'recoveryCauseId is a positive DFDG code.', { field: 'recoveryCauseId' });
  }
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'akasse', 'system']);
  const actor = actorFrom(ctx.identity);
  return uniquely(
    () =>
      ctx.em.transactional(async (em) => {
        const person = await lockPerson(em, found.id);
        const open = await openRegistrationOf(em, person.id);
        const groupId = nextContactGroup({ requestedGroupId: input.contactGroupId, openGroupId: open?.contactGroupId ?? null, recoveryCauseId: input.recoveryCauseId ?? null });
        if (ctx.identity.role === 'akasse' && !AKASSE_CONTACT_GROUPS.has(groupId)) {
          throw new DomainError(PersonErrorCode.CONTACT_GROUP_NOT_ALLOWED_FOR_AKASSE, 'An a-kasse can register its members in dagpenge (1) or Uden ydelse only; the jobcentre registers other groups.', { contactGroupId: groupId });
        }
        const registration = await openContactGroup(em, ctx.clock, actor, person, {
          contactGroupId: groupId,
          start: input.start,
          registrationId: input.registrationId,
          recoveryCauseId: input.recoveryCauseId,
        });
        await refreshCvRequirement(em, ctx.clock, actor, person);
        return registration;
      }),
    () => new DomainError(ErrorCode.CONFLICT, 'Another change of this person\'s contact group was made at the same moment; read the person again and retry.'),
  );
}
