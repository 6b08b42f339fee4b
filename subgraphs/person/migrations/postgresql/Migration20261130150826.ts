import { Migration } from '@mikro-orm/migrations';

export class Migration20261130150826 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "job_seeker_registration" add column "job_search_confirmed_on" varchar(10) null, add column "job_search_confirmation_due_by" varchar(10) null, add column "deregistration_cause" varchar(40) null, add column "continues_registration_id" varchar(36) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "job_seeker_registration" drop column "job_search_confirmed_on", drop column "job_search_confirmation_due_by", drop column "deregistration_cause", drop column "continues_registration_id";`);
  }

}
