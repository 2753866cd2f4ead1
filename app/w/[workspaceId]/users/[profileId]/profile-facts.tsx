import type { ReactNode } from "react";
import { JsonBlock } from "@/components/data/json-block";
import { LocalTime } from "@/components/data/local-time";
import type { ProfileDetail } from "@/lib/profiles/profile-types";

// The right-hand column of a profile: details, traits, identities, groups.

function Card({ title, children, count }: { title: string; children: ReactNode; count?: number }) {
  const id = `facts-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white">
      <h2
        id={id}
        className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5 text-sm font-semibold text-slate-900"
      >
        {title}
        {count !== undefined ? (
          <span className="text-xs font-normal text-slate-500">{count}</span>
        ) : null}
      </h2>
      <div className="px-4 py-3">{children}</div>
    </section>
  );
}

const Mono = ({ children }: { children: ReactNode }) => (
  <span className="font-mono text-xs break-all text-slate-800">{children}</span>
);
const None = ({ children = "—" }: { children?: ReactNode }) => (
  <span className="text-slate-500">{children}</span>
);

export function ProfileFacts({ profile }: { profile: ProfileDetail }) {
  const traits = isObject(profile.traits) ? Object.entries(profile.traits) : [];
  return (
    <div className="space-y-4">
      <Card title="Details">
        <dl className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
          <dt className="text-slate-500">User ID</dt>
          <dd>{profile.userId ? <Mono>{profile.userId}</Mono> : <None>anonymous</None>}</dd>
          <dt className="text-slate-500">Email</dt>
          <dd className="[overflow-wrap:anywhere]">{profile.email ?? <None />}</dd>
          <dt className="text-slate-500">Email status</dt>
          <dd>
            {profile.unsubscribedAt ? (
              <span className="text-amber-800">
                Unsubscribed <LocalTime iso={profile.unsubscribedAt} style="relative" />
              </span>
            ) : (
              <span className="text-emerald-700">Subscribed</span>
            )}
          </dd>
          <dt className="text-slate-500">Time zone</dt>
          <dd>{profile.timezone ?? <None>unknown</None>}</dd>
          <dt className="text-slate-500">First seen</dt>
          <dd>
            <LocalTime iso={profile.firstSeenAt} />
          </dd>
          <dt className="text-slate-500">Last seen</dt>
          <dd>
            <LocalTime iso={profile.lastSeenAt} />
          </dd>
          <dt className="text-slate-500">Profile ID</dt>
          <dd>
            <Mono>{profile.id}</Mono>
          </dd>
        </dl>
      </Card>

      <Card title="Traits" count={traits.length}>
        {traits.length === 0 ? (
          <p className="text-sm text-slate-500">
            No traits yet. An <code>identify</code> call with <code>traits</code> sets them.
          </p>
        ) : (
          <dl className="divide-y divide-slate-100 text-sm">
            {traits.map(([key, value]) => (
              <div key={key} className="grid grid-cols-[6rem_minmax(0,1fr)] gap-x-3 py-1.5">
                <dt className="truncate font-mono text-xs leading-5 text-slate-500" title={key}>
                  {key}
                </dt>
                <dd className="min-w-0 [overflow-wrap:anywhere]">
                  {value !== null && typeof value === "object" ? (
                    <JsonBlock value={value} label={`Trait ${key}`} className="max-h-40 p-2" />
                  ) : value === null ? (
                    <None>null</None>
                  ) : typeof value === "string" ? (
                    value
                  ) : (
                    <Mono>{String(value)}</Mono>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </Card>

      <Card title="Identities" count={profile.identities.length}>
        <ul className="space-y-1.5 text-sm">
          {profile.identities.map((identity) => (
            <li key={`${identity.kind}:${identity.value}`} className="flex items-baseline gap-2">
              <span className="w-24 shrink-0 text-xs text-slate-500">{identity.kind}</span>
              <Mono>{identity.value}</Mono>
            </li>
          ))}
        </ul>
      </Card>

      <Card title="Groups" count={profile.groups.length}>
        {profile.groups.length === 0 ? (
          <p className="text-sm text-slate-500">
            Not in any group. A <code>group</code> call with a <code>groupId</code> adds the user to
            an account or team.
          </p>
        ) : (
          <ul className="space-y-3">
            {profile.groups.map((group) => (
              <li key={group.groupId} className="text-sm">
                <div className="flex items-baseline justify-between gap-2">
                  <Mono>{group.groupId}</Mono>
                  <span className="text-xs text-slate-500">
                    joined <LocalTime iso={group.joinedAt} style="relative" />
                  </span>
                </div>
                {isObject(group.traits) && Object.keys(group.traits).length > 0 ? (
                  <JsonBlock
                    value={group.traits}
                    label={`Traits of group ${group.groupId}`}
                    className="mt-1 max-h-40 p-2"
                  />
                ) : (
                  <p className="text-xs text-slate-500">no group traits</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
