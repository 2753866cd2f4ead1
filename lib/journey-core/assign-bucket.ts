// Deterministic assignment for holdouts and random splits: the same profile
// in the same journey (and split node) always lands in the same bucket, on
// any process, in a backtest and in preview, with no stored coin flip.
//
// FNV-1a over the UTF-8 bytes, then MurmurHash3's final mix: FNV-1a alone
// has weak low bits for similar keys (UUIDs differing in one character), and
// the mix spreads them so shares come out within sampling error.

const encoder = new TextEncoder();

export function fnv1a32(input: string): number {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(input)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable number in [0, 1) for the given parts (NUL-joined, so ("ab","c") ≠ ("a","bc")). */
export function hashToUnit(...parts: string[]): number {
  return mix32(fnv1a32(parts.join("\u0000"))) / 2 ** 32;
}

export function isInHoldout(profileId: string, journeyId: string, holdoutPercent: number): boolean {
  return hashToUnit(profileId, journeyId, "holdout") * 100 < holdoutPercent;
}

/** Picks a variant by weight (weights total 100; a 0-weight variant is never picked). */
export function assignVariant<V extends { key: string; weight: number }>(
  profileId: string,
  journeyId: string,
  nodeId: string,
  variants: readonly V[],
): V {
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  const point = hashToUnit(profileId, journeyId, nodeId) * total;
  let upTo = 0;
  for (const variant of variants) {
    upTo += variant.weight;
    if (point < upTo) return variant;
  }
  // Only reachable when every weight is 0 (a draft); the first variant is as good as any.
  return variants[0];
}
