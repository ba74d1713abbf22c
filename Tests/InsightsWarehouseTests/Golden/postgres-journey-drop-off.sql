-- parameters: blank, from, to
WITH steps AS (
  SELECT s.journey_id, s.label, COUNT(*) AS amount
  FROM (
    SELECT r."journey_id" AS journey_id, COALESCE(NULLIF(BTRIM(r."last_step", CAST($1 AS text)), ''), '(unknown)') AS label
    FROM "helpline"."journey_runs" r
    WHERE r."started_at" >= CAST($2 AS timestamptz) AND r."started_at" < CAST($3 AS timestamptz) AND r."ended_at" < CAST($3 AS timestamptz) AND r."outcome" IN ('expired', 'interrupted')
  ) s
  GROUP BY s.journey_id, s.label
),
ranked AS (
  SELECT p.journey_id, p.label, p.amount, 0 AS total,
    ROW_NUMBER() OVER (PARTITION BY p.journey_id ORDER BY p.amount DESC, p.label COLLATE "C") AS nth
  FROM steps p
)
SELECT k.journey_id, k.place, MIN(k.label), SUM(k.amount)
FROM (
  SELECT t.journey_id, t.amount, t.total,
    CASE WHEN t.nth <= 5 THEN t.nth ELSE 6 END AS place,
    CASE WHEN t.nth <= 5 THEN t.label END AS label
  FROM ranked t
) k
GROUP BY k.journey_id, k.place
ORDER BY k.journey_id, k.place
