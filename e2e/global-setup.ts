import { assertLocalDatabase } from "./assert-local-database";

export default function globalSetup() {
  assertLocalDatabase(process.env.DATABASE_URL);
}
