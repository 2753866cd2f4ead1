// SQL between two schema *texts*, computed by the schema engine without a
// database. Diffing from a live database fails on PostgreSQL 18 ("Column type
// 'char'"), and the engine's own createMigration needs a shadow database, so
// neither is used.
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import { NO_FILTERS, withEngine } from "./schema-engine";

/**
 * The wasm engine connects through its adapter as soon as it is constructed
 * and runs exactly one probe (schema exists? server version?). A diff between
 * two datamodels never touches the database, so this adapter answers the probe
 * and refuses everything else. That keeps `db:migration` offline: no database
 * has to be started just to write a file.
 */
class OfflineAdapter implements SqlDriverAdapter {
  readonly provider = "postgres";
  readonly adapterName = "cue-offline";

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    if (query.sql.includes("server_version_num")) {
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0 (offline, schema diff only)", 150000]],
      };
    }
    return this.refuse(query.sql);
  }
  executeRaw(query: SqlQuery): Promise<number> {
    return this.refuse(query.sql);
  }
  executeScript(script: string): Promise<void> {
    return this.refuse(script);
  }
  startTransaction(): Promise<never> {
    return this.refuse("BEGIN");
  }
  async dispose(): Promise<void> {}

  private async refuse(sql: string): Promise<never> {
    throw new Error(
      `Schema diff unexpectedly needed a database (engine ran: ${sql.slice(0, 120)})`,
    );
  }
}

const offlineFactory: SqlMigrationAwareDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "cue-offline",
  connect: async () => new OfflineAdapter(),
  connectToShadowDb: async () => new OfflineAdapter(),
};

function datamodel(text: string) {
  return { tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content: text }] };
}

/** Returns the SQL, or null when the two schemas need no migration. */
export async function diffOrNull(
  fromSchemaText: string | null,
  toSchemaText: string,
): Promise<string | null> {
  const result = await withEngine(offlineFactory, (engine) =>
    engine.diff({
      from: fromSchemaText === null ? { tag: "empty" } : datamodel(fromSchemaText),
      to: datamodel(toSchemaText),
      script: true,
      // With exitCode set the engine reports 2 for a non-empty diff, 0 for none.
      exitCode: true,
      filters: NO_FILTERS,
    }),
  );
  const sql = result.stdout ?? "";
  if (result.exitCode !== 2) return null;
  return fromSchemaText === null ? withoutPublicSchemaCreation(sql) : sql;
}

/**
 * Diffing from "empty" makes the engine create the `public` schema, which a
 * real PostgreSQL database always has (and `prisma migrate dev`, diffing from
 * a shadow database, never emits). CREATE SCHEMA IF NOT EXISTS still demands
 * CREATE privilege on the database, which an application role often lacks.
 */
function withoutPublicSchemaCreation(sql: string): string {
  return sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
}
