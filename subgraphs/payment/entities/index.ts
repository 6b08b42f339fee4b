import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { AkasseMembershipSchema } from './AkasseMembership';
import { EeaBenefitPeriodSchema } from './EeaBenefitPeriod';

export const entities = [AkasseMembershipSchema, EeaBenefitPeriodSchema, KnownPersonSchema] as EntitySchema[];
