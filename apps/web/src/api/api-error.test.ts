import { describe, expect, it } from "vitest";
import { ApiError, errorMessage, isApiStatus, RATE_LIMIT_MESSAGE, toApiError } from "./api-error";

describe("toApiError", () => {
  it("parses the Goalpost error envelope with field details", () => {
    const error = toApiError(400, {
      error: {
        code: "validation_failed",
        message: "Some fields are invalid.",
        details: { fields: { email: "Enter a valid email", password: "Too short", bogus: 3 } },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("Some fields are invalid.");
    expect(error.fieldErrors).toEqual({ email: "Enter a valid email", password: "Too short" });
  });

  it("keeps envelope codes such as email_taken and last_admin", () => {
    expect(toApiError(409, { error: { code: "email_taken", message: "Email in use." } }).code).toBe(
      "email_taken",
    );
    const lastAdmin = toApiError(409, { error: { code: "last_admin", message: "Needs an admin." } });
    expect(lastAdmin.message).toBe("Needs an admin.");
    expect(lastAdmin.fieldErrors).toEqual({});
  });

  it("parses better-auth's flat error format and lower-cases its code", () => {
    const error = toApiError(401, {
      code: "INVALID_EMAIL_OR_PASSWORD",
      message: "Invalid email or password",
    });
    expect(error.code).toBe("invalid_email_or_password");
    expect(error.message).toBe("Invalid email or password");
  });

  it("uses a friendly rate-limit message for 429 without an envelope", () => {
    const error = toApiError(429, { message: "Too many requests. Please try again later." });
    expect(error.code).toBe("rate_limited");
    expect(error.message).toBe(RATE_LIMIT_MESSAGE);
  });

  it("prefers our envelope's message on 429", () => {
    expect(toApiError(429, { error: { code: "rate_limited", message: "Slow down." } }).message).toBe(
      "Slow down.",
    );
  });

  it("falls back to status-based codes and messages for unknown bodies", () => {
    expect(toApiError(401, undefined).code).toBe("unauthenticated");
    expect(toApiError(403, "nope").code).toBe("forbidden");
    const server = toApiError(502, "<html>Bad gateway</html>");
    expect(server.code).toBe("http_502");
    expect(server.message).toContain("HTTP 502");
  });

  it("fills in missing envelope fields", () => {
    const error = toApiError(404, { error: { message: "" } });
    expect(error.code).toBe("not_found");
    expect(error.message).toMatch(/couldn't find/);
    expect(error.details).toBeUndefined();
  });
});

describe("helpers", () => {
  it("isApiStatus checks the status of ApiErrors only", () => {
    expect(isApiStatus(new ApiError(401, "unauthenticated", "x"), 401)).toBe(true);
    expect(isApiStatus(new Error("x"), 401)).toBe(false);
  });

  it("errorMessage has a fallback for non-errors", () => {
    expect(errorMessage(new ApiError(409, "c", "Taken."))).toBe("Taken.");
    expect(errorMessage("weird")).toMatch(/Something went wrong/);
  });
});
