import { Migration } from '@mikro-orm/migrations';

export class Migration20261130161209 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "joblog_entry" ("id" varchar(36) not null, "person_id" varchar(36) not null, "kind" varchar(16) not null, "date" varchar(10) not null, "employer" varchar(200) null, "job_title" varchar(200) null, "description" text null, "contact_person" varchar(200) null, "note" text null, "recorded_on" varchar(10) not null, "created_at" timestamptz not null, constraint "joblog_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "joblog_entry_person_id_recorded_on_index" on "joblog_entry" ("person_id", "recorded_on");`);
    this.addSql(`create index "joblog_entry_recorded_on_index" on "joblog_entry" ("recorded_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "joblog_entry" cascade;`);
  }

}
