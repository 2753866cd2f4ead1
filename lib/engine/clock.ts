// The engine never reads the wall clock directly: every task takes a clock,
// so tests drive timers, windows and quiet hours on a fake one and never sleep.

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
