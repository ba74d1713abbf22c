SELECT COUNT(*) FROM (SELECT 1 AS one FROM "helpline"."message_statuses" s LIMIT 1) x
