import { Migration } from '@mikro-orm/migrations';

export class Migration20261130161121 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "screening_statistics" ("id" varchar(36) not null, "pseudonym" varchar(32) not null, "municipality_code" varchar(3) not null, "target_group" varchar(32) not null, "answered_on" varchar(10) not null, "question_ids" jsonb not null, "handed_over_on" varchar(10) not null, constraint "screening_statistics_pkey" primary key ("id"));`);
    this.addSql(`create index "screening_statistics_answered_on_index" on "screening_statistics" ("answered_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "screening_statistics" cascade;`);
  }

}
