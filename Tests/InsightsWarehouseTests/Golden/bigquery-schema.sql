CREATE TABLE `project.helpline.contacts` (
  `contact_id` STRING NOT NULL,
  `phone` STRING,
  `country` STRING,
  `created_at` TIMESTAMP,
  `opted_in_at` TIMESTAMP,
  `opted_out_at` TIMESTAMP,
  `fields` JSON
);

CREATE TABLE `project.helpline.messages` (
  `message_id` STRING NOT NULL,
  `contact_id` STRING NOT NULL,
  `direction` STRING NOT NULL,
  `timestamp` TIMESTAMP NOT NULL,
  `author_type` STRING,
  `author_id` STRING,
  `author_name` STRING
);

CREATE TABLE `project.helpline.message_statuses` (
  `message_id` STRING NOT NULL,
  `status` STRING NOT NULL,
  `timestamp` TIMESTAMP NOT NULL,
  `error` STRING
);

CREATE TABLE `project.helpline.conversation_events` (
  `contact_id` STRING NOT NULL,
  `event` STRING NOT NULL,
  `timestamp` TIMESTAMP NOT NULL,
  `actor_id` STRING,
  `actor_name` STRING,
  `seq` INT64
);

CREATE TABLE `project.helpline.goals` (
  `goal_id` STRING NOT NULL,
  `name` STRING NOT NULL,
  `description` STRING,
  `position` INT64
);

CREATE TABLE `project.helpline.behaviours` (
  `behaviour_id` STRING NOT NULL,
  `goal_id` STRING NOT NULL,
  `name` STRING NOT NULL,
  `position` INT64
);

CREATE TABLE `project.helpline.goal_events` (
  `contact_id` STRING NOT NULL,
  `goal_id` STRING NOT NULL,
  `behaviour_id` STRING,
  `event` STRING NOT NULL,
  `timestamp` TIMESTAMP NOT NULL
);

CREATE TABLE `project.helpline.journey_runs` (
  `run_id` STRING NOT NULL,
  `contact_id` STRING NOT NULL,
  `journey_id` STRING NOT NULL,
  `journey_name` STRING,
  `started_at` TIMESTAMP NOT NULL,
  `ended_at` TIMESTAMP,
  `outcome` STRING,
  `last_step` STRING
);

CREATE TABLE `project.helpline.journey_results` (
  `contact_id` STRING NOT NULL,
  `journey_id` STRING NOT NULL,
  `run_id` STRING,
  `question` STRING NOT NULL,
  `answer` STRING NOT NULL,
  `timestamp` TIMESTAMP NOT NULL,
  `seq` INT64
);
