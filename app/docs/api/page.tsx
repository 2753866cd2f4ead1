// /docs/api – the API reference, rendered from /api/v1/openapi.json (public, like the document)
import type { Metadata } from "next";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  return <ApiReference specUrl="/api/v1/openapi.json" />;
}
