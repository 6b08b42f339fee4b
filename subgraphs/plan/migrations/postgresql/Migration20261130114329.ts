import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114329 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "known_person" add column "contact_groups" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "known_person" drop column "contact_groups";`);
  }

}
