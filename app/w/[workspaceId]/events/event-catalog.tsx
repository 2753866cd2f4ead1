// Server-rendered on every visit to the tab, so a name sent a moment ago is
// listed (a client cache could still hold the list from before it arrived).
import Link from "next/link";
import { LocalTime } from "@/components/data/local-time";
import { EmptyState } from "@/components/ui/empty-state";
import type { Catalog } from "@/lib/events/list-catalog";

export function EventCatalog({ workspaceId, catalog }: { workspaceId: string; catalog: Catalog }) {
  if (catalog.events.length === 0) {
    return (
      <EmptyState
        title="No event names yet"
        action={
          <Link
            href={`/w/${workspaceId}/settings/sources`}
            className="inline-flex rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Send a track call
          </Link>
        }
      >
        Each <code>track</code> call adds its event name and property keys here (page and screen
        calls are listed as “page” and “screen”). Journeys pick their triggers and conditions from
        this list.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {catalog.events.length} event {catalog.events.length === 1 ? "name" : "names"} seen so far,
        with the type of each property’s latest value. The journey builder offers these.
        {catalog.truncated ? " Only the 1,000 most recently seen are listed." : ""}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">Event catalog</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500 uppercase">
            <tr>
              <th scope="col" className="w-64 px-4 py-2.5">
                Event
              </th>
              <th scope="col" className="px-4 py-2.5">
                Properties
              </th>
              <th scope="col" className="w-24 px-4 py-2.5 text-right">
                Count
              </th>
              <th scope="col" className="w-32 px-4 py-2.5">
                Last seen
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {catalog.events.map((entry) => (
              <tr key={entry.name} className="hover:bg-slate-50">
                <td className="px-4 py-2.5 align-top">
                  <Link
                    href={`/w/${workspaceId}/events?${catalogFilter(entry.name)}`}
                    className="block truncate font-mono text-xs font-medium text-brand-700 hover:underline"
                    title={`Show “${entry.name}” events`}
                  >
                    {entry.name}
                  </Link>
                </td>
                <td className="px-4 py-2.5 align-top">
                  {entry.properties.length === 0 ? (
                    <span className="text-xs text-slate-400">no properties</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1">
                      {entry.properties.map((property) => (
                        <li
                          key={property.key}
                          className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-700"
                        >
                          {property.key}
                          <span className="text-slate-400">: {property.type}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="px-4 py-2.5 text-right align-top tabular-nums">
                  {entry.count.toLocaleString("en-US")}
                </td>
                <td className="px-4 py-2.5 align-top text-slate-600">
                  <LocalTime iso={entry.lastSeenAt} style="relative" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The live view's filter for a catalog entry: page and screen calls are catalogued by type. */
function catalogFilter(name: string): string {
  if (name === "page" || name === "screen") return `type=${name}`;
  return `name=${encodeURIComponent(name)}`;
}
