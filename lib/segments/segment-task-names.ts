// Worker task names, apart so the store can wake the worker without importing the tasks.
export const SEGMENTS_COMPUTE_TASK = "segments-compute";
export const SEGMENTS_TIMERS_TASK = "segments-timers";
