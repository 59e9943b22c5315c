import { describe, expect, it } from "vitest";
import { ApiError } from "../api/api-error";
import { splitFormError } from "./form-errors";

describe("splitFormError", () => {
  it("puts known field errors next to their fields", () => {
    const error = new ApiError(400, "validation_failed", "Check the form.", {
      fields: { email: "Invalid email", password: "Too short" },
    });
    expect(splitFormError(error, ["email", "password"])).toEqual({
      fields: { email: "Invalid email", password: "Too short" },
      formMessage: null,
    });
  });

  it("turns unknown field errors into a form message", () => {
    const error = new ApiError(400, "validation_failed", "Check the form.", {
      fields: { orgName: "Required" },
    });
    expect(splitFormError(error, ["email"])).toEqual({ fields: {}, formMessage: "OrgName: Required." });
  });

  it("strips the server's body./query. prefixes and capitalises fragments", () => {
    const error = new ApiError(400, "validation_failed", "Invalid request: body.password: too short.", {
      fields: { "body.password": "must be at least 8 characters", "body.email": "must be an email address" },
    });
    expect(splitFormError(error, ["email", "password"])).toEqual({
      fields: { password: "Must be at least 8 characters", email: "Must be an email address" },
      formMessage: null,
    });
  });

  it("puts the whole message of a site of the other kind of Jira under the kind", () => {
    const message =
      "This site is Jira Data Center / Server, but the connection is set up for Jira Cloud. Choose Data Center and paste a personal access token.";
    const error = new ApiError(400, "validation_failed", message, {
      fields: { deployment: message },
      detectedDeployment: "dataCenter",
    });
    expect(splitFormError(error, ["name", "deployment"])).toEqual({
      fields: { deployment: message },
      formMessage: null,
    });
  });

  it("maps email_taken onto the email field", () => {
    const error = new ApiError(409, "email_taken", "That email is already registered.");
    expect(splitFormError(error, ["name", "email"])).toEqual({
      fields: { email: "That email is already registered." },
      formMessage: null,
    });
  });

  it("puts a measure's and data source's fields, Jira's query messages and metric_not_offered on the editor's fields", () => {
    const nested = new ApiError(400, "validation_failed", "Check the form.", {
      fields: { "body.measure.target": "must differ from start", "body.dataSource.connectionId": "required" },
    });
    expect(splitFormError(nested, ["target", "connectionId"])).toEqual({
      fields: { target: "Must differ from start", connectionId: "Required" },
      formMessage: null,
    });
    const jira = new ApiError(422, "jql_invalid", "Jira rejected the query.", {
      jira: ["Field 'x' does not exist.", 7],
    });
    expect(splitFormError(jira, ["jql"]).fields).toEqual({ jql: "Field 'x' does not exist." });
    const metric = new ApiError(400, "metric_not_offered", "Percent complete does not offer this metric.");
    expect(splitFormError(metric, ["metric"]).fields).toEqual({
      metric: "Percent complete does not offer this metric.",
    });
  });

  it("uses the message for errors without field details", () => {
    const error = new ApiError(401, "invalid_email_or_password", "Invalid email or password");
    expect(splitFormError(error, ["email", "password"])).toEqual({
      fields: {},
      formMessage: "Invalid email or password",
    });
  });

  it("handles non-API errors", () => {
    expect(splitFormError(new Error("Boom"), ["x"]).formMessage).toBe("Boom");
  });
});
