/** Peak memory of this process while `work` runs, sampled every 20 ms. */
export async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRssBytes: number; peakHeapGrowthBytes: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const baseHeap = base.heapUsed + base.external;
  let peakRss = base.rss;
  let peakHeap = baseHeap;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
  };
  const timer = setInterval(sample, 20);
  try {
    const result = await work();
    sample();
    return { result, peakRssBytes: peakRss, peakHeapGrowthBytes: peakHeap - baseHeap };
  } finally {
    clearInterval(timer);
  }
}
