import { Migration } from '@mikro-orm/migrations';

export class Migration20261123061836 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`consumer_offset\` (\`consumer\` text not null, \`stream\` text not null, \`last_position\` bigint not null default 0, primary key (\`consumer\`, \`stream\`));`);

    this.addSql(`create table \`contact_group_registration\` (\`id\` text not null, \`person_id\` text not null, \`contact_group_id\` integer not null, \`start\` text not null, \`end\` text null, \`recovery_cause_id\` integer null, \`registered_by\` text not null, \`created_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`contact_group_registration_person_id_start_index\` on \`contact_group_registration\` (\`person_id\`, \`start\`);`);
    this.addSql(`create unique index "contact_group_registration_one_open" on "contact_group_registration" ("person_id") where "end" is null;`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`kind\` text not null, \`person_id\` text null, \`entity_type\` text null, \`entity_id\` text null, \`authorities\` json not null, \`occurred_at\` datetime not null, \`payload\` json not null, \`schema_version\` integer not null default 1, \`stream_position\` bigint null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`outbox_event_id_unique\` on \`outbox_event\` (\`id\`);`);
    this.addSql(`create unique index \`outbox_event_stream_position_unique\` on \`outbox_event\` (\`stream_position\`);`);
    this.addSql(`create index \`outbox_event_published_at_stream_position_index\` on \`outbox_event\` (\`published_at\`, \`stream_position\`);`);

    this.addSql(`create table \`person\` (\`id\` text not null, \`cpr\` text not null, \`name\` text not null, \`municipality_code\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`person_cpr_unique\` on \`person\` (\`cpr\`);`);
    this.addSql(`create index \`person_municipality_code_index\` on \`person\` (\`municipality_code\`);`);

    this.addSql(`create table \`stream_state\` (\`name\` text not null, \`last_position\` bigint not null default 0, primary key (\`name\`));`);
  }

}
