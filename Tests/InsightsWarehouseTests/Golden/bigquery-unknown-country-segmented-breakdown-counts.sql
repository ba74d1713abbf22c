WITH facts AS (
  SELECT m.`contact_id` AS contact, COUNT(*) AS received, 0 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) m
    WHERE m.`direction` = 'inbound' AND m.`timestamp` >= @from AND m.`timestamp` < @to
    GROUP BY m.`contact_id`
  UNION ALL
  SELECT f.contact AS contact, 0 AS received, 1 AS new_user, 0 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT n.`contact_id` AS contact, MIN(n.`timestamp`) AS first_at FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) n
      WHERE n.`direction` = 'inbound' GROUP BY n.`contact_id`) f
    WHERE f.first_at >= @from AND f.first_at < @to
  UNION ALL
  SELECT g.`contact_id` AS contact, 0 AS received, 0 AS new_user, 1 AS completer, 0 AS journeys, 0 AS reached
    FROM (SELECT * FROM `project.helpline.goal_events` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) g
    WHERE g.`event` = 'completed' AND g.`timestamp` >= @from AND g.`timestamp` < @to
    GROUP BY g.`contact_id`
  UNION ALL
  SELECT r.`contact_id` AS contact, 0 AS received, 0 AS new_user, 0 AS completer, COUNT(*) AS journeys, 0 AS reached
    FROM (SELECT * FROM `project.helpline.journey_runs` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) r
    WHERE r.`outcome` = 'completed' AND r.`started_at` >= @from AND r.`started_at` < @to
      AND r.`ended_at` IS NOT NULL AND r.`ended_at` < @to
    GROUP BY r.`contact_id`
),
per_contact AS (
  SELECT a.contact, SUM(a.received) AS received, MAX(a.new_user) AS new_user, MAX(a.completer) AS completer,
    SUM(a.journeys) AS journeys, MAX(a.reached) AS reached
  FROM facts a GROUP BY a.contact
),
vals AS (
  SELECT x.contact, x.value
  FROM (
    SELECT r.contact AS contact, r.region AS value FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM (SELECT * FROM `project.helpline.contacts` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM (SELECT * FROM `project.helpline.contacts` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) r
    UNION ALL
    SELECT s.contact AS contact, 'ZZ' AS value FROM (SELECT u.contact
    FROM (
      SELECT u0.`contact_id` AS contact FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) u0
      UNION DISTINCT
      SELECT u1.`contact_id` AS contact FROM (SELECT * FROM `project.helpline.conversation_events` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) u1
      UNION DISTINCT
      SELECT u2.`contact_id` AS contact FROM (SELECT * FROM `project.helpline.goal_events` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) u2
      UNION DISTINCT
      SELECT u3.`contact_id` AS contact FROM (SELECT * FROM `project.helpline.journey_runs` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) u3
      UNION DISTINCT
      SELECT u4.`contact_id` AS contact FROM (SELECT * FROM `project.helpline.journey_results` segment_rows WHERE `contact_id` NOT IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
FROM `project.helpline.contacts` rc LEFT JOIN (
  SELECT rl.contact, rl.region
  FROM (
    SELECT ri.contact, rt.region, ROW_NUMBER() OVER (PARTITION BY ri.contact ORDER BY rs.n DESC) AS longest
    FROM (
      SELECT DISTINCT rn.contact,
        CASE WHEN NOT rn.plus AND SUBSTR(rn.digits, 1, 2) = '00' THEN SUBSTR(rn.digits, 3) ELSE rn.digits END AS digits
      FROM (
        SELECT rk.`contact_id` AS contact, REGEXP_CONTAINS(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '^[^0-9+]*[+]') AS plus,
          REGEXP_REPLACE(TRANSLATE(rk.`phone`, @digit_sources, @digit_targets), '[^0-9]', '') AS digits
        FROM `project.helpline.contacts` rk WHERE UPPER(NULLIF(rk.`country`, '')) IS NULL
      ) rn
    ) ri
    CROSS JOIN (SELECT n FROM UNNEST(GENERATE_ARRAY(1, @max_prefix_length)) AS n) AS rs
    JOIN (SELECT element AS prefix, @phone_min_lengths[OFFSET(element_offset)] AS min_length, @phone_max_lengths[OFFSET(element_offset)] AS max_length, @phone_regions[OFFSET(element_offset)] AS region FROM UNNEST(@phone_prefixes) AS element WITH OFFSET AS element_offset) AS rt ON rt.prefix = SUBSTR(ri.digits, 1, rs.n)
    WHERE rs.n <= LENGTH(ri.digits) AND LENGTH(ri.digits) >= rt.min_length AND LENGTH(ri.digits) <= rt.max_length
  ) rl
  WHERE rl.longest = 1
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region <> 'ZZ' AND sr.contact IS NOT NULL)) u4
    ) u
    WHERE u.contact IS NOT NULL AND u.contact NOT IN (SELECT sc.`contact_id` FROM `project.helpline.contacts` sc WHERE sc.`contact_id` IS NOT NULL)) s
  ) x
  WHERE x.value IS NOT NULL
)
SELECT v.value, COUNT(*), 0, 0, 0, 0, 0, 0 FROM vals v GROUP BY v.value
UNION ALL
SELECT v.value, 0, COUNT(CASE WHEN p.received > 0 THEN 1 END), SUM(p.new_user), SUM(p.received), SUM(p.completer),
  SUM(p.journeys), SUM(p.reached)
FROM per_contact p LEFT JOIN vals v ON v.contact = p.contact
GROUP BY v.value
