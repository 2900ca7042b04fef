-- Events written before the audit log stored the actor's name: keep the name the actor has now, the best record
-- there is. From here on every event stores its actor's name at write time, and the log never reads User.name.
UPDATE "AuditEvent" AS e
SET "actorName" = u."name"
FROM "User" AS u
WHERE e."actorUserId" = u."id" AND e."actorName" IS NULL;
