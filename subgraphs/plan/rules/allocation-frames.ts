// Allocation frames (bevillingsrammer): the dated code list an activity's funding is registered on,
// with the start dates each frame accepts and the categories it combines with (seed 001 §4.2).
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import { PlanErrorCode } from './error-codes';

export interface AllocationFrame {
  /** The DFDG code-list id; integrations send it. */
  readonly id: number;
  /** The Danish name, verbatim from the seed. */
  readonly name: string;
  /** The Danish description, verbatim from the seed. */
  readonly description: string;
  /** First start date an activity on this frame may have; null when the seed sets none. */
  readonly validFrom: IsoDate | null;
  /**
   * Last start date a NEW activity on this frame may have; null when open. Existing activities keep
   * their frame and may still be updated after it (001 §4.2: "Allerede registrerede … kan opdateres").
   */
  readonly newActivitiesUntil: IsoDate | null;
  /** The only activity categories (afholdelseskategorier) the frame combines with; null = any. */
  readonly allowedCategoryIds: readonly number[] | null;
}

/** Frames closed for activities starting 1 January 2021 or later ("inden 1.1.2021"). */
const CLOSED_FROM_2021 = '2020-12-31';

/**
 * Only the frames seed 001 §4.2 lists ("Ændringer til bevillingsrammer": the new, changed and
 * retired ones). The full DFDG list has more frames; they are not in any seed, so ids such as 1 are
 * refused as unknown until someone adds them here from STAR's code list.
 */
export const ALLOCATION_FRAMES: readonly AllocationFrame[] = [
  {
    id: 2,
    name: 'Opkvalificering ved ansættelse, ikke-forsikrede (LAB kap. 24 og Komp.loven kap. 5a) (inden 1.1.2021)',
    description:
      'Opkvalificering ved ansættelse, ikke-forsikrede (kap. 24 i LAB og kap. 5 a i Komp.loven). Må ikke anvendes for aktiviteter, der påbegyndes 1. januar 2021 eller senere.',
    validFrom: null,
    newActivitiesUntil: CLOSED_FROM_2021,
    allowedCategoryIds: null,
  },
  {
    id: 3,
    name: 'Opkvalificering ved ansættelse, forsikrede (kap. 24 i LAB og kap. 5 a i Komp.loven) (inden 1.1.2021)',
    description:
      'Opkvalificering ved ansættelse, forsikrede (kap. 24 i LAB og kap. 5 a i Komp.loven). Må ikke anvendes for aktiviteter, der påbegyndes 1. januar 2021 eller senere.',
    validFrom: null,
    newActivitiesUntil: CLOSED_FROM_2021,
    allowedCategoryIds: null,
  },
  {
    // The table row lacks the "(inden 1.1.2021)" marker the other closed frames carry, but the text
    // right above it names 12 among the closed frames ("Bevillingsrammerne 2, 3, 12 og 13 kan dermed
    // ikke længere anvendes"); the explicit rule wins over the row's wording.
    id: 12,
    name: 'Pulje til uddannelsesløft (100 pct. dagpenge til dp.modtagere), herunder grundforløb og hovedforløb',
    description:
      'Uddannelseskøb til kontanthjælpsmodtagere og forsikrede ledige, der finansieres af puljen til uddannelsesløft (med 100 pct. dagpenge til dagpengemodtagere), herunder grundforløb og hovedforløb',
    validFrom: null,
    newActivitiesUntil: CLOSED_FROM_2021,
    allowedCategoryIds: null,
  },
  {
    id: 13,
    name: 'Puljer til opkvalificering inden for mangelområder (inden 1.1.2021)',
    description:
      'Tilbud der finansieres af Puljerne til opkvalificering inden for mangelområder. Må ikke anvendes for aktiviteter, der påbegyndes 1. januar 2021 eller senere.',
    validFrom: null,
    newActivitiesUntil: CLOSED_FROM_2021,
    allowedCategoryIds: null,
  },
  {
    // 110 % dagpenge: the right to START such an education was extended by a year to 2022-12-31.
    id: 17,
    name: 'Uddannelse med 110 pct. dagpenge til dp.modtagere, herunder grundforløb og hovedforløb',
    description:
      'Uddannelseskøb til forsikrede ledige, der finansieres af lovbunden bevilling (med 110 pct. dagpenge til dagpengemodtagere i perioden 01.08.2020 - 31.12.2022 inden for et område, hvor der er behov for arbejdskraft), herunder grundforløb og hovedforløb',
    validFrom: '2020-08-01',
    newActivitiesUntil: '2022-12-31',
    allowedCategoryIds: null,
  },
  {
    // Mink pool: education for people from the mink industry; the seed gives no first date.
    id: 18,
    name: 'Pulje til uddannelse m.v. til personer der har arbejdet i minkerhvervet eller følgeerhverv',
    description: 'Pulje til uddannelse m.v. til personer der har arbejdet i minkerhvervet eller følgeerhverv',
    validFrom: null,
    newActivitiesUntil: null,
    allowedCategoryIds: [25, 26, 27, 28, 29, 30, 36, 39, 40, 41, 45, 46, 47],
  },
];

const FRAMES = codeList(ALLOCATION_FRAMES, (frame) => frame.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_ALLOCATION_FRAME, `Allocation frame ${id} does not exist: choose a frame from the code list.`, { frameId: id }),
);

export function findAllocationFrame(id: number): AllocationFrame | undefined {
  return FRAMES.find(id);
}

/** The frame with this id; throws UNKNOWN_ALLOCATION_FRAME. */
export function allocationFrame(id: number): AllocationFrame {
  return FRAMES.get(id);
}

/**
 * Throws unless an activity starting on `start` may be put on the frame. The seed words both limits
 * by the activity's start ("aktiviteter, der påbegyndes 1. januar 2021 eller senere"), not by the
 * day it is registered, so a back-dated start inside the window is accepted.
 */
export function assertFrameOpenForStart(frame: AllocationFrame, start: IsoDate): void {
  if (frame.validFrom !== null && start < frame.validFrom) {
    throw new DomainError(
      PlanErrorCode.ALLOCATION_FRAME_NOT_VALID_ON_DATE,
      `Allocation frame ${frame.id} can only be used for activities starting on or after ${frame.validFrom}: move the start date or choose another frame.`,
      { frameId: frame.id, start, validFrom: frame.validFrom },
    );
  }
  if (frame.newActivitiesUntil !== null && start > frame.newActivitiesUntil) {
    throw new DomainError(
      PlanErrorCode.ALLOCATION_FRAME_CLOSED,
      `Allocation frame ${frame.id} is closed for activities starting after ${frame.newActivitiesUntil}: choose another frame.`,
      { frameId: frame.id, start, newActivitiesUntil: frame.newActivitiesUntil },
    );
  }
}

/** True when the frame combines with the activity category (only frame 18 restricts, 001 §4.2). */
export function frameAllowsCategory(frame: AllocationFrame, categoryId: number): boolean {
  return frame.allowedCategoryIds === null || frame.allowedCategoryIds.includes(categoryId);
}

/** Throws CATEGORY_NOT_ALLOWED_FOR_FRAME when the frame does not combine with the category. */
export function assertFrameAllowsCategory(frame: AllocationFrame, categoryId: number): void {
  if (frameAllowsCategory(frame, categoryId)) return;
  throw new DomainError(
    PlanErrorCode.CATEGORY_NOT_ALLOWED_FOR_FRAME,
    `Allocation frame ${frame.id} cannot be combined with activity category ${categoryId}: choose one of categories ${(frame.allowedCategoryIds ?? []).join(', ')} or another frame.`,
    { frameId: frame.id, categoryId, allowedCategoryIds: frame.allowedCategoryIds },
  );
}
