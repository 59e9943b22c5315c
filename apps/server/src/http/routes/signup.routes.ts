import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { signUp } from "../../accounts/sign-up.ts";
import type { Auth } from "../../auth/create-auth.ts";
import type { Db } from "../../db/database.ts";
import { commonErrorResponses, errorEnvelopeSchema } from "../error-envelope.ts";
import { emailSchema, orgNameSchema, passwordSchema, personNameSchema, userSchema } from "../schemas.ts";

const signUpBody = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    password: passwordSchema,
    orgName: orgNameSchema.optional(),
    inviteToken: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((body) => (body.orgName === undefined) !== (body.inviteToken === undefined), {
    message: "give either an organisation name or an invite token",
    path: ["orgName"],
  });

/** `POST /api/v1/signup`: create an account with a new organisation, or join one with an invite. */
export function signUpRoutes(deps: {
  db: Db;
  auth: Auth;
  allowSignup: boolean;
  now(): Date;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/signup",
      {
        config: { rateLimit: { max: 20, timeWindow: "1 minute" } },
        schema: {
          tags: ["auth"],
          summary: "Sign up (sets the session cookie)",
          body: signUpBody,
          response: {
            201: z.object({ user: userSchema, orgId: z.string() }),
            ...commonErrorResponses,
            410: errorEnvelopeSchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const input =
          body.inviteToken !== undefined
            ? { name: body.name, email: body.email, password: body.password, inviteToken: body.inviteToken }
            : { name: body.name, email: body.email, password: body.password, orgName: body.orgName ?? "" };
        const { user, orgId, headers } = await signUp(deps, input);
        for (const cookie of headers.getSetCookie()) reply.header("set-cookie", cookie);
        return reply.status(201).send({ user, orgId });
      },
    );
  };
}
