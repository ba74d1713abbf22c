WITH newest AS (
  SELECT a.journey_id, a.question, a.label
  FROM (
    SELECT x.`journey_id` AS journey_id, x.`question` AS question, TRIM(x.`answer`, @blank) AS label,
      ROW_NUMBER() OVER (
        PARTITION BY x.`journey_id`, x.`question`, x.`contact_id`
        ORDER BY x.`timestamp` DESC, CASE WHEN x.`seq` IS NULL THEN 1 ELSE 0 END DESC, x.`seq` DESC, TRIM(x.`answer`, @blank) DESC
      ) AS newest
    FROM `project.helpline.journey_results` x
    WHERE x.`timestamp` >= @from AND x.`timestamp` < @to
      AND x.`journey_id` IN (SELECT r.`journey_id` FROM `project.helpline.journey_runs` r WHERE r.`started_at` >= @from AND r.`started_at` < @to)
  ) a
  WHERE a.newest = 1
),
counted AS (
  SELECT n.journey_id, n.question, n.label, COUNT(*) AS amount FROM newest n GROUP BY n.journey_id, n.question, n.label
),
ranked AS (
  SELECT c.journey_id, c.question, c.label, c.amount,
    SUM(c.amount) OVER (PARTITION BY c.journey_id, c.question) AS total,
    ROW_NUMBER() OVER (PARTITION BY c.journey_id, c.question ORDER BY c.amount DESC, c.label) AS nth
  FROM counted c
)
SELECT k.journey_id, k.question, k.place, MIN(k.label), SUM(k.amount), MIN(k.total)
FROM (
  SELECT t.journey_id, t.question, t.amount, t.total,
    CASE WHEN t.nth <= 10 THEN t.nth ELSE 11 END AS place,
    CASE WHEN t.nth <= 10 THEN t.label END AS label
  FROM ranked t
) k
GROUP BY k.journey_id, k.question, k.place
ORDER BY k.journey_id, k.question, k.place
