import { Migration } from '@mikro-orm/migrations';

export class Migration20261130145835 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`work_obligation_facts\` (\`id\` text not null, \`person_id\` text not null, \`valid_from\` text not null, \`benefit_type_id\` integer not null, \`residence_years\` double not null, \`full_time_employment_years\` double not null, \`entry_year\` integer null, \`ukraine_special_act\` integer not null, \`recorded_by_role\` text not null, \`recorded_by_authority\` text not null, \`recorded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`work_obligation_facts_person_id_index\` on \`work_obligation_facts\` (\`person_id\`);`);
  }

}
