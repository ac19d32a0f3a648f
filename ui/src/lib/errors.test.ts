import { describe, expect, it } from "vitest";
import { ERROR_CODES, TRANSIENT_CODES } from "./bindings/errorCodes";
import { errorTitle, isErrorCode, toCommandError, TRANSIENT } from "./errors";

describe("error codes come from markets::ErrorCode", () => {
  it("the transient ones are the generated list", () => {
    expect([...TRANSIENT]).toEqual([...TRANSIENT_CODES]);
    expect(TRANSIENT.has("rate_limited") && TRANSIENT.has("network")).toBe(true);
    expect(TRANSIENT.has("outcome_unknown")).toBe(false);
  });
  it("a code the shell does not send is internal", () => {
    expect(isErrorCode("profile_not_found")).toBe(true);
    expect(isErrorCode("keychain")).toBe(false);
    expect(toCommandError({ code: "keychain", message: "m" }).code).toBe("internal");
    expect(toCommandError({ code: "no_key", message: "m" }).code).toBe("no_key");
  });
  it("every code has a banner title", () => {
    for (const code of ERROR_CODES) expect(errorTitle(code)).not.toBe("");
  });
});
