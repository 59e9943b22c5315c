/** A tiny router over `METHOD /path/{param}` templates. */

/** What a matched route receives. */
export interface RouteMatch<C> {
  handler: (ctx: C) => Promise<Response> | Response;
  params: Record<string, string>;
}

interface Route<C> {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: (ctx: C) => Promise<Response> | Response;
}

/** A route table; templates look like `/rest/api/3/issue/{issueIdOrKey}`. */
export class Router<C> {
  readonly #routes: Route<C>[] = [];

  /** Registers a handler. */
  add(method: string, template: string, handler: (ctx: C) => Promise<Response> | Response): this {
    const names: string[] = [];
    const source = template
      .replace(/[.*+?^$()|[\]\\]/g, "\\$&")
      .replace(/\\?\{(\w+)\\?\}|\{(\w+)\}/g, (_m, a?: string, b?: string) => {
        names.push(a ?? b ?? "");
        return "([^/]+)";
      });
    this.#routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  /** Finds the route for a method and path; `allowed` lists methods when only the method is wrong. */
  match(method: string, path: string): RouteMatch<C> | { allowed: string[] } | undefined {
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const found = route.pattern.exec(path);
      if (found === null) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => {
        params[name] = decodeURIComponent(found[index + 1] ?? "");
      });
      return { handler: route.handler, params };
    }
    return allowed.length > 0 ? { allowed } : undefined;
  }
}
