import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082034 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "activity" ("id" varchar(36) not null, "person_id" varchar(36) not null, "frame_id" int null, "category_id" int not null, "start" varchar(10) not null, "end" varchar(10) null, "hours_per_week" double precision null, "status" varchar(16) not null, "ending_cause_id" int null, "registered_by_role" varchar(16) not null, "registered_by_authority" varchar(8) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "activity_pkey" primary key ("id"));`);
    this.addSql(`create index "activity_person_id_index" on "activity" ("person_id");`);

    this.addSql(`create table "consumer_offset" ("consumer" varchar(64) not null, "stream" varchar(64) not null, "last_position" bigint not null default 0, constraint "consumer_offset_pkey" primary key ("consumer", "stream"));`);

    this.addSql(`create table "known_person" ("id" varchar(36) not null, "cpr" varchar(10) not null, "municipality_code" varchar(3) not null, "contact_group_id" int null, "contact_group_start" varchar(10) null, "akasser" jsonb not null, constraint "known_person_pkey" primary key ("id"));`);
    this.addSql(`alter table "known_person" add constraint "known_person_cpr_unique" unique ("cpr");`);
    this.addSql(`create index "known_person_municipality_code_index" on "known_person" ("municipality_code");`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "id" varchar(36) not null, "kind" varchar(64) not null, "person_id" varchar(36) null, "entity_type" varchar(64) null, "entity_id" varchar(64) null, "authorities" jsonb not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "schema_version" int not null default 1, "stream_position" bigint null, "published_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_stream_position_unique" unique ("stream_position");`);
    this.addSql(`create index "outbox_event_published_at_stream_position_index" on "outbox_event" ("published_at", "stream_position");`);

    this.addSql(`create table "person_category" ("person_id" varchar(36) not null, "category" varchar(32) null, "changed_at" timestamptz not null, constraint "person_category_pkey" primary key ("person_id"));`);

    this.addSql(`create table "plan_version" ("id" varchar(36) not null, "person_id" varchar(36) not null, "version" int not null, "change_codes" jsonb not null, "job_search_requirements" jsonb null, "goals" jsonb null, "activities" jsonb not null, "activity_id" varchar(36) null, "created_by" varchar(64) not null, "created_at" timestamptz not null, constraint "plan_version_pkey" primary key ("id"));`);
    this.addSql(`alter table "plan_version" add constraint "plan_version_person_id_version_unique" unique ("person_id", "version");`);

    this.addSql(`create table "stream_state" ("name" varchar(64) not null, "last_position" bigint not null default 0, constraint "stream_state_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "activity" cascade;`);

    this.addSql(`drop table if exists "consumer_offset" cascade;`);

    this.addSql(`drop table if exists "known_person" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "person_category" cascade;`);

    this.addSql(`drop table if exists "plan_version" cascade;`);

    this.addSql(`drop table if exists "stream_state" cascade;`);
  }

}
