import type { EntitySchema } from '@mikro-orm/core';
import { KnownPerson } from '../../common/person-directory';
import { AkasseMembership } from './AkasseMembership';
import { EeaBenefitPeriod } from './EeaBenefitPeriod';

export const entities = [AkasseMembership, EeaBenefitPeriod, KnownPerson] as EntitySchema[];
