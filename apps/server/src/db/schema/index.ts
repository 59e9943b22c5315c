export * from "./api-tokens.ts";
export * from "./auth.ts";
export * from "./orgs.ts";
