import { useDocumentTitle } from "@mantine/hooks";

/** Formats a browser tab title: `pageTitle("Goals", "Acme")` → "Goals · Acme · Goalpost". */
export function pageTitle(...parts: (string | null | undefined)[]): string {
  return [...parts.filter((part): part is string => Boolean(part)), "Goalpost"].join(" · ");
}

/** Sets the browser tab title for the current page. */
export function usePageTitle(...parts: (string | null | undefined)[]): void {
  useDocumentTitle(pageTitle(...parts));
}
