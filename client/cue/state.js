// The one widget per page: its options (cfg) and live state (st), null until
// Cue.init. Other modules read them; only init and destroy replace them.

export let cfg = null;
export let st = null;

export function setConfig(next) {
  cfg = next;
}

export function setState(next) {
  st = next;
}
