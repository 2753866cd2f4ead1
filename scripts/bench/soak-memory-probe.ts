// bench:soak's probe, preloaded (`--import`) into the web and worker
// processes it starts: every 2 s it sends the process's memory to the bench
// over the IPC channel. The timer and the channel are unref'd, so the probe
// never keeps a process alive that would otherwise exit.
const send = process.send?.bind(process);
if (send) {
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    send({ soakMemory: { rss, heapUsed, heapTotal, external, at: Date.now() } });
  }, 2_000);
  timer.unref();
  process.channel?.unref();
}
