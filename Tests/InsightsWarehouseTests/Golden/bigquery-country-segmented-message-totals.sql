SELECT COUNT(CASE WHEN m.`direction` = 'inbound' THEN 1 END),
  COUNT(CASE WHEN m.`direction` = 'outbound' THEN 1 END),
  COUNT(DISTINCT CASE WHEN m.`direction` = 'inbound' THEN m.`contact_id` END)
FROM (SELECT * FROM `project.helpline.messages` segment_rows WHERE `contact_id` IN (SELECT sk.`contact_id` FROM `project.helpline.contacts` sk WHERE sk.`contact_id` IN (SELECT sr.contact FROM (SELECT rc.`contact_id` AS contact, COALESCE(UPPER(NULLIF(rc.`country`, '')), rp.region, 'ZZ') AS region
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
) rp ON rp.contact = rc.`contact_id`) sr WHERE sr.region = @segment_region_0) AND JSON_VALUE(sk.`fields`, @segment_field_1) IN (@segment_value_1_0))) m WHERE m.`timestamp` >= @from AND m.`timestamp` < @to
