import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114232 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "plan_version" add column "effective_on" varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "plan_version" drop column "effective_on";`);
  }

}
