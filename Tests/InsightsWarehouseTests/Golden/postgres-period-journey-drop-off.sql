-- parameters: period_from, period_to, blank, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt),
steps AS (
  SELECT s.i, s.journey_id, s.label, COUNT(*) AS amount
  FROM (
    SELECT p.i AS i, r."journey_id" AS journey_id, COALESCE(NULLIF(BTRIM(r."last_step", CAST($3 AS text)), ''), '(unknown)') AS label
    FROM "helpline"."journey_runs" r CROSS JOIN periods p
    WHERE r."started_at" >= CAST($4 AS timestamptz) AND r."started_at" < CAST($5 AS timestamptz) AND r."started_at" >= p.lo AND r."started_at" < p.hi AND r."ended_at" < p.hi AND r."outcome" IN ('expired', 'interrupted')
  ) s
  GROUP BY s.i, s.journey_id, s.label
),
ranked AS (
  SELECT p.i, p.journey_id, p.label, p.amount, 0 AS total,
    ROW_NUMBER() OVER (PARTITION BY p.i, p.journey_id ORDER BY p.amount DESC, p.label COLLATE "C") AS nth
  FROM steps p
)
SELECT k.i, k.journey_id, k.place, MIN(k.label), SUM(k.amount)
FROM (
  SELECT t.i, t.journey_id, t.amount, t.total,
    CASE WHEN t.nth <= 5 THEN t.nth ELSE 6 END AS place,
    CASE WHEN t.nth <= 5 THEN t.label END AS label
  FROM ranked t
) k
GROUP BY k.i, k.journey_id, k.place
ORDER BY k.i, k.journey_id, k.place
