import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { disconnectPrisma } from "@/lib/db/client";

// Each test file gets its own database cloned from the migrated template.
// The name carries the worker's pid so a later run can drop leftovers.
const adminUrl = inject("adminUrl");
const templateDb = inject("templateDb");
const database = `cue_t_${process.pid}_${randomBytes(4).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}" TEMPLATE "${templateDb}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.TEST_ADMIN_URL = adminUrl;

afterAll(async () => {
  await disconnectPrisma();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
});
