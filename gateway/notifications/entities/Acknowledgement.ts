// How far an integration has handled its inbox: one row per caller (role, authority, subject).
import { BigIntType, EntitySchema } from '@mikro-orm/core';

export class Acknowledgement {
  role!: string;
  authority!: string;
  subject!: string;
  sequence!: number;
  updatedAt!: Date;
}

export const AcknowledgementSchema = new EntitySchema<Acknowledgement>({
  class: Acknowledgement,
  tableName: 'notification_acknowledgement',
  properties: {
    role: { type: 'string', length: 16, primary: true },
    authority: { type: 'string', length: 8, primary: true },
    subject: { type: 'string', length: 200, primary: true },
    sequence: { type: new BigIntType('number') },
    updatedAt: { type: 'datetime' },
  },
});
