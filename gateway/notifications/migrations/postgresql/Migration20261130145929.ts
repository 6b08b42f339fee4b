import { Migration } from '@mikro-orm/migrations';

export class Migration20261130145929 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "delivery" ("id" varchar(36) not null, "subscription_id" varchar(36) not null, "role" varchar(16) not null, "authority" varchar(8) not null, "sequence" bigint not null, "kind" varchar(100) not null, "order_key" varchar(200) not null, "status" varchar(10) not null, "attempts" int not null, "first_failed_at" timestamptz null, "next_attempt_at" bigint not null, "last_error" varchar(500) null, "delivered_at" timestamptz null, "claimed_by" varchar(64) null, "claimed_until" bigint null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_status_next_attempt_at_index" on "delivery" ("status", "next_attempt_at");`);
    this.addSql(`create index "delivery_subscription_id_order_key_sequence_index" on "delivery" ("subscription_id", "order_key", "sequence");`);
    this.addSql(`alter table "delivery" add constraint "delivery_subscription_id_sequence_unique" unique ("subscription_id", "sequence");`);

    this.addSql(`create table "delivery_subscription" ("id" varchar(36) not null, "role" varchar(16) not null, "authority" varchar(8) not null, "subject" varchar(200) not null, "endpoint" varchar(2000) not null, "secret" varchar(200) not null, "query" text not null, "follow_up" text not null, "paused" boolean not null, "recorded_up_to" bigint not null, "declared_at" timestamptz not null, constraint "delivery_subscription_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_subscription_role_authority_index" on "delivery_subscription" ("role", "authority");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "delivery" cascade;`);

    this.addSql(`drop table if exists "delivery_subscription" cascade;`);
  }

}
