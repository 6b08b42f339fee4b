import { Migration } from '@mikro-orm/migrations';

export class Migration20261130161120 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`screening_statistics\` (\`id\` text not null, \`pseudonym\` text not null, \`municipality_code\` text not null, \`target_group\` text not null, \`answered_on\` text not null, \`question_ids\` json not null, \`handed_over_on\` text not null, primary key (\`id\`));`);
    this.addSql(`create index \`screening_statistics_answered_on_index\` on \`screening_statistics\` (\`answered_on\`);`);
  }

}
