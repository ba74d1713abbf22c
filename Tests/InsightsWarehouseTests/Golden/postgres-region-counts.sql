-- parameters: digit_sources, digit_targets, max_prefix_length, phone_prefixes, phone_min_lengths, phone_max_lengths, phone_regions
SELECT p.region, COUNT(*)
FROM (
  SELECT r.region AS region FROM (SELECT rc."contact_id" AS contact, COALESCE(UPPER(NULLIF(rc."country", '')), rp.region, 'ZZ') AS region
FROM "helpline"."contacts" rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk."contact_id" AS contact, (TRANSLATE(rk."phone", CAST($1 AS text), CAST($2 AS text)) ~ '^[^0-9+]*[+]') AS plus,
          regexp_replace(TRANSLATE(rk."phone", CAST($1 AS text), CAST($2 AS text)), '[^0-9]', '', 'g') AS digits
        FROM "helpline"."contacts" rk WHERE UPPER(NULLIF(rk."country", '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN generate_series(1, CAST($3 AS integer)) AS rs(n)
    JOIN unnest(CAST($4 AS text[]), CAST($5 AS bigint[]), CAST($6 AS bigint[]), CAST($7 AS text[])) AS rt(prefix, min_length, max_length, region) ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc."contact_id") r
  UNION ALL
  SELECT 'ZZ' AS region FROM (SELECT u.contact
    FROM (
      SELECT u0."contact_id" AS contact FROM "helpline"."messages" u0
      UNION DISTINCT
      SELECT u1."contact_id" AS contact FROM "helpline"."conversation_events" u1
      UNION DISTINCT
      SELECT u2."contact_id" AS contact FROM "helpline"."goal_events" u2
      UNION DISTINCT
      SELECT u3."contact_id" AS contact FROM "helpline"."journey_runs" u3
      UNION DISTINCT
      SELECT u4."contact_id" AS contact FROM "helpline"."journey_results" u4
    ) u
    WHERE u.contact IS NOT NULL AND u.contact NOT IN (SELECT sc."contact_id" FROM "helpline"."contacts" sc WHERE sc."contact_id" IS NOT NULL)) s
) p
GROUP BY p.region
