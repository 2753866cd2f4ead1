const { url, writeKey } = JSON.parse(process.env.L!);
const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
let n = 0;
const t0 = performance.now();
await Promise.all(Array.from({ length: 16 }, async () => {
  for (let i = 0; i < 100; i++) {
    const r = await fetch(url + "/api/v1/track", { method: "POST", headers: { "content-type": "application/json", authorization: auth }, body: JSON.stringify({ userId: `load-${n++ % 3000}`, event: "Load", properties: { i } }) });
    await r.text();
  }
}));
console.log("1600 /track with 16 concurrent:", ((performance.now() - t0) / 1000).toFixed(1), "s =", (1600 / ((performance.now() - t0) / 1000)).toFixed(0), "req/s");
