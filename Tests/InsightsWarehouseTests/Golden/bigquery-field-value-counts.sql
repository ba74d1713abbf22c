SELECT v.value, COUNT(*)
FROM (SELECT JSON_VALUE(k.`fields`, @field_key) AS value FROM `project.helpline.contacts` k) v
WHERE v.value IS NOT NULL
GROUP BY v.value
