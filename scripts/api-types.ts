// npm run api:types – writes the TypeScript types openapi-typescript
// generates from the public API's OpenAPI document (lib/api/openapi) to
// lib/api/generated/cue-api.ts. The file is committed: clients import it,
// `npm run typecheck` checks it, and scripts/api-types.test.ts fails when it
// is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { cueOpenApi } from "@/lib/api/openapi/openapi-document";

const root = path.resolve(import.meta.dirname, "..");
export const API_TYPES = path.join(root, "lib/api/generated/cue-api.ts");

const HEADER =
  "// Generated from the OpenAPI document by `npm run api:types` (openapi-typescript). Do not edit.\n";

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(structuredClone(cueOpenApi()) as unknown as OpenAPI3, {
    alphabetize: true,
    // A field with a default may be left out of a request.
    defaultNonNullable: false,
  });
  return `${HEADER}${astToString(ast)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  writeFileSync(API_TYPES, await generateApiTypes());
  console.log(`Wrote ${path.relative(root, API_TYPES)}`);
}
