SELECT g."goal_id", g."name" FROM "helpline"."goals" g
ORDER BY CASE WHEN g."position" IS NULL THEN 1 ELSE 0 END, g."position", g."goal_id" COLLATE "C"
