import { describe, expect, it } from "vitest";
import { errorMessage, scrubError } from "../../src/server/platform/logger";

/** Shaped like Drizzle's error for a failed query, wrapping the driver's error. */
function failedQuery() {
  const driver = Object.assign(new Error("panne simulée"), {
    code: "P0001",
    params: ["jeton-secret"],
    detail: "Key (email)=(a@b.test)",
  });
  const err = new Error(
    'Failed query: insert into "verification" values ($1, $2)\nparams: magic-link:jeton-secret,a@b.test\nsuite',
    { cause: driver },
  );
  return Object.assign(err, {
    query: 'insert into "verification" values ($1, $2)',
    params: ["jeton-secret"],
  });
}

describe("scrubbing errors before they are logged or stored", () => {
  it("cuts the values of a failed query from the message, the stack and the cause", () => {
    const text = JSON.stringify(scrubError(failedQuery()));
    expect(text).not.toContain("jeton-secret");
    expect(text).not.toContain("a@b.test");
    expect(text).toContain('Failed query: insert into \\"verification\\"');
    expect(text).toContain("panne simulée");
    expect(text).toContain("P0001");
  });

  it("keeps the stack frames", () => {
    const scrubbed = scrubError(failedQuery()) as { stack: string };
    expect(scrubbed.stack).toMatch(/\n {4}at /);
  });

  it("gives a message safe to store as a job's last error", () => {
    expect(errorMessage(failedQuery())).toBe(
      'Failed query: insert into "verification" values ($1, $2)\nparams: [masqué]',
    );
    expect(errorMessage(new Error("connect ECONNREFUSED 127.0.0.1:25"))).toBe(
      "connect ECONNREFUSED 127.0.0.1:25",
    );
    expect(errorMessage("texte")).toBe("texte");
  });
});
