WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt),
steps AS (
  SELECT s.i, s.journey_id, s.label, COUNT(*) AS amount
  FROM (
    SELECT p.i AS i, r.`journey_id` AS journey_id, COALESCE(NULLIF(TRIM(r.`last_step`, @blank), ''), '(unknown)') AS label
    FROM `project.helpline.journey_runs` r CROSS JOIN periods p
    WHERE r.`started_at` >= @from AND r.`started_at` < @to AND r.`started_at` >= p.lo AND r.`started_at` < p.hi AND r.`ended_at` < p.hi AND r.`outcome` IN ('expired', 'interrupted')
  ) s
  GROUP BY s.i, s.journey_id, s.label
),
ranked AS (
  SELECT p.i, p.journey_id, p.label, p.amount, 0 AS total,
    ROW_NUMBER() OVER (PARTITION BY p.i, p.journey_id ORDER BY p.amount DESC, p.label) AS nth
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
