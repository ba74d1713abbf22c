-- parameters: period_from, period_to, from, to
WITH periods AS (SELECT * FROM (SELECT CAST(q.n AS bigint) - 1 AS i, q.lo, q.hi FROM unnest(CAST($1 AS timestamptz[]), CAST($2 AS timestamptz[])) WITH ORDINALITY AS q(lo, hi, n)) AS pt)
SELECT a.i, a.author_type, a.author_id, a.group_name, COUNT(*)
FROM (
  SELECT p.i AS i, m."author_type" AS author_type, m."author_id" AS author_id,
    CASE WHEN m."author_id" IS NULL THEN m."author_name" END AS group_name
  FROM "helpline"."messages" m CROSS JOIN periods p
  WHERE m."direction" = 'outbound' AND m."timestamp" >= CAST($3 AS timestamptz) AND m."timestamp" < CAST($4 AS timestamptz) AND m."timestamp" >= p.lo AND m."timestamp" < p.hi
) a
GROUP BY a.i, a.author_type, a.author_id, a.group_name
