import { Migration } from '@mikro-orm/migrations';

export class Migration20261130121321 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`scheduled_effect\` (\`id\` text not null, \`kind\` text not null, \`person_id\` text null, \`entity_type\` text not null, \`entity_id\` text not null, \`effective_on\` text not null, \`payload\` json not null, \`recorded_at\` datetime not null, \`effected_at\` datetime null, \`cancelled_at\` datetime null, primary key (\`id\`));`);
    this.addSql(`create index \`scheduled_effect_effective_on_index\` on \`scheduled_effect\` (\`effective_on\`);`);
    this.addSql(`create index \`scheduled_effect_entity_type_entity_id_index\` on \`scheduled_effect\` (\`entity_type\`, \`entity_id\`);`);

    this.addSql(`alter table \`outbox_event\` add column \`effective_date\` text null;`);
  }

}
