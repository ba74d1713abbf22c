WITH periods AS (SELECT * FROM (SELECT q_offset AS i, TIMESTAMP_MICROS(q) AS lo, TIMESTAMP_MICROS(@period_to[OFFSET(q_offset)]) AS hi FROM UNNEST(@period_from) AS q WITH OFFSET AS q_offset) AS pt),
period_active AS (
  SELECT DISTINCT p.i AS i, m.`contact_id` AS contact
  FROM `project.helpline.messages` m CROSS JOIN periods p
  WHERE m.`direction` = 'inbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to AND m.`timestamp` >= p.lo AND m.`timestamp` < p.hi
),
active AS (SELECT DISTINCT a.contact FROM period_active a),
numbers AS (
  SELECT a.contact, UPPER(NULLIF(k.`country`, '')) AS country,
    TRANSLATE(k.`phone`, @digit_sources, @digit_targets) AS phone
  FROM active a LEFT JOIN `project.helpline.contacts` k ON k.`contact_id` = a.contact
),
digits AS (
  SELECT n.contact, n.country, REGEXP_CONTAINS(n.phone, '^[^0-9+]*[+]') AS plus,
    REGEXP_REPLACE(n.phone, '[^0-9]', '') AS digits
  FROM numbers n
),
international AS (
  SELECT d.contact, d.country,
    CASE WHEN NOT d.plus AND SUBSTR(d.digits, 1, 2) = '00' THEN SUBSTR(d.digits, 3) ELSE d.digits END AS digits
  FROM digits d
),
placed AS (
  SELECT i.contact, t.region, ROW_NUMBER() OVER (PARTITION BY i.contact ORDER BY s.n DESC) AS longest
  FROM international i
  CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS s
  JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS t ON t.prefix = SUBSTR(i.digits, 1, s.n)
  WHERE i.country IS NULL AND s.n <= LENGTH(i.digits)
    AND LENGTH(i.digits) >= t.min_length AND LENGTH(i.digits) <= t.max_length
)
SELECT c.i, c.region, COUNT(DISTINCT c.contact)
FROM (
  SELECT a.i, a.contact, COALESCE(r.region, 'ZZ') AS region
  FROM period_active a LEFT JOIN (
    SELECT i.contact, COALESCE(i.country, p.region, 'ZZ') AS region
    FROM international i LEFT JOIN placed p ON p.contact = i.contact AND p.longest = 1
  ) r ON r.contact = a.contact
) c
GROUP BY c.i, c.region
