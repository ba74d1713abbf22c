SELECT UNIX_MICROS(MIN(m.`timestamp`)), UNIX_MICROS(MAX(m.`timestamp`))
FROM `project.helpline.messages` m
