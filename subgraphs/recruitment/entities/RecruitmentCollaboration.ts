// A recruitment collaboration (rekrutteringssamarbejde): jobcentres and a-kasser that are primary
// authorities of each other's job orders (000, 001 §5.1). Managed by the system role.
import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { AuthorityKind } from '../rules/authorities';

export class RecruitmentCollaboration {
  [OptionalProps]?: 'version';
  id!: string;
  name!: string;
  createdAt!: Date;
  updatedAt!: Date;
  version = 1;
}

export const RecruitmentCollaborationSchema = new EntitySchema<RecruitmentCollaboration>({
  class: RecruitmentCollaboration,
  tableName: 'recruitment_collaboration',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    name: { type: 'string', length: 200, unique: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    version: { type: 'integer', version: true },
  },
});

/** One member authority. The key is the authority, so it belongs to at most one collaboration. */
export class CollaborationMember {
  kind!: AuthorityKind;
  code!: string;
  collaborationId!: string;
}

export const CollaborationMemberSchema = new EntitySchema<CollaborationMember>({
  class: CollaborationMember,
  tableName: 'collaboration_member',
  indexes: [{ properties: ['collaborationId'] }],
  properties: {
    kind: { type: 'string', length: 16, primary: true },
    code: { type: 'string', length: 8, primary: true },
    collaborationId: { type: 'string', length: 36 },
  },
});
