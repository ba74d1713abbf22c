SELECT b."goal_id", b."behaviour_id", b."name" FROM "helpline"."behaviours" b
ORDER BY CASE WHEN b."position" IS NULL THEN 1 ELSE 0 END, b."position", b."behaviour_id" COLLATE "C"
