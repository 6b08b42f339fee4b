import { Migration } from '@mikro-orm/migrations';

export class Migration20261123081807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "collaboration_member" ("kind" varchar(16) not null, "code" varchar(8) not null, "collaboration_id" varchar(36) not null, constraint "collaboration_member_pkey" primary key ("kind", "code"));`);
    this.addSql(`create index "collaboration_member_collaboration_id_index" on "collaboration_member" ("collaboration_id");`);

    this.addSql(`create table "consumer_offset" ("consumer" varchar(64) not null, "stream" varchar(64) not null, "last_position" bigint not null default 0, constraint "consumer_offset_pkey" primary key ("consumer", "stream"));`);

    this.addSql(`create table "job_ad" ("id" varchar(36) not null, "title" varchar(200) not null, "text" text not null, "occupation_code" varchar(16) not null, "employer_name" varchar(200) null, "cvr" varchar(8) null, "p_number" varchar(10) null, "anonymous" boolean not null, "last_publication_date" varchar(10) not null, "state" varchar(16) not null, "owner_kind" varchar(16) not null, "owner_code" varchar(8) not null, "job_order_id" varchar(36) null, "published_at" timestamptz not null, "withdrawn_at" timestamptz null, "version" int not null default 1, constraint "job_ad_pkey" primary key ("id"));`);
    this.addSql(`create index "job_ad_state_last_publication_date_index" on "job_ad" ("state", "last_publication_date");`);

    this.addSql(`create table "job_order" ("id" varchar(36) not null, "title" varchar(200) not null, "description" text not null, "occupation_code" varchar(16) null, "occupation_classification" varchar(16) null, "original_occupation_code" varchar(16) null, "is_internal" boolean not null, "number_of_positions" int null, "case_worker_allowed" boolean not null, "coordinator_authority" varchar(16) null, "origin" varchar(32) not null, "status" varchar(16) not null, "owning_kind" varchar(16) not null, "owning_authority" varchar(8) not null, "legacy_id" varchar(64) null, "created_by" varchar(80) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "job_order_pkey" primary key ("id"));`);
    this.addSql(`alter table "job_order" add constraint "job_order_legacy_id_unique" unique ("legacy_id");`);
    this.addSql(`create index "job_order_owning_kind_owning_authority_index" on "job_order" ("owning_kind", "owning_authority");`);
    this.addSql(`create index "job_order_is_internal_created_at_index" on "job_order" ("is_internal", "created_at");`);

    this.addSql(`create table "job_order_event" ("seq" serial primary key, "id" varchar(36) not null, "job_order_id" varchar(36) not null, "action_type_id" int not null, "mediation_id" varchar(36) null, "performed_by" varchar(16) not null, "occurred_at" timestamptz not null);`);
    this.addSql(`alter table "job_order_event" add constraint "job_order_event_id_unique" unique ("id");`);
    this.addSql(`create index "job_order_event_job_order_id_seq_index" on "job_order_event" ("job_order_id", "seq");`);

    this.addSql(`create table "known_person" ("id" varchar(36) not null, "cpr" varchar(10) not null, "municipality_code" varchar(3) not null, "contact_group_id" int null, "contact_group_start" varchar(10) null, "akasser" jsonb not null, constraint "known_person_pkey" primary key ("id"));`);
    this.addSql(`alter table "known_person" add constraint "known_person_cpr_unique" unique ("cpr");`);
    this.addSql(`create index "known_person_municipality_code_index" on "known_person" ("municipality_code");`);

    this.addSql(`create table "mediation" ("id" varchar(36) not null, "job_order_id" varchar(36) not null, "person_id" varchar(36) not null, "person_jobcentre" varchar(3) not null, "status" varchar(32) not null, "outcome" varchar(32) null, "mediated_by" varchar(16) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "mediation_pkey" primary key ("id"));`);
    this.addSql(`create index "mediation_person_id_index" on "mediation" ("person_id");`);
    this.addSql(`create index "mediation_person_jobcentre_index" on "mediation" ("person_jobcentre");`);
    this.addSql(`alter table "mediation" add constraint "mediation_job_order_id_person_id_unique" unique ("job_order_id", "person_id");`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "id" varchar(36) not null, "kind" varchar(64) not null, "person_id" varchar(36) null, "entity_type" varchar(64) null, "entity_id" varchar(64) null, "authorities" jsonb not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "schema_version" int not null default 1, "stream_position" bigint null, "published_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_stream_position_unique" unique ("stream_position");`);
    this.addSql(`create index "outbox_event_published_at_stream_position_index" on "outbox_event" ("published_at", "stream_position");`);

    this.addSql(`create table "recruitment_collaboration" ("id" varchar(36) not null, "name" varchar(200) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "recruitment_collaboration_pkey" primary key ("id"));`);
    this.addSql(`alter table "recruitment_collaboration" add constraint "recruitment_collaboration_name_unique" unique ("name");`);

    this.addSql(`create table "stream_state" ("name" varchar(64) not null, "last_position" bigint not null default 0, constraint "stream_state_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "collaboration_member" cascade;`);

    this.addSql(`drop table if exists "consumer_offset" cascade;`);

    this.addSql(`drop table if exists "job_ad" cascade;`);

    this.addSql(`drop table if exists "job_order" cascade;`);

    this.addSql(`drop table if exists "job_order_event" cascade;`);

    this.addSql(`drop table if exists "known_person" cascade;`);

    this.addSql(`drop table if exists "mediation" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "recruitment_collaboration" cascade;`);

    this.addSql(`drop table if exists "stream_state" cascade;`);
  }

}
