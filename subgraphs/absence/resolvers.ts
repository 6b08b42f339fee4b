// Absence resolvers: parse → authorize → rule → persist (with its event, in one transaction).
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../core/authorize';
import { today } from '../../core/dates';
import { recordEvent } from '../../core/outbox';
import type { SubgraphContext } from '../../core/subgraph-server';
import { addressEvent } from '../common/dispatch-rules';
import { findPersonByCpr } from '../common/person-directory';
import { Absence } from './entities/Absence';
import { AbsenceEvent, type AbsencePayload } from './events';
import type { AbsenceLoaders } from './loaders';
import { ABSENCE_TYPES, absenceTypeById, deriveStatus, validateRegistration } from './rules';

type Context = SubgraphContext<AbsenceLoaders>;

interface RegisterAbsenceInput {
  cpr: string;
  typeId: number;
  start: string;
  end?: string | null;
}

function payloadOf(absence: Absence): Record<string, unknown> {
  const payload: AbsencePayload = { absenceId: absence.id, personId: absence.personId, typeId: absence.typeId, start: absence.start, end: absence.end, status: 'ACTIVE', exemptions: [] };
  return payload as unknown as Record<string, unknown>;
}

async function registerAbsence(ctx: Context, input: RegisterAbsenceInput): Promise<Absence> {
  requireRole(ctx.identity, 'caseworker', 'akasse', 'system');
  const person = await findPersonByCpr(ctx.em, input.cpr);
  return ctx.em.transactional(async (em) => {
    const existing = await em.find(Absence, { personId: person.id, deletedAt: null });
    const type = validateRegistration({
      typeId: input.typeId,
      start: input.start,
      end: input.end ?? null,
      contactGroupId: person.contactGroupId,
      registrantRole: ctx.identity.role,
      today: today(ctx.clock),
      existingAbsences: existing,
    });
    const now = ctx.clock.now();
    const absence = em.create(Absence, {
      id: randomUUID(),
      personId: person.id,
      typeId: type.id,
      start: input.start,
      end: input.end ?? null,
      onHold: false,
      registeredByRole: ctx.identity.role,
      registeredByAuthority: ctx.identity.authority,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      deletionComment: null,
    });
    recordEvent(em, ctx.clock, {
      kind: AbsenceEvent.ABSENCE_REGISTERED,
      personId: person.id,
      entityType: 'Absence',
      entityId: absence.id,
      authorities: addressEvent(AbsenceEvent.ABSENCE_REGISTERED, person),
      payload: payloadOf(absence),
    });
    return absence;
  });
}

export const resolvers = {
  Query: {
    absenceTypes: () => ABSENCE_TYPES,
  },
  Mutation: {
    registerAbsence: (_: unknown, args: { input: RegisterAbsenceInput }, ctx: Context) => registerAbsence(ctx, args.input),
  },
  Person: {
    absences: async (person: { id: string }, args: { includeDeleted: boolean }, ctx: Context) => {
      const absences = await ctx.loaders.absencesByPerson.load(person.id);
      return args.includeDeleted ? absences : absences.filter((a) => a.deletedAt === null);
    },
  },
  Absence: {
    type: (absence: Absence) => absenceTypeById(absence.typeId),
    status: (absence: Absence, _: unknown, ctx: Context) => deriveStatus(absence, today(ctx.clock)),
    person: (absence: Absence) => ({ __typename: 'Person', id: absence.personId }),
    registeredBy: (absence: Absence) => absence.registeredByAuthority,
  },
};
