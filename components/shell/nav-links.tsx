"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { slug: "", label: "Home" },
  { slug: "journeys", label: "Journeys" },
  { slug: "messages", label: "Messages" },
  { slug: "users", label: "Users" },
  { slug: "segments", label: "Segments" },
  { slug: "events", label: "Events" },
  { slug: "analytics", label: "Analytics" },
  { slug: "settings", label: "Settings" },
] as const;

export function NavLinks({ workspaceId }: { workspaceId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {SECTIONS.map(({ slug, label }) => {
        const href = slug ? `/w/${workspaceId}/${slug}` : `/w/${workspaceId}`;
        // Home is the workspace's own path: only that page, not every page under it.
        const active = pathname === href || (slug !== "" && pathname.startsWith(`${href}/`));
        return (
          <Link
            key={label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${
              active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
            }`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
