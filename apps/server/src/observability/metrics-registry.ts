import { collectDefaultMetrics, Registry } from "prom-client";

/** The registry `/metrics` exposes: process metrics plus Goalpost's own HTTP and job metrics. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });
