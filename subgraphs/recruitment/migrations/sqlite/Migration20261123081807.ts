import { Migration } from '@mikro-orm/migrations';

export class Migration20261123081807 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`collaboration_member\` (\`kind\` text not null, \`code\` text not null, \`collaboration_id\` text not null, primary key (\`kind\`, \`code\`));`);
    this.addSql(`create index \`collaboration_member_collaboration_id_index\` on \`collaboration_member\` (\`collaboration_id\`);`);

    this.addSql(`create table \`consumer_offset\` (\`consumer\` text not null, \`stream\` text not null, \`last_position\` bigint not null default 0, primary key (\`consumer\`, \`stream\`));`);

    this.addSql(`create table \`job_ad\` (\`id\` text not null, \`title\` text not null, \`text\` text not null, \`occupation_code\` text not null, \`employer_name\` text null, \`cvr\` text null, \`p_number\` text null, \`anonymous\` integer not null, \`last_publication_date\` text not null, \`state\` text not null, \`owner_kind\` text not null, \`owner_code\` text not null, \`job_order_id\` text null, \`published_at\` datetime not null, \`withdrawn_at\` datetime null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`job_ad_state_last_publication_date_index\` on \`job_ad\` (\`state\`, \`last_publication_date\`);`);

    this.addSql(`create table \`job_order\` (\`id\` text not null, \`title\` text not null, \`description\` text not null, \`occupation_code\` text null, \`occupation_classification\` text null, \`original_occupation_code\` text null, \`is_internal\` integer not null, \`number_of_positions\` integer null, \`case_worker_allowed\` integer not null, \`coordinator_authority\` text null, \`origin\` text not null, \`status\` text not null, \`owning_kind\` text not null, \`owning_authority\` text not null, \`legacy_id\` text null, \`created_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create unique index \`job_order_legacy_id_unique\` on \`job_order\` (\`legacy_id\`);`);
    this.addSql(`create index \`job_order_owning_kind_owning_authority_index\` on \`job_order\` (\`owning_kind\`, \`owning_authority\`);`);
    this.addSql(`create index \`job_order_is_internal_created_at_index\` on \`job_order\` (\`is_internal\`, \`created_at\`);`);

    this.addSql(`create table \`job_order_event\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`job_order_id\` text not null, \`action_type_id\` integer not null, \`mediation_id\` text null, \`performed_by\` text not null, \`occurred_at\` datetime not null);`);
    this.addSql(`create unique index \`job_order_event_id_unique\` on \`job_order_event\` (\`id\`);`);
    this.addSql(`create index \`job_order_event_job_order_id_seq_index\` on \`job_order_event\` (\`job_order_id\`, \`seq\`);`);

    this.addSql(`create table \`known_person\` (\`id\` text not null, \`cpr\` text not null, \`municipality_code\` text not null, \`contact_group_id\` integer null, \`contact_group_start\` text null, \`akasser\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`known_person_cpr_unique\` on \`known_person\` (\`cpr\`);`);
    this.addSql(`create index \`known_person_municipality_code_index\` on \`known_person\` (\`municipality_code\`);`);

    this.addSql(`create table \`mediation\` (\`id\` text not null, \`job_order_id\` text not null, \`person_id\` text not null, \`person_jobcentre\` text not null, \`status\` text not null, \`outcome\` text null, \`mediated_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create index \`mediation_person_id_index\` on \`mediation\` (\`person_id\`);`);
    this.addSql(`create index \`mediation_person_jobcentre_index\` on \`mediation\` (\`person_jobcentre\`);`);
    this.addSql(`create unique index \`mediation_job_order_id_person_id_unique\` on \`mediation\` (\`job_order_id\`, \`person_id\`);`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`kind\` text not null, \`person_id\` text null, \`entity_type\` text null, \`entity_id\` text null, \`authorities\` json not null, \`occurred_at\` datetime not null, \`payload\` json not null, \`schema_version\` integer not null default 1, \`stream_position\` bigint null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`outbox_event_id_unique\` on \`outbox_event\` (\`id\`);`);
    this.addSql(`create unique index \`outbox_event_stream_position_unique\` on \`outbox_event\` (\`stream_position\`);`);
    this.addSql(`create index \`outbox_event_published_at_stream_position_index\` on \`outbox_event\` (\`published_at\`, \`stream_position\`);`);

    this.addSql(`create table \`recruitment_collaboration\` (\`id\` text not null, \`name\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`version\` integer not null default 1, primary key (\`id\`));`);
    this.addSql(`create unique index \`recruitment_collaboration_name_unique\` on \`recruitment_collaboration\` (\`name\`);`);

    this.addSql(`create table \`stream_state\` (\`name\` text not null, \`last_position\` bigint not null default 0, primary key (\`name\`));`);
  }

}
