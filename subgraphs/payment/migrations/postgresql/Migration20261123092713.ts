import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "akasse_membership" ("id" varchar(36) not null, "person_id" varchar(36) not null, "akasse" varchar(8) not null, "start" varchar(10) not null, "end" varchar(10) null, "registered_by" varchar(64) not null, "ended_by" varchar(64) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "akasse_membership_pkey" primary key ("id"));`);
    this.addSql(`create index "akasse_membership_person_id_start_index" on "akasse_membership" ("person_id", "start");`);

    this.addSql(`create table "consumer_offset" ("consumer" varchar(64) not null, "stream" varchar(64) not null, "last_position" bigint not null default 0, constraint "consumer_offset_pkey" primary key ("consumer", "stream"));`);

    this.addSql(`create table "eea_benefit_period" ("payment_id" varchar(64) not null, "person_id" varchar(36) not null, "country" varchar(2) not null, "start" varchar(10) not null, "end" varchar(10) not null, "interruption_date" varchar(10) null, "interruption_cause_id" int null, "reported_by" varchar(8) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "eea_benefit_period_pkey" primary key ("payment_id"));`);
    this.addSql(`create index "eea_benefit_period_person_id_start_index" on "eea_benefit_period" ("person_id", "start");`);

    this.addSql(`create table "known_person" ("id" varchar(36) not null, "cpr" varchar(10) not null, "municipality_code" varchar(3) not null, "contact_group_id" int null, "contact_group_start" varchar(10) null, "akasser" jsonb not null, constraint "known_person_pkey" primary key ("id"));`);
    this.addSql(`alter table "known_person" add constraint "known_person_cpr_unique" unique ("cpr");`);
    this.addSql(`create index "known_person_municipality_code_index" on "known_person" ("municipality_code");`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "id" varchar(36) not null, "kind" varchar(64) not null, "person_id" varchar(36) null, "entity_type" varchar(64) null, "entity_id" varchar(64) null, "authorities" jsonb not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "schema_version" int not null default 1, "stream_position" bigint null, "published_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_stream_position_unique" unique ("stream_position");`);
    this.addSql(`create index "outbox_event_published_at_stream_position_index" on "outbox_event" ("published_at", "stream_position");`);

    this.addSql(`create table "stream_state" ("name" varchar(64) not null, "last_position" bigint not null default 0, constraint "stream_state_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "akasse_membership" cascade;`);

    this.addSql(`drop table if exists "consumer_offset" cascade;`);

    this.addSql(`drop table if exists "eea_benefit_period" cascade;`);

    this.addSql(`drop table if exists "known_person" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "stream_state" cascade;`);
  }

}
