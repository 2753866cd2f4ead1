/** Ends a `switch` over a union: adding a variant makes every unhandled switch a type error. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled variant: ${JSON.stringify(value)}`);
}
