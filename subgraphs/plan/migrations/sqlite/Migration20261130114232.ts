import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114232 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`plan_version\` add column \`effective_on\` text null;`);
  }

}
