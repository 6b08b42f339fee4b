import { Migration } from '@mikro-orm/migrations';

export class Migration20261130161208 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`joblog_entry\` (\`id\` text not null, \`person_id\` text not null, \`kind\` text not null, \`date\` text not null, \`employer\` text null, \`job_title\` text null, \`description\` text null, \`contact_person\` text null, \`note\` text null, \`recorded_on\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`joblog_entry_person_id_recorded_on_index\` on \`joblog_entry\` (\`person_id\`, \`recorded_on\`);`);
    this.addSql(`create index \`joblog_entry_recorded_on_index\` on \`joblog_entry\` (\`recorded_on\`);`);
  }

}
