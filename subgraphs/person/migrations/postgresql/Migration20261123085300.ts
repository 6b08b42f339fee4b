import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cpr_access_audit" ("id" varchar(36) not null, "at" timestamptz not null, "subject" varchar(200) not null, "role" varchar(20) not null, "authority" varchar(10) not null, "person_id" varchar(36) not null, "operation" varchar(200) not null, "request_id" varchar(36) not null, constraint "cpr_access_audit_pkey" primary key ("id"));`);
    this.addSql(`create index "cpr_access_audit_person_id_at_index" on "cpr_access_audit" ("person_id", "at");`);
    this.addSql(`create index "cpr_access_audit_subject_at_index" on "cpr_access_audit" ("subject", "at");`);
    this.addSql(`create index "cpr_access_audit_at_index" on "cpr_access_audit" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cpr_access_audit" cascade;`);
  }

}
