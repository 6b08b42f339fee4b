import { Migration } from '@mikro-orm/migrations';

export class Migration20261123083857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "akasse_membership" ("id" varchar(64) not null, "person_id" varchar(36) not null, "akasse" varchar(10) not null, "start" varchar(10) not null, "end" varchar(10) null, constraint "akasse_membership_pkey" primary key ("id"));`);
    this.addSql(`create index "akasse_membership_person_id_index" on "akasse_membership" ("person_id");`);

    this.addSql(`create table "consumer_offset" ("consumer" varchar(64) not null, "stream" varchar(64) not null, "last_position" bigint not null default 0, constraint "consumer_offset_pkey" primary key ("consumer", "stream"));`);

    this.addSql(`create table "contact_group_registration" ("id" varchar(36) not null, "person_id" varchar(36) not null, "contact_group_id" int not null, "start" varchar(10) not null, "end" varchar(10) null, "recovery_cause_id" int null, "registered_by" varchar(64) not null, "created_at" timestamptz not null, constraint "contact_group_registration_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_group_registration_person_id_start_index" on "contact_group_registration" ("person_id", "start");`);
    this.addSql(`create unique index "contact_group_registration_one_open" on "contact_group_registration" ("person_id") where "end" is null;`);

    this.addSql(`create table "job_seeker_registration" ("id" varchar(36) not null, "person_id" varchar(36) not null, "category" varchar(20) not null, "status" varchar(24) not null, "registration_date" varchar(10) not null, "event_date" varchar(10) null, "contact_group_id" int null, "self_service" boolean not null default false, "dimittend" boolean not null default false, "without_membership" boolean not null default false, "attendance_deadline" varchar(10) null, "closed_on" varchar(10) null, "registered_by" varchar(64) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "job_seeker_registration_pkey" primary key ("id"));`);
    this.addSql(`create index "job_seeker_registration_person_id_created_at_index" on "job_seeker_registration" ("person_id", "created_at");`);
    this.addSql(`create index "job_seeker_registration_status_attendance_deadline_index" on "job_seeker_registration" ("status", "attendance_deadline");`);
    this.addSql(`create unique index "job_seeker_registration_one_open" on "job_seeker_registration" ("person_id") where "status" in ('AWAITING_ATTENDANCE', 'ACTIVE');`);

    this.addSql(`create table "known_absence" ("id" varchar(36) not null, "person_id" varchar(36) not null, "type_id" int not null, "start" varchar(10) not null, "end" varchar(10) null, "status" varchar(16) not null, "exemptions" jsonb not null, constraint "known_absence_pkey" primary key ("id"));`);
    this.addSql(`create index "known_absence_person_id_index" on "known_absence" ("person_id");`);

    this.addSql(`create table "meeting_summons" ("id" varchar(36) not null, "person_id" varchar(36) not null, "meeting_type_id" int not null, "at" timestamptz not null, "summoner_role" varchar(20) not null, "summoner_authority" varchar(10) not null, "jobcentre_code" varchar(3) not null, "status" varchar(16) not null default 'ACTIVE', "cancellation_cause" varchar(32) null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "meeting_summons_pkey" primary key ("id"));`);
    this.addSql(`create index "meeting_summons_person_id_status_index" on "meeting_summons" ("person_id", "status");`);

    this.addSql(`create table "outbox_event" ("seq" serial primary key, "id" varchar(36) not null, "kind" varchar(64) not null, "person_id" varchar(36) null, "entity_type" varchar(64) null, "entity_id" varchar(64) null, "authorities" jsonb not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "schema_version" int not null default 1, "stream_position" bigint null, "published_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_id_unique" unique ("id");`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_stream_position_unique" unique ("stream_position");`);
    this.addSql(`create index "outbox_event_published_at_stream_position_index" on "outbox_event" ("published_at", "stream_position");`);

    this.addSql(`create table "person" ("id" varchar(36) not null, "cpr" varchar(10) not null, "name" varchar(200) not null, "municipality_code" varchar(3) not null, "address_municipality_code" varchar(3) not null, "lives_abroad" boolean not null default false, "temporary_municipality_code" varchar(3) null, "temporary_address_end" varchar(10) null, "category" varchar(32) null, "category_since" varchar(10) null, "announced_cv_requirement" varchar(32) not null default 'NONE', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_cpr_unique" unique ("cpr");`);
    this.addSql(`create index "person_municipality_code_index" on "person" ("municipality_code");`);
    this.addSql(`create index "person_category_index" on "person" ("category");`);

    this.addSql(`create table "person_history_entry" ("seq" serial primary key, "person_id" varchar(36) not null, "at" timestamptz not null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" varchar(64) not null, "actor_role" varchar(20) not null, "actor_authority" varchar(10) not null, "actor_subject" varchar(200) not null, "changes" jsonb not null);`);
    this.addSql(`create index "person_history_entry_person_id_at_index" on "person_history_entry" ("person_id", "at");`);

    this.addSql(`create table "screening_result" ("id" varchar(36) not null, "person_id" varchar(36) not null, "target_group" varchar(32) not null, "answered_on" varchar(10) not null, "answers" jsonb not null, "citizen_visible_until" varchar(10) not null, "caseworkers_visible_until" varchar(10) not null, "created_at" timestamptz not null, constraint "screening_result_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_result_person_id_index" on "screening_result" ("person_id");`);
    this.addSql(`create index "screening_result_caseworkers_visible_until_index" on "screening_result" ("caseworkers_visible_until");`);

    this.addSql(`create table "self_booking_deadline" ("id" varchar(36) not null, "person_id" varchar(36) not null, "deadline" varchar(10) not null, "status" varchar(16) not null default 'ACTIVE', "set_by" varchar(64) not null, "created_at" timestamptz not null, "closed_at" timestamptz null, constraint "self_booking_deadline_pkey" primary key ("id"));`);
    this.addSql(`create index "self_booking_deadline_person_id_created_at_index" on "self_booking_deadline" ("person_id", "created_at");`);
    this.addSql(`create unique index "self_booking_deadline_one_active" on "self_booking_deadline" ("person_id") where "status" = 'ACTIVE';`);

    this.addSql(`create table "sick_leave_return_expectation" ("id" varchar(36) not null, "person_id" varchar(36) not null, "registration_id" varchar(36) not null, "first_follow_up_meeting" varchar(10) not null, "return_by" varchar(10) not null, "end" varchar(10) null, "end_cause" varchar(16) null, "created_at" timestamptz not null, constraint "sick_leave_return_expectation_pkey" primary key ("id"));`);
    this.addSql(`alter table "sick_leave_return_expectation" add constraint "sick_leave_return_expectation_registration_id_unique" unique ("registration_id");`);
    this.addSql(`create index "sick_leave_return_expectation_person_id_index" on "sick_leave_return_expectation" ("person_id");`);

    this.addSql(`create table "stream_state" ("name" varchar(64) not null, "last_position" bigint not null default 0, constraint "stream_state_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "akasse_membership" cascade;`);

    this.addSql(`drop table if exists "consumer_offset" cascade;`);

    this.addSql(`drop table if exists "contact_group_registration" cascade;`);

    this.addSql(`drop table if exists "job_seeker_registration" cascade;`);

    this.addSql(`drop table if exists "known_absence" cascade;`);

    this.addSql(`drop table if exists "meeting_summons" cascade;`);

    this.addSql(`drop table if exists "outbox_event" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "person_history_entry" cascade;`);

    this.addSql(`drop table if exists "screening_result" cascade;`);

    this.addSql(`drop table if exists "self_booking_deadline" cascade;`);

    this.addSql(`drop table if exists "sick_leave_return_expectation" cascade;`);

    this.addSql(`drop table if exists "stream_state" cascade;`);
  }

}
