import { Migration } from '@mikro-orm/migrations';

export class Migration20261130153821 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`closed_area_record\` (\`id\` text not null, \`kind\` text not null, \`person_id\` text not null, \`recorded_on\` text not null, \`loaded_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`closed_area_record_kind_recorded_on_index\` on \`closed_area_record\` (\`kind\`, \`recorded_on\`);`);
    this.addSql(`create index \`closed_area_record_person_id_recorded_on_index\` on \`closed_area_record\` (\`person_id\`, \`recorded_on\`);`);
  }

}
