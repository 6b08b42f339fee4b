import { Migration } from '@mikro-orm/migrations';

export class Migration20261123091204 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`retention_run\` (\`id\` text not null, \`kind\` text not null, \`ran_at\` datetime not null, \`cutoff\` text not null, \`deleted\` integer not null, primary key (\`id\`));`);
    this.addSql(`create index \`retention_run_kind_ran_at_index\` on \`retention_run\` (\`kind\`, \`ran_at\`);`);
  }

}
