// The worker task's name, on its own so the API can NOTIFY without loading the runner.
export const BACKTEST_TASK = "backtests";
