// The absence subgraph's rules: the type table and pure checks, no I/O (but reading the provisional
// code list once when loaded: code-lists/), today passed in.
export { ABSENCE_TYPE_RULES, type AbsenceTypeRule, type ContactGroupReaction, type MaxDuration, type Registrant } from './absence-types';
export { absenceTypeById, displayName, UNKNOWN_DISPLAY_NAME } from './code-list';
export { AbsenceErrorCode } from './error-codes';
export { effectivePeriod, firstDayChanged, latestEnd, type AbsenceState } from './period';
export { validateRegistration, validateUpdate, type Period } from './registration';
export { validateDeletion, MAX_COMMENT_LENGTH, type DeletionDecision } from './deletion';
export { displayStatus, storedReactions, storedRowAnswers, type AbsenceDisplayStatus, type StatusChange } from './status';
export { exemptionsOn, isExemptFromJoblog, type ReactionsOf } from './exemptions';
export { applyAction, missedReactions, planContactGroupReaction, reactionFor, type AbsenceAction, type ContactGroupChange, type MissedReaction, type PlannedAction } from './contact-group-change';
export { authorizeFreeText, authorizeRead, authorizeWrite, type PersonAuthorities } from './access';
