import { Migration } from '@mikro-orm/migrations';

export class Migration20261130114512 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "job_seeker_registration" add column "dagpenge_entitlement_date" varchar(10) null;`);

    this.addSql(`alter table "person_history_entry" add column "effective_date" varchar(10) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "job_seeker_registration" drop column "dagpenge_entitlement_date";`);

    this.addSql(`alter table "person_history_entry" drop column "effective_date";`);
  }

}
