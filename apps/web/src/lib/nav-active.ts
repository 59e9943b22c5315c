/**
 * Whether the side navigation's item for `to` is the current section at `pathname`. Portfolio pages live at
 * `/portfolios/:id` (outside the org's path), so they belong to the org's "Portfolios".
 * @example isNavActive("/portfolios/p1/settings/integrations", "/o/o1/portfolios") // true
 */
export function isNavActive(pathname: string, to: string): boolean {
  return (
    pathname === to ||
    pathname.startsWith(`${to}/`) ||
    (to.endsWith("/portfolios") && pathname.startsWith("/portfolios/"))
  );
}
