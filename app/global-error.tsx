"use client";

import "./globals.css";
import { PageError } from "@/components/errors/page-error";

// The root layout itself failed: the same page, in its own document.
export default function GlobalError(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <html lang="en">
      <body className="bg-slate-50">
        <PageError {...props} />
      </body>
    </html>
  );
}
