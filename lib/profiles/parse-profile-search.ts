// The Users search box, parsed (pure). A query is free text plus any number
// of `key:value` terms:
//
//   ann                     → profile id, userId, anonymousId, email or any top-level trait value contains "ann"
//   plan:pro                → trait `plan` equals "pro" (case-insensitive; numbers and booleans compare as text)
//   company.name:"Acme Inc" → nested trait path, quoted value with spaces
//   email:ann@x.com         → the profile's email (contains)
//   userId:u_42 / anonymousId:a_1 / id:<uuid> → that identity or profile id, exactly
//
// Everything that is not a `key:value` term is joined back into one free-text
// phrase, so `Ann Lee` searches for "Ann Lee", not "Ann" or "Lee".

export type SearchTerm =
  | { kind: "email"; value: string }
  | { kind: "userId"; value: string }
  | { kind: "anonymousId"; value: string }
  | { kind: "profileId"; value: string }
  | { kind: "trait"; path: string[]; value: string };

export interface ParsedProfileSearch {
  /** Free text, trimmed; "" when the query holds only key:value terms. */
  text: string;
  terms: SearchTerm[];
}

const MAX_TERMS = 10;

// key:value, key:"quoted value". Keys are trait paths (letters, digits, _ - $ and dots).
const TERM = /(?:^|\s)([A-Za-z_$][\w$-]*(?:\.[\w$-]+)*):(?:"([^"]*)"|(\S+))/g;

export function parseProfileSearch(query: string): ParsedProfileSearch {
  const terms: SearchTerm[] = [];
  const text = query
    .replace(TERM, (match, key: string, quoted: string | undefined, bare: string | undefined) => {
      const value = (quoted ?? bare ?? "").trim();
      // A URL ("https://…") or a time ("10:30") is text, not a term.
      if (value === "" || value.startsWith("//") || terms.length >= MAX_TERMS) return match;
      terms.push(toTerm(key, value));
      return " ";
    })
    .replace(/\s+/g, " ")
    .trim();
  return { text, terms };
}

function toTerm(key: string, value: string): SearchTerm {
  switch (key) {
    case "email":
      return { kind: "email", value };
    case "userId":
    case "user_id":
      return { kind: "userId", value };
    case "anonymousId":
    case "anonymous_id":
      return { kind: "anonymousId", value };
    case "id":
    case "profileId":
      return { kind: "profileId", value };
    default:
      return { kind: "trait", path: key.split("."), value };
  }
}

/** `%`, `_` and `\` taken literally inside an ILIKE pattern. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
