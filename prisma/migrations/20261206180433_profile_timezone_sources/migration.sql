-- A profile's timezone has two sources, kept apart so that each follows its
-- own calls by event time (lib/journey-core/profile-merge.ts, rule 4):
-- traits.timezone (when valid) and the device's context.timezone.
-- `timezone` stays what journeys read: traitTimezone, else contextTimezone.

-- AlterTable
ALTER TABLE "profiles" ADD COLUMN     "contextTimezone" TEXT,
ADD COLUMN     "traitTimezone" TEXT;

-- Existing profiles: a timezone that spells traits.timezone came from it,
-- any other from a device. Every profile keeps the timezone it has.
UPDATE "profiles" SET
  "traitTimezone" = CASE WHEN lower("traits" ->> 'timezone') = lower("timezone") THEN "timezone" END,
  "contextTimezone" = CASE WHEN lower("traits" ->> 'timezone') = lower("timezone") THEN NULL ELSE "timezone" END
WHERE "timezone" IS NOT NULL;

-- A blank traits.email is no address (rule 3).
UPDATE "profiles" SET "email" = NULL WHERE btrim("email") = '';
