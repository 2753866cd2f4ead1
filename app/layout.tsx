import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: { default: "Cue", template: "%s · Cue" },
  description: "Behavior-triggered messaging: journeys, email and an in-app inbox.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next can only put the request's CSP nonce
  // (proxy.ts) on the inline scripts of a page it renders then.
  await connection();
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
