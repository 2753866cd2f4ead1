"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { type ReactNode, useState } from "react";
import { z } from "zod";
import { makeQueryClient } from "@/lib/query/make-query-client";

// In the browser, zod must not probe for eval (`Function("")`): the CSP
// forbids it (proxy.ts), and the probe is reported as a violation. The
// server keeps zod's compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  return (
    <SessionProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </SessionProvider>
  );
}
