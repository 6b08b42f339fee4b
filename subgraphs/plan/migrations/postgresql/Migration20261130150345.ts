import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150345 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mentor_grant" ("id" varchar(36) not null, "person_id" varchar(36) not null, "offer_id" int not null, "mentor_type_id" int null, "start" varchar(10) not null, "end" varchar(10) null, "registered_by_role" varchar(16) not null, "registered_by_authority" varchar(8) not null, "created_at" timestamptz not null, constraint "mentor_grant_pkey" primary key ("id"));`);
    this.addSql(`create index "mentor_grant_person_id_index" on "mentor_grant" ("person_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mentor_grant" cascade;`);
  }

}
