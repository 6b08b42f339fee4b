import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150826 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table \`job_seeker_registration\` add column \`job_search_confirmed_on\` text null;`);
    this.addSql(`alter table \`job_seeker_registration\` add column \`job_search_confirmation_due_by\` text null;`);
    this.addSql(`alter table \`job_seeker_registration\` add column \`deregistration_cause\` text null;`);
    this.addSql(`alter table \`job_seeker_registration\` add column \`continues_registration_id\` text null;`);
  }

}
