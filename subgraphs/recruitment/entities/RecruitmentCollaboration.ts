// A recruitment collaboration (rekrutteringssamarbejde): jobcentres and a-kasser that are primary
// authorities of each other's job orders (000, 001 §5.1). Managed by the system role.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs } from '../../../core/entity-defaults';
import type { AuthorityKind } from '../rules/authorities';

export const RecruitmentCollaboration = defineEntity({
  name: 'RecruitmentCollaboration',
  tableName: 'recruitment_collaboration',
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(200).unique(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    version: startsAs(p.integer().version(), 1),
  },
});

export type RecruitmentCollaboration = InferEntity<typeof RecruitmentCollaboration>;

/** One member authority. The key is the authority, so it belongs to at most one collaboration. */
export const CollaborationMember = defineEntity({
  name: 'CollaborationMember',
  tableName: 'collaboration_member',
  indexes: [{ properties: ['collaborationId'] }],
  properties: {
    kind: p.string().$type<AuthorityKind>().length(16).primary(),
    code: p.string().length(8).primary(),
    collaborationId: p.string().length(36),
  },
});

export type CollaborationMember = InferEntity<typeof CollaborationMember>;
