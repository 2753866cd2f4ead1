const { url, writeKey } = JSON.parse(process.env.L!);
const mode = process.env.MODE!;
const auth = `Basic ${Buffer.from(`${writeKey}:`).toString("base64")}`;
let n = 0;
const N = mode === "batch" ? 100 : 1000;
const t0 = performance.now();
await Promise.all(Array.from({ length: 8 }, async () => {
  for (let i = 0; i < N / 8; i++) {
    const k = n++;
    const body = mode === "batch"
      ? { batch: Array.from({ length: 100 }, (_, j) => ({ type: "track", userId: `load-${(k * 100 + j) % 3000}`, event: "Load", properties: { j, sku: "x", price: 1.5 }, context: { library: { name: "x" } } })) }
      : { userId: `load-${k % 3000}`, event: "Load", properties: { i } };
    const r = await fetch(url + (mode === "batch" ? "/api/v1/batch" : "/api/v1/track"), { method: "POST", headers: { "content-type": "application/json", authorization: auth }, body: JSON.stringify(body) });
    await r.text();
  }
}));
console.log(mode, N, "requests in", ((performance.now() - t0) / 1000).toFixed(1), "s");
