import { Migration } from '@mikro-orm/migrations';

export class Migration20261123061838 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notification_acknowledgement" ("role" varchar(16) not null, "authority" varchar(8) not null, "subject" varchar(200) not null, "sequence" bigint not null, "updated_at" timestamptz not null, constraint "notification_acknowledgement_pkey" primary key ("role", "authority", "subject"));`);

    this.addSql(`create table "consumer_offset" ("consumer" varchar(64) not null, "stream" varchar(64) not null, "last_position" bigint not null default 0, constraint "consumer_offset_pkey" primary key ("consumer", "stream"));`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "id" varchar(36) not null, "kind" varchar(64) not null, "person_id" varchar(36) null, "entity_type" varchar(64) null, "entity_id" varchar(64) null, "authorities" jsonb not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "schema_version" int not null default 1, "stream_position" bigint null, "published_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_stream_position_unique" unique ("stream_position");`);
    this.addSql(`create index "outbox_event_published_at_stream_position_index" on "outbox_event" ("published_at", "stream_position");`);

    this.addSql(`create table "stream_state" ("name" varchar(64) not null, "last_position" bigint not null default 0, constraint "stream_state_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification_acknowledgement" cascade;`);

    this.addSql(`drop table if exists "consumer_offset" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "stream_state" cascade;`);
  }

}
