import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  databaseUnavailableReason,
  isDatabaseUnavailable,
  isTransientDbError,
} from "./postgres-errors";

function pgError(code: string, message = "boom"): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = code;
  error.severity = "FATAL";
  return error;
}

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), {
    code,
    syscall: "connect",
    errno: -111,
    address: "127.0.0.1",
    port: 5432,
  });
}

function prismaError(code: string, cause?: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError("Invalid invocation", {
    code,
    clientVersion: "7",
    meta: cause ? { driverAdapterError: { name: "DriverAdapterError", cause } } : undefined,
  });
}

describe("databaseUnavailableReason", () => {
  it.each([
    [
      "ECONNREFUSED",
      socketError("ECONNREFUSED"),
      /connection refused \(ECONNREFUSED 127\.0\.0\.1:5432\)/,
    ],
    ["ECONNRESET", socketError("ECONNRESET"), /connection reset/],
    [
      "57P01 admin_shutdown",
      pgError("57P01", "terminating connection due to administrator command"),
      /57P01/,
    ],
    ["57P02 crash_shutdown", pgError("57P02"), /57P02/],
    ["57P03 cannot_connect_now", pgError("57P03", "the database system is starting up"), /57P03/],
    ["08006 connection_failure", pgError("08006", "connection failure"), /08006/],
    ["08P01 protocol_violation", pgError("08P01"), /08P01/],
    ["pool timeout", new Error("timeout exceeded when trying to connect"), /timed out waiting/],
    ["lost mid-query", new Error("Connection terminated unexpectedly"), /connection terminated/],
    ["Prisma P1001", prismaError("P1001", { kind: "DatabaseNotReachable" }), /connection refused/],
    ["Prisma ConnectionClosed", prismaError("P2010", { kind: "ConnectionClosed" }), /reset/],
    ["Prisma P2024 pool timeout", prismaError("P2024"), /P2024/],
    [
      "Prisma raw 57P01",
      prismaError("P2010", { kind: "postgres", originalCode: "57P01" }),
      /57P01/,
    ],
    [
      "AggregateError (every address refused)",
      Object.assign(new AggregateError([socketError("ECONNREFUSED")], ""), {
        code: "ECONNREFUSED",
      }),
      /connection refused/,
    ],
    [
      "a wrapped cause",
      new Error("query failed", { cause: socketError("ECONNREFUSED") }),
      /refused/,
    ],
  ])("%s is unavailable, with a reason naming it", (_name, error, reason) => {
    expect(databaseUnavailableReason(error)).toMatch(reason);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isTransientDbError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", pgError("23505", "duplicate key")],
    ["a syntax error", pgError("42601")],
    ["a deadlock (transient, but the server is there)", pgError("40P01")],
    ["a Prisma not-found", prismaError("P2025")],
    ["a plain bug", new TypeError("x is undefined")],
    ["a string", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s is not", (_name, error) => {
    expect(databaseUnavailableReason(error)).toBeNull();
  });
});
