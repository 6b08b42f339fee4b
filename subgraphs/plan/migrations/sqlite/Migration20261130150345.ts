import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150345 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`mentor_grant\` (\`id\` text not null, \`person_id\` text not null, \`offer_id\` integer not null, \`mentor_type_id\` integer null, \`start\` text not null, \`end\` text null, \`registered_by_role\` text not null, \`registered_by_authority\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`mentor_grant_person_id_index\` on \`mentor_grant\` (\`person_id\`);`);
  }

}
