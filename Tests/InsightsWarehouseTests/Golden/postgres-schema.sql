CREATE TABLE "helpline"."contacts" (
  "contact_id" text NOT NULL,
  "phone" text,
  "country" text,
  "created_at" timestamptz,
  "opted_in_at" timestamptz,
  "opted_out_at" timestamptz,
  "fields" jsonb
);

CREATE TABLE "helpline"."messages" (
  "message_id" text NOT NULL,
  "contact_id" text NOT NULL,
  "direction" text NOT NULL,
  "timestamp" timestamptz NOT NULL,
  "author_type" text,
  "author_id" text,
  "author_name" text
);

CREATE TABLE "helpline"."message_statuses" (
  "message_id" text NOT NULL,
  "status" text NOT NULL,
  "timestamp" timestamptz NOT NULL,
  "error" text
);

CREATE TABLE "helpline"."conversation_events" (
  "contact_id" text NOT NULL,
  "event" text NOT NULL,
  "timestamp" timestamptz NOT NULL,
  "actor_id" text,
  "actor_name" text,
  "seq" bigint
);

CREATE TABLE "helpline"."goals" (
  "goal_id" text NOT NULL,
  "name" text NOT NULL,
  "description" text,
  "position" bigint
);

CREATE TABLE "helpline"."behaviours" (
  "behaviour_id" text NOT NULL,
  "goal_id" text NOT NULL,
  "name" text NOT NULL,
  "position" bigint
);

CREATE TABLE "helpline"."goal_events" (
  "contact_id" text NOT NULL,
  "goal_id" text NOT NULL,
  "behaviour_id" text,
  "event" text NOT NULL,
  "timestamp" timestamptz NOT NULL
);

CREATE TABLE "helpline"."journey_runs" (
  "run_id" text NOT NULL,
  "contact_id" text NOT NULL,
  "journey_id" text NOT NULL,
  "journey_name" text,
  "started_at" timestamptz NOT NULL,
  "ended_at" timestamptz,
  "outcome" text,
  "last_step" text
);

CREATE TABLE "helpline"."journey_results" (
  "contact_id" text NOT NULL,
  "journey_id" text NOT NULL,
  "run_id" text,
  "question" text NOT NULL,
  "answer" text NOT NULL,
  "timestamp" timestamptz NOT NULL,
  "seq" bigint
);
