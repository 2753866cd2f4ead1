// bench:ingest settings, from the environment (see scripts/bench-ingest.ts).
import { randomUUID } from "node:crypto";
import { envNumber as env } from "./env-number";

export const CUE_URL = (process.env.CUE_URL ?? "http://localhost:3000").replace(/\/$/, "");
export const WRITE_KEY = process.env.CUE_WRITE_KEY ?? "";
export const DATABASE_URL = process.env.DATABASE_URL ?? "";
export const SECONDS = env("BENCH_SECONDS", 15);
export const CONNECTIONS = env("BENCH_CONNECTIONS", 4);
export const BATCH_SIZE = env("BENCH_BATCH_SIZE", 100);
export const USERS = env("BENCH_USERS", 5_000);
export const SINGLE_RPS = env("BENCH_SINGLE_RPS", 200);
export const SINGLE_SECONDS = env("BENCH_SINGLE_SECONDS", 10);
export const WARMUP_SECONDS = 3;

export const TARGETS = { eventsPerSecond: 10_000, fractionOfCeiling: 0.5, singleP99Ms: 50 };

export const AUTH = `Basic ${Buffer.from(`${WRITE_KEY}:`).toString("base64")}`;
export const runId = randomUUID().slice(0, 8);

export const PLANS = ["free", "pro", "team", "enterprise"];
export const EVENTS = ["Product Viewed", "Added to Cart", "Checkout Started", "Order Completed"];
