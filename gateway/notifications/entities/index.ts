import type { EntitySchema } from '@mikro-orm/core';
import { AcknowledgementSchema } from './Acknowledgement';

export const entities = [AcknowledgementSchema] as EntitySchema[];
