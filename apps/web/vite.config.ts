import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const apiTarget = "http://127.0.0.1:3000";

/** Vite config for the Goalpost web app: the dev server proxies the API to the local server on :3000. */
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks: app releases don't invalidate the cached framework code.
        codeSplitting: {
          groups: [
            // A group also captures the dependencies of what it matches, so the shared framework groups must
            // outrank `charts`: otherwise @mantine/charts drags Mantine and React into the charts chunk and
            // the entry imports it statically (found by bench:web).
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie)[\\/]/,
              priority: 5,
            },
            { name: "mantine", test: /node_modules[\\/]@mantine[\\/](?!charts)/, priority: 4 },
            // Charts (recharts, d3) are only needed by the key result and objective pages, loaded lazily.
            {
              name: "charts",
              test: /node_modules[\\/](@mantine[\\/]charts|recharts|d3-[a-z-]+|victory-vendor|decimal\.js-light|es-toolkit|immer|@reduxjs|redux|reselect|eventemitter3)[\\/]/,
              priority: 3,
            },
            { name: "vendor", test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
