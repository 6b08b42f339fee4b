import type { EntitySchema } from '@mikro-orm/core';
import { Delivery } from './Delivery';
import { DeliverySubscription } from './DeliverySubscription';

export const deliveryEntities = [DeliverySubscription, Delivery] as EntitySchema[];
