// known_person.memberships: the dated a-kasse memberships that decide who reads a person today
// (common/akasse-access.ts). Rows already here start empty and fill in from the payment stream.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261130090605 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "known_person" add column "memberships" jsonb not null default '[]';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "known_person" drop column "memberships";`);
  }

}
