import { Migration } from '@mikro-orm/migrations';

export class Migration20261123082034 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`activity\` (\`id\` text not null, \`person_id\` text not null, \`frame_id\` integer null, \`category_id\` integer not null, \`start\` text not null, \`end\` text null, \`hours_per_week\` double null, \`status\` text not null, \`ending_cause_id\` integer null, \`registered_by_role\` text not null, \`registered_by_authority\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`activity_person_id_index\` on \`activity\` (\`person_id\`);`);

    this.addSql(`create table \`consumer_offset\` (\`consumer\` text not null, \`stream\` text not null, \`last_position\` bigint not null default 0, primary key (\`consumer\`, \`stream\`));`);

    this.addSql(`create table \`known_person\` (\`id\` text not null, \`cpr\` text not null, \`municipality_code\` text not null, \`contact_group_id\` integer null, \`contact_group_start\` text null, \`akasser\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`known_person_cpr_unique\` on \`known_person\` (\`cpr\`);`);
    this.addSql(`create index \`known_person_municipality_code_index\` on \`known_person\` (\`municipality_code\`);`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`kind\` text not null, \`person_id\` text null, \`entity_type\` text null, \`entity_id\` text null, \`authorities\` json not null, \`occurred_at\` datetime not null, \`payload\` json not null, \`schema_version\` integer not null default 1, \`stream_position\` bigint null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`outbox_event_id_unique\` on \`outbox_event\` (\`id\`);`);
    this.addSql(`create unique index \`outbox_event_stream_position_unique\` on \`outbox_event\` (\`stream_position\`);`);
    this.addSql(`create index \`outbox_event_published_at_stream_position_index\` on \`outbox_event\` (\`published_at\`, \`stream_position\`);`);

    this.addSql(`create table \`person_category\` (\`person_id\` text not null, \`category\` text null, \`changed_at\` datetime not null, primary key (\`person_id\`));`);

    this.addSql(`create table \`plan_version\` (\`id\` text not null, \`person_id\` text not null, \`version\` integer not null, \`change_codes\` json not null, \`job_search_requirements\` json null, \`goals\` json null, \`activities\` json not null, \`activity_id\` text null, \`created_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`plan_version_person_id_version_unique\` on \`plan_version\` (\`person_id\`, \`version\`);`);

    this.addSql(`create table \`stream_state\` (\`name\` text not null, \`last_position\` bigint not null default 0, primary key (\`name\`));`);
  }

}
