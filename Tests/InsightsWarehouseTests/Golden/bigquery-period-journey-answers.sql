WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt),
started AS (
  SELECT DISTINCT p.i AS i, r.`journey_id` AS journey_id
  FROM `project.helpline.journey_runs` r CROSS JOIN periods p WHERE r.`started_at` >= @from AND r.`started_at` < @to AND r.`started_at` >= p.lo AND r.`started_at` < p.hi
),
newest AS (
  SELECT a.i, a.journey_id, a.question, a.label
  FROM (
    SELECT p.i AS i, x.`journey_id` AS journey_id, x.`question` AS question, TRIM(x.`answer`, @blank) AS label,
      ROW_NUMBER() OVER (
        PARTITION BY p.i, x.`journey_id`, x.`question`, x.`contact_id`
        ORDER BY x.`timestamp` DESC, CASE WHEN x.`seq` IS NULL THEN 1 ELSE 0 END DESC, x.`seq` DESC, TRIM(x.`answer`, @blank) DESC
      ) AS newest
    FROM `project.helpline.journey_results` x
      JOIN started j ON j.journey_id = x.`journey_id`
      JOIN periods p ON p.i = j.i
    WHERE x.`timestamp` >= @from AND x.`timestamp` < @to AND x.`timestamp` >= p.lo AND x.`timestamp` < p.hi
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
      PARTITION BY c.i, c.journey_id, c.question ORDER BY c.amount DESC, c.label
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
