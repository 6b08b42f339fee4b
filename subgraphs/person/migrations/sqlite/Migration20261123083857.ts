import { Migration } from '@mikro-orm/migrations';

export class Migration20261123083857 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`akasse_membership\` (\`id\` text not null, \`person_id\` text not null, \`akasse\` text not null, \`start\` text not null, \`end\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`akasse_membership_person_id_index\` on \`akasse_membership\` (\`person_id\`);`);

    this.addSql(`create table \`consumer_offset\` (\`consumer\` text not null, \`stream\` text not null, \`last_position\` bigint not null default 0, primary key (\`consumer\`, \`stream\`));`);

    this.addSql(`create table \`contact_group_registration\` (\`id\` text not null, \`person_id\` text not null, \`contact_group_id\` integer not null, \`start\` text not null, \`end\` text null, \`recovery_cause_id\` integer null, \`registered_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`contact_group_registration_person_id_start_index\` on \`contact_group_registration\` (\`person_id\`, \`start\`);`);
    this.addSql(`create unique index "contact_group_registration_one_open" on "contact_group_registration" ("person_id") where "end" is null;`);

    this.addSql(`create table \`job_seeker_registration\` (\`id\` text not null, \`person_id\` text not null, \`category\` text not null, \`status\` text not null, \`registration_date\` text not null, \`event_date\` text null, \`contact_group_id\` integer null, \`self_service\` integer not null default false, \`dimittend\` integer not null default false, \`without_membership\` integer not null default false, \`attendance_deadline\` text null, \`closed_on\` text null, \`registered_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`job_seeker_registration_person_id_created_at_index\` on \`job_seeker_registration\` (\`person_id\`, \`created_at\`);`);
    this.addSql(`create index \`job_seeker_registration_status_attendance_deadline_index\` on \`job_seeker_registration\` (\`status\`, \`attendance_deadline\`);`);
    this.addSql(`create unique index "job_seeker_registration_one_open" on "job_seeker_registration" ("person_id") where "status" in ('AWAITING_ATTENDANCE', 'ACTIVE');`);

    this.addSql(`create table \`known_absence\` (\`id\` text not null, \`person_id\` text not null, \`type_id\` integer not null, \`start\` text not null, \`end\` text null, \`status\` text not null, \`exemptions\` json not null, primary key (\`id\`));`);
    this.addSql(`create index \`known_absence_person_id_index\` on \`known_absence\` (\`person_id\`);`);

    this.addSql(`create table \`meeting_summons\` (\`id\` text not null, \`person_id\` text not null, \`meeting_type_id\` integer not null, \`at\` datetime not null, \`summoner_role\` text not null, \`summoner_authority\` text not null, \`jobcentre_code\` text not null, \`status\` text not null default 'ACTIVE', \`cancellation_cause\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`meeting_summons_person_id_status_index\` on \`meeting_summons\` (\`person_id\`, \`status\`);`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`kind\` text not null, \`person_id\` text null, \`entity_type\` text null, \`entity_id\` text null, \`authorities\` json not null, \`occurred_at\` datetime not null, \`payload\` json not null, \`schema_version\` integer not null default 1, \`stream_position\` bigint null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`outbox_event_id_unique\` on \`outbox_event\` (\`id\`);`);
    this.addSql(`create unique index \`outbox_event_stream_position_unique\` on \`outbox_event\` (\`stream_position\`);`);
    this.addSql(`create index \`outbox_event_published_at_stream_position_index\` on \`outbox_event\` (\`published_at\`, \`stream_position\`);`);

    this.addSql(`create table \`person\` (\`id\` text not null, \`cpr\` text not null, \`name\` text not null, \`municipality_code\` text not null, \`address_municipality_code\` text not null, \`lives_abroad\` integer not null default false, \`temporary_municipality_code\` text null, \`temporary_address_end\` text null, \`category\` text null, \`category_since\` text null, \`announced_cv_requirement\` text not null default 'NONE', \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`person_cpr_unique\` on \`person\` (\`cpr\`);`);
    this.addSql(`create index \`person_municipality_code_index\` on \`person\` (\`municipality_code\`);`);
    this.addSql(`create index \`person_category_index\` on \`person\` (\`category\`);`);

    this.addSql(`create table \`person_history_entry\` (\`seq\` integer not null primary key autoincrement, \`person_id\` text not null, \`at\` datetime not null, \`action\` text not null, \`entity_type\` text not null, \`entity_id\` text not null, \`actor_role\` text not null, \`actor_authority\` text not null, \`actor_subject\` text not null, \`changes\` json not null);`);
    this.addSql(`create index \`person_history_entry_person_id_at_index\` on \`person_history_entry\` (\`person_id\`, \`at\`);`);

    this.addSql(`create table \`screening_result\` (\`id\` text not null, \`person_id\` text not null, \`target_group\` text not null, \`answered_on\` text not null, \`answers\` json not null, \`citizen_visible_until\` text not null, \`caseworkers_visible_until\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`screening_result_person_id_index\` on \`screening_result\` (\`person_id\`);`);
    this.addSql(`create index \`screening_result_caseworkers_visible_until_index\` on \`screening_result\` (\`caseworkers_visible_until\`);`);

    this.addSql(`create table \`self_booking_deadline\` (\`id\` text not null, \`person_id\` text not null, \`deadline\` text not null, \`status\` text not null default 'ACTIVE', \`set_by\` text not null, \`created_at\` datetime not null, \`closed_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`self_booking_deadline_person_id_created_at_index\` on \`self_booking_deadline\` (\`person_id\`, \`created_at\`);`);
    this.addSql(`create unique index "self_booking_deadline_one_active" on "self_booking_deadline" ("person_id") where "status" = 'ACTIVE';`);

    this.addSql(`create table \`sick_leave_return_expectation\` (\`id\` text not null, \`person_id\` text not null, \`registration_id\` text not null, \`first_follow_up_meeting\` text not null, \`return_by\` text not null, \`end\` text null, \`end_cause\` text null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`sick_leave_return_expectation_registration_id_unique\` on \`sick_leave_return_expectation\` (\`registration_id\`);`);
    this.addSql(`create index \`sick_leave_return_expectation_person_id_index\` on \`sick_leave_return_expectation\` (\`person_id\`);`);

    this.addSql(`create table \`stream_state\` (\`name\` text not null, \`last_position\` bigint not null default 0, primary key (\`name\`));`);
  }

}
