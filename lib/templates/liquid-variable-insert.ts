// Text handling behind the message editor's Liquid variable autocomplete.

/** The `{{ partial` right before the caret, if the caret is inside an open output tag. */
export function liquidQueryAt(text: string, caret: number): { start: number; text: string } | null {
  const match = /\{\{-?\s*([A-Za-z0-9_.]*)$/.exec(text.slice(0, caret));
  return match ? { start: caret - match[1].length, text: match[1] } : null;
}

/**
 * The text with the partial replaced by the variable, closing the tag if it is
 * not closed yet. The variable always sits between single spaces inside the
 * tag (`{{ profile.email }}`), whether or not the member typed them.
 */
export function insertVariable(
  text: string,
  query: { start: number },
  caret: number,
  variable: string,
): { text: string; caret: number } {
  const before = text.slice(0, query.start);
  const after = text.slice(caret);
  const closed = /^\s*[A-Za-z0-9_.]*\s*(\||-?\}\})/.test(after);
  const openSpace = /\{\{-?$/.test(before) ? " " : "";
  let rest: string;
  if (closed) {
    const tail = after.replace(/^[A-Za-z0-9_.]*/, "");
    rest = /^\s/.test(tail) ? tail : ` ${tail}`;
  } else {
    rest = ` }}${after}`;
  }
  const head = before + openSpace + variable;
  return { text: head + rest, caret: head.length + (closed ? 0 : 3) };
}
