import { Migration } from '@mikro-orm/migrations';

export class Migration20261130145835 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "work_obligation_facts" ("id" varchar(36) not null, "person_id" varchar(36) not null, "valid_from" varchar(10) not null, "benefit_type_id" int not null, "residence_years" double precision not null, "full_time_employment_years" double precision not null, "entry_year" int null, "ukraine_special_act" boolean not null, "recorded_by_role" varchar(16) not null, "recorded_by_authority" varchar(8) not null, "recorded_at" timestamptz not null, constraint "work_obligation_facts_pkey" primary key ("id"));`);
    this.addSql(`create index "work_obligation_facts_person_id_index" on "work_obligation_facts" ("person_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "work_obligation_facts" cascade;`);
  }

}
