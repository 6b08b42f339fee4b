import type { EntitySchema } from '@mikro-orm/core';
import { deliveryEntities } from '../../delivery/entities';
import { Acknowledgement } from './Acknowledgement';

// Push delivery's state lives in the same gateway database (gateway/delivery/).
export const entities = [Acknowledgement, ...deliveryEntities] as EntitySchema[];
