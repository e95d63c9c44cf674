import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import tailwindcss from "@tailwindcss/vite";

const backend = process.env.PULSE_DEV_BACKEND ?? "http://localhost:7655";

export default defineConfig({
  plugins: [solid(), tailwindcss()],
  build: { outDir: process.env.UI_OUT_DIR ?? "dist", emptyOutDir: true },
  server: {
    proxy: {
      "/api": backend,
      "/ws": { target: backend.replace(/^http/, "ws"), ws: true },
    },
  },
  test: { environment: "jsdom", include: ["test/**/*.test.{ts,tsx}"] },
});
