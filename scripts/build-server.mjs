// Bundles the server (src/server/main.ts) into dist/server/main.js for `npm start`.
// Dependencies stay external (resolved from node_modules at run time); the server finds its
// migrations, reference data and the built web app by walking up to package.json.
import { build } from "esbuild";

await build({
  entryPoints: ["src/server/main.ts"],
  outfile: "dist/server/main.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  banner: {
    js: 'import { createRequire as __maillageCreateRequire } from "node:module"; const require = __maillageCreateRequire(import.meta.url);',
  },
});
