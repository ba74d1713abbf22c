SELECT CAST(EXTRACT(EPOCH FROM MIN(m."timestamp")) * 1000000 AS bigint), CAST(EXTRACT(EPOCH FROM MAX(m."timestamp")) * 1000000 AS bigint)
FROM "helpline"."messages" m
