import { Migration } from '@mikro-orm/migrations';

export class Migration20261123081621 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`absence\` (\`id\` text not null, \`person_id\` text not null, \`type_id\` integer not null, \`start\` text not null, \`end\` text null, \`status\` text not null default 'ACTIVE', \`status_since\` text null, \`registered_by_role\` text not null, \`registered_by_authority\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deleted_at\` datetime null, \`deleted_by_authority\` text null, \`deletion_comment\` text null, primary key (\`id\`));`);
    this.addSql(`create index \`absence_person_id_start_index\` on \`absence\` (\`person_id\`, \`start\`);`);

    this.addSql(`create table \`consumer_offset\` (\`consumer\` text not null, \`stream\` text not null, \`last_position\` bigint not null default 0, primary key (\`consumer\`, \`stream\`));`);

    this.addSql(`create table \`known_person\` (\`id\` text not null, \`cpr\` text not null, \`municipality_code\` text not null, \`contact_group_id\` integer null, \`contact_group_start\` text null, \`akasser\` json not null, primary key (\`id\`));`);
    this.addSql(`create unique index \`known_person_cpr_unique\` on \`known_person\` (\`cpr\`);`);
    this.addSql(`create index \`known_person_municipality_code_index\` on \`known_person\` (\`municipality_code\`);`);

    this.addSql(`create table \`outbox_event\` (\`seq\` integer not null primary key autoincrement, \`id\` text not null, \`kind\` text not null, \`person_id\` text null, \`entity_type\` text null, \`entity_id\` text null, \`authorities\` json not null, \`occurred_at\` datetime not null, \`payload\` json not null, \`schema_version\` integer not null default 1, \`stream_position\` bigint null, \`published_at\` datetime null);`);
    this.addSql(`create unique index \`outbox_event_id_unique\` on \`outbox_event\` (\`id\`);`);
    this.addSql(`create unique index \`outbox_event_stream_position_unique\` on \`outbox_event\` (\`stream_position\`);`);
    this.addSql(`create index \`outbox_event_published_at_stream_position_index\` on \`outbox_event\` (\`published_at\`, \`stream_position\`);`);

    this.addSql(`create table \`stream_state\` (\`name\` text not null, \`last_position\` bigint not null default 0, primary key (\`name\`));`);
  }

}
