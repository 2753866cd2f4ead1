import bcrypt from "bcryptjs";

// bcrypt with cost 11 (~100 ms here): slow enough to resist offline guessing,
// fast enough for sign-in. bcryptjs is pure JS, so no native build step.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
