import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114512 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`job_seeker_registration\` add column \`dagpenge_entitlement_date\` text null;`);

    this.addSql(`alter table \`person_history_entry\` add column \`effective_date\` text null;`);
  }

}
