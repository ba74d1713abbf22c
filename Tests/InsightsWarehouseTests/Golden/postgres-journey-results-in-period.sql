-- parameters: from, to
SELECT COUNT(*)
FROM (
  SELECT DISTINCT x."contact_id", x."journey_id", COALESCE(x."run_id", '') AS run_id,
    x."question", x."answer", x."timestamp"
  FROM "helpline"."journey_results" x
  WHERE x."timestamp" >= CAST($1 AS timestamptz) AND x."timestamp" < CAST($2 AS timestamptz)
) d
