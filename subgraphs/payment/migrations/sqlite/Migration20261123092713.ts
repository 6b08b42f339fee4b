import { Migration } from '@mikro-orm/migrations';

export class Migration20261123092713 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`akasse_membership\` (\`id\` text not null, \`person_id\` text not null, \`akasse\` text not null, \`start\` text not null, \`end\` text null, \`registered_by\` text not null, \`ended_by\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`akasse_membership_person_id_start_index\` on \`akasse_membership\` (\`person_id\`, \`start\`);`);

    this.addSql(`create table \`consumer_offset\` (\`consumer\` text not null, \`stream\` text not null, \`last_position\` bigint not null default 0, primary key (\`consumer\`, \`stream\`));`);

    this.addSql(`create table \`eea_benefit_period\` (\`payment_id\` text not null, \`person_id\` text not null, \`country\` text not null, \`start\` text not null, \`end\` text not null, \`interruption_date\` text null, \`interruption_cause_id\` integer null, \`reported_by\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`payment_id\`));`);
    this.addSql(`create index \`eea_benefit_period_person_id_start_index\` on \`eea_benefit_period\` (\`person_id\`, \`start\`);`);

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
