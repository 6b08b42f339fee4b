// A minimal entity for the outbox tests: a change the tests can write beside its event.
import { EntitySchema } from '@mikro-orm/core';

export class Note {
  id!: number;
  text!: string;
}

export const NoteSchema = new EntitySchema<Note>({
  class: Note,
  properties: { id: { type: 'integer', primary: true, autoincrement: true }, text: { type: 'string' } },
});
