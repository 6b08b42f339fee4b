import { Migration } from '@mikro-orm/migrations';

export class Migration20261130121322 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "scheduled_effect" ("id" varchar(36) not null, "kind" varchar(64) not null, "person_id" varchar(36) null, "entity_type" varchar(64) not null, "entity_id" varchar(64) not null, "effective_on" varchar(10) not null, "payload" jsonb not null, "recorded_at" timestamptz not null, "effected_at" timestamptz null, "cancelled_at" timestamptz null, constraint "scheduled_effect_pkey" primary key ("id"));`);
    this.addSql(`create index "scheduled_effect_effective_on_index" on "scheduled_effect" ("effective_on");`);
    this.addSql(`create index "scheduled_effect_entity_type_entity_id_index" on "scheduled_effect" ("entity_type", "entity_id");`);

    this.addSql(`alter table "outbox_event" add column "effective_date" varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "scheduled_effect" cascade;`);

    this.addSql(`alter table "outbox_event" drop column "effective_date";`);
  }

}
