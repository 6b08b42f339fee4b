import { Migration } from '@mikro-orm/migrations';

export class Migration20261130153821 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "closed_area_record" ("id" varchar(64) not null, "kind" varchar(40) not null, "person_id" varchar(36) not null, "recorded_on" varchar(10) not null, "loaded_at" timestamptz not null, constraint "closed_area_record_pkey" primary key ("id"));`);
    this.addSql(`create index "closed_area_record_kind_recorded_on_index" on "closed_area_record" ("kind", "recorded_on");`);
    this.addSql(`create index "closed_area_record_person_id_recorded_on_index" on "closed_area_record" ("person_id", "recorded_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "closed_area_record" cascade;`);
  }

}
