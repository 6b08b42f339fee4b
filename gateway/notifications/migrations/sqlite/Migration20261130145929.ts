import { Migration } from '@mikro-orm/migrations';

export class Migration20261130145929 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table \`delivery\` (\`id\` text not null, \`subscription_id\` text not null, \`role\` text not null, \`authority\` text not null, \`sequence\` bigint not null, \`kind\` text not null, \`order_key\` text not null, \`status\` text not null, \`attempts\` integer not null, \`first_failed_at\` datetime null, \`next_attempt_at\` bigint not null, \`last_error\` text null, \`delivered_at\` datetime null, \`claimed_by\` text null, \`claimed_until\` bigint null, primary key (\`id\`));`);
    this.addSql(`create index \`delivery_status_next_attempt_at_index\` on \`delivery\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create index \`delivery_subscription_id_order_key_sequence_index\` on \`delivery\` (\`subscription_id\`, \`order_key\`, \`sequence\`);`);
    this.addSql(`create unique index \`delivery_subscription_id_sequence_unique\` on \`delivery\` (\`subscription_id\`, \`sequence\`);`);

    this.addSql(`create table \`delivery_subscription\` (\`id\` text not null, \`role\` text not null, \`authority\` text not null, \`subject\` text not null, \`endpoint\` text not null, \`secret\` text not null, \`query\` text not null, \`follow_up\` text not null, \`paused\` integer not null, \`recorded_up_to\` bigint not null, \`declared_at\` datetime not null, primary key (\`id\`));`);
    this.addSql(`create index \`delivery_subscription_role_authority_index\` on \`delivery_subscription\` (\`role\`, \`authority\`);`);
  }

}
