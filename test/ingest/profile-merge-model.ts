import {
  applyProfileCall,
  emptyProfileValue,
  mergeProfileValues,
  type ProfileCallType,
  type ProfileValue,
} from "@/lib/journey-core/profile-merge";

// The reference the parity test holds ingestion to: each request's calls
// resolved to profiles by the identity rules (lib/ingest/plan-identities.ts,
// restated here from its header), then applied with the core's pure merge.
//
// A request is applied as ingestion applies a batch: calls whose messageId
// is already stored, or repeats one earlier in the request, change nothing;
// the rest are taken in event-time order (equal times in request order).
// Identities are resolved call by call; the stored profiles that fold into
// another are merged first (mergeProfileValues, in the order they were
// folded); then every call is applied to the profile it ended up on.

export interface ModelCall {
  type: ProfileCallType;
  messageId: string;
  userId?: string;
  anonymousId?: string;
  previousId?: string;
  groupId?: string;
  traits?: Record<string, unknown>;
  context?: Record<string, unknown>;
  /** Event time, as ingestion stored it. */
  at: Date;
}

export interface ModelProfile {
  userId: string | null;
  /** `kind:value`. */
  identities: Set<string>;
  value: ProfileValue;
  /**
   * A merge met two writes of a key (or two device reports) at the same
   * millisecond: the survivor's won, where a replay of the stored events
   * would take the one that arrived later.
   */
  tiedMerge: boolean;
}

export class ProfileModel {
  private readonly profiles = new Map<number, ModelProfile>();
  private readonly owner = new Map<string, number>();
  private readonly stored = new Set<string>();
  private nextId = 0;

  all(): ModelProfile[] {
    return [...this.profiles.values()];
  }

  applyRequest(calls: readonly ModelCall[]): void {
    const seen = new Set<string>();
    const fresh = calls
      .map((call, index) => ({ call, index }))
      .filter(({ call }) => {
        if (seen.has(call.messageId) || this.stored.has(call.messageId)) return false;
        seen.add(call.messageId);
        return true;
      })
      .sort((a, b) => a.call.at.getTime() - b.call.at.getTime() || a.index - b.index);
    for (const { call } of fresh) this.stored.add(call.messageId);

    const storedBefore = new Set(this.profiles.keys());
    const mergedInto = new Map<number, number>();
    const final = (id: number): number => {
      let current = id;
      while (mergedInto.has(current)) current = mergedInto.get(current) as number;
      return current;
    };
    const find = (kind: "userId" | "anonymousId", value: string | undefined) => {
      if (value === undefined) return undefined;
      const id = this.owner.get(`${kind}:${value}`);
      return id === undefined ? undefined : final(id);
    };
    const attach = (kind: "userId" | "anonymousId", value: string, id: number) => {
      this.owner.set(`${kind}:${value}`, id);
      this.profile(id).identities.add(`${kind}:${value}`);
    };
    const create = (userId: string | null): number => {
      const id = this.nextId++;
      this.profiles.set(id, {
        userId,
        identities: new Set(),
        value: emptyProfileValue(),
        tiedMerge: false,
      });
      if (userId !== null) attach("userId", userId, id);
      return id;
    };
    const merges: { from: number; into: number }[] = [];
    const merge = (from: number, into: number) => {
      mergedInto.set(from, into);
      merges.push({ from, into });
    };

    const targets: number[] = [];
    for (const { call } of fresh) {
      const { userId, anonymousId } = call;
      let target: number;
      if (call.type === "alias" && userId !== undefined && call.previousId !== undefined) {
        target = find("userId", userId) ?? create(userId);
        const previous = find("userId", call.previousId) ?? find("anonymousId", call.previousId);
        if (previous === undefined) attach("anonymousId", call.previousId, target);
        else if (previous !== target) merge(previous, target);
      } else if (userId !== undefined && anonymousId !== undefined) {
        const known = find("userId", userId);
        const anonymous = find("anonymousId", anonymousId);
        if (known !== undefined && anonymous !== undefined) {
          // A device already tied to someone else stays theirs.
          if (known !== anonymous && this.profile(anonymous).userId === null)
            merge(anonymous, known);
          target = known;
        } else if (known !== undefined) {
          attach("anonymousId", anonymousId, known);
          target = known;
        } else if (anonymous !== undefined && this.profile(anonymous).userId === null) {
          this.profile(anonymous).userId = userId;
          attach("userId", userId, anonymous);
          target = anonymous;
        } else {
          target = create(userId);
          if (anonymous === undefined) attach("anonymousId", anonymousId, target);
        }
      } else if (userId !== undefined) {
        target = find("userId", userId) ?? create(userId);
      } else if (anonymousId !== undefined) {
        target = find("anonymousId", anonymousId) ?? create(null);
        if (!this.owner.has(`anonymousId:${anonymousId}`))
          attach("anonymousId", anonymousId, target);
      } else {
        throw new Error(`call ${call.messageId} has no identity`);
      }
      targets.push(target);
    }

    // Fold merged profiles into their survivors: identities move, stored
    // values merge in the order the profiles were folded.
    for (const { from } of merges) {
      const into = final(from);
      const absorbed = this.profile(from);
      const survivor = this.profile(into);
      for (const identity of absorbed.identities) {
        survivor.identities.add(identity);
        this.owner.set(identity, into);
      }
      if (storedBefore.has(from)) {
        survivor.tiedMerge ||= absorbed.tiedMerge || ties(survivor.value, absorbed.value);
        survivor.value = mergeProfileValues(survivor.value, absorbed.value);
      }
      this.profiles.delete(from);
    }

    fresh.forEach(({ call }, i) => {
      const profile = this.profile(final(targets[i]));
      profile.value = applyProfileCall(profile.value, {
        type: call.type,
        at: call.at,
        traits: call.traits,
        contextTimezone: call.context?.timezone,
        groupId: call.groupId,
      });
    });
  }

  private profile(id: number): ModelProfile {
    const profile = this.profiles.get(id);
    if (!profile) throw new Error(`no model profile ${id}`);
    return profile;
  }
}

function ties(a: ProfileValue, b: ProfileValue): boolean {
  const sameKey = Object.keys(b.traitTimes).some((key) => a.traitTimes[key] === b.traitTimes[key]);
  return sameKey || (a.contextTimezoneAt !== null && a.contextTimezoneAt === b.contextTimezoneAt);
}
