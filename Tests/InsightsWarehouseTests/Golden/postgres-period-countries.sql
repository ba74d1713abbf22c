-- parameters: period_from, period_to, from, to, digit_sources, digit_targets, max_prefix_length, phone_prefixes, phone_min_lengths, phone_max_lengths, phone_regions
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt),
period_active AS (
  SELECT DISTINCT p.i AS i, m."contact_id" AS contact
  FROM "helpline"."messages" m CROSS JOIN periods p
  WHERE m."direction" = 'inbound' AND m."timestamp" >= CAST($3 AS timestamptz) AND m."timestamp" < CAST($4 AS timestamptz) AND m."timestamp" >= p.lo AND m."timestamp" < p.hi
),
active AS (SELECT DISTINCT a.contact FROM period_active a),
numbers AS (
  SELECT a.contact, UPPER(NULLIF(k."country", '')) AS country,
    TRANSLATE(k."phone", CAST($5 AS text), CAST($6 AS text)) AS phone
  FROM active a LEFT JOIN "helpline"."contacts" k ON k."contact_id" = a.contact
),
digits AS (
  SELECT n.contact, n.country, (n.phone ~ '^[^0-9+]*[+]') AS plus,
    regexp_replace(n.phone, '[^0-9]', '', 'g') AS digits
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
  CROSS JOIN generate_series(1, CAST($7 AS integer)) AS s(n)
  JOIN unnest(CAST($8 AS text[]), CAST($9 AS bigint[]), CAST($10 AS bigint[]), CAST($11 AS text[])) AS t(prefix, min_length, max_length, region) ON t.prefix = SUBSTR(i.digits, 1, s.n)
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
