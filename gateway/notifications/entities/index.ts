import type { EntitySchema } from '@mikro-orm/core';
import { Acknowledgement } from './Acknowledgement';

export const entities = [Acknowledgement] as EntitySchema[];
