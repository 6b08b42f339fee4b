// Events the absence subgraph emits, and the streams it consumes.
export const AbsenceEvent = {
  ABSENCE_REGISTERED: 'ABSENCE_REGISTERED',
  ABSENCE_UPDATED: 'ABSENCE_UPDATED',
  ABSENCE_DELETED: 'ABSENCE_DELETED',
  ABSENCE_ENDED: 'ABSENCE_ENDED',
  ABSENCE_ON_HOLD: 'ABSENCE_ON_HOLD',
} as const;

export interface AbsencePayload {
  absenceId: string;
  personId: string;
  typeId: number;
  start: string;
  end: string | null;
}
