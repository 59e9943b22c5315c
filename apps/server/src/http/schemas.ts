import { ORG_ROLES } from "@goalpost/domain";
import { z } from "zod";

/** `?limit=&cursor=` on every list. */
export const paginationQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
  })
  .strict();

/** `{ items, nextCursor }` around `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const idSchema = z.string().min(1).max(100);
export const orgRoleSchema = z.enum(ORG_ROLES);
export const personNameSchema = z.string().trim().min(1, "required").max(100);
export const emailSchema = z.email("must be an email address").max(254);
export const passwordSchema = z.string().min(8, "must be at least 8 characters").max(128);
export const orgNameSchema = z.string().trim().min(1, "required").max(100);

export const userSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .meta({ id: "User" });
