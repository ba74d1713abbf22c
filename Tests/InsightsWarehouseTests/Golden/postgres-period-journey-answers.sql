-- parameters: period_from, period_to, from, to, blank
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt),
started AS (
  SELECT DISTINCT p.i AS i, r."journey_id" AS journey_id
  FROM "helpline"."journey_runs" r CROSS JOIN periods p WHERE r."started_at" >= CAST($3 AS timestamptz) AND r."started_at" < CAST($4 AS timestamptz) AND r."started_at" >= p.lo AND r."started_at" < p.hi
),
newest AS (
  SELECT a.i, a.journey_id, a.question, a.label
  FROM (
    SELECT p.i AS i, x."journey_id" AS journey_id, x."question" AS question, BTRIM(x."answer", CAST($5 AS text)) AS label,
      ROW_NUMBER() OVER (
        PARTITION BY p.i, x."journey_id", x."question", x."contact_id"
        ORDER BY x."timestamp" DESC, CASE WHEN x."seq" IS NULL THEN 1 ELSE 0 END DESC, x."seq" DESC, BTRIM(x."answer", CAST($5 AS text)) COLLATE "C" DESC
      ) AS newest
    FROM "helpline"."journey_results" x
      JOIN started j ON j.journey_id = x."journey_id"
      JOIN periods p ON p.i = j.i
    WHERE x."timestamp" >= CAST($3 AS timestamptz) AND x."timestamp" < CAST($4 AS timestamptz) AND x."timestamp" >= p.lo AND x."timestamp" < p.hi
  ) a
  WHERE a.newest = 1
),
counted AS (
  SELECT n.i, n.journey_id, n.question, n.label, COUNT(*) AS amount
  FROM newest n GROUP BY n.i, n.journey_id, n.question, n.label
),
ranked AS (
  SELECT c.i, c.journey_id, c.question, c.label, c.amount,
    SUM(c.amount) OVER (PARTITION BY c.i, c.journey_id, c.question) AS total,
    ROW_NUMBER() OVER (
      PARTITION BY c.i, c.journey_id, c.question ORDER BY c.amount DESC, c.label COLLATE "C"
    ) AS nth
  FROM counted c
)
SELECT k.i, k.journey_id, k.question, k.place, MIN(k.label), SUM(k.amount), MIN(k.total)
FROM (
  SELECT t.i, t.journey_id, t.question, t.amount, t.total,
    CASE WHEN t.nth <= 10 THEN t.nth ELSE 11 END AS place,
    CASE WHEN t.nth <= 10 THEN t.label END AS label
  FROM ranked t
) k
GROUP BY k.i, k.journey_id, k.question, k.place
ORDER BY k.i, k.journey_id, k.question, k.place
