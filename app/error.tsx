"use client";

import { PageError } from "@/components/errors/page-error";

// Rendering a page (or the workspace layout) failed: see PageError.
export default function ErrorPage(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <PageError {...props} />;
}
