import { Migration } from '@mikro-orm/migrations';

export class Migration20261123085300 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`cpr_access_audit\` (\`id\` text not null, \`at\` datetime not null, \`subject\` text not null, \`role\` text not null, \`authority\` text not null, \`person_id\` text not null, \`operation\` text not null, \`request_id\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`cpr_access_audit_person_id_at_index\` on \`cpr_access_audit\` (\`person_id\`, \`at\`);`);
    this.addSql(`create index \`cpr_access_audit_subject_at_index\` on \`cpr_access_audit\` (\`subject\`, \`at\`);`);
    this.addSql(`create index \`cpr_access_audit_at_index\` on \`cpr_access_audit\` (\`at\`);`);
  }

}
