import { vi } from "vitest";

/** The DOM lacks matchMedia, ResizeObserver and document.fonts, which Mantine uses. Idempotent. */
export function installBrowserShims(): void {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => {},
        removeEventListener: () => {},
        addListener: () => {},
        removeListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  if (!("ResizeObserver" in window)) {
    class NoopResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    vi.stubGlobal("ResizeObserver", NoopResizeObserver);
  }
  if (!("fonts" in document)) {
    // Textarea's autosize listens for web fonts loading.
    Object.defineProperty(document, "fonts", { value: new EventTarget(), configurable: true });
  }
}
