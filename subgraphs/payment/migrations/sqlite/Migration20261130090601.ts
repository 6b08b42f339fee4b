// known_person.memberships: the dated a-kasse memberships that decide who reads a person today
// (common/akasse-access.ts). Rows already here start empty and fill in from the payment stream.
import { Migration } from '@mikro-orm/migrations';

export class Migration20261130090601 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`known_person\` add column \`memberships\` json not null default '[]';`);
  }

}
