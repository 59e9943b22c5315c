// Set the colour scheme before first paint (same logic as Mantine's ColorSchemeScript) to avoid a flash.
// A file, not an inline <script>: the Content-Security-Policy allows scripts from Goalpost's origin only.
(() => {
  let scheme = null;
  try {
    const stored = window.localStorage.getItem("mantine-color-scheme-value");
    if (stored === "light" || stored === "dark") scheme = stored;
  } catch {
    // Storage unavailable: fall back to the OS preference.
  }
  if (!scheme) scheme = window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  document.documentElement.setAttribute("data-mantine-color-scheme", scheme);
})();
