import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091204 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "retention_run" ("id" varchar(36) not null, "kind" varchar(64) not null, "ran_at" timestamptz not null, "cutoff" varchar(10) not null, "deleted" int not null, constraint "retention_run_pkey" primary key ("id"));`);
    this.addSql(`create index "retention_run_kind_ran_at_index" on "retention_run" ("kind", "ran_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "retention_run" cascade;`);
  }

}
