import { describe, expect, it } from "vitest";
import type { PlatformRole } from "../../src/contracts/accounts";
import { type Actor, type ActorMembership, clsmVisibility, policies } from "../../src/server/platform/access";

const actor = (
  platformRole: PlatformRole | null = null,
  memberships: Partial<ActorMembership>[] = [],
  arsRegionCode: string | null = null,
): Actor => ({
  userId: "u1",
  name: "Quelqu'un",
  email: "q@exemple.test",
  platformRole,
  arsRegionCode,
  memberships: memberships.map((m) => ({
    clsmId: "c1",
    role: "member",
    isChair: false,
    isColead: false,
    ...m,
  })),
});

const bretagne = { id: "c1", regionCodes: ["53"] };
const paca = { id: "c2", regionCodes: ["93"] };
const straddling = { id: "c3", regionCodes: ["11", "53"] };

describe("reading a CLSM", () => {
  it("admin and national read every CLSM", () => {
    for (const role of ["admin", "national"] as const) {
      for (const clsm of [bretagne, paca]) expect(policies.clsm.read(actor(role), clsm)).toBe(true);
      expect(clsmVisibility(actor(role))).toEqual({ kind: "all" });
    }
  });

  it("an ARS officer reads the CLSMs touching their région, plus those they belong to", () => {
    const ars = actor("ars", [], "53");
    expect(policies.clsm.read(ars, bretagne)).toBe(true);
    expect(policies.clsm.read(ars, straddling)).toBe(true);
    expect(policies.clsm.read(ars, paca)).toBe(false);
    const arsMember = actor("ars", [{ clsmId: "c2" }], "53");
    expect(policies.clsm.read(arsMember, paca)).toBe(true);
    expect(clsmVisibility(arsMember)).toEqual({ kind: "region", regionCode: "53", memberOf: ["c2"] });
  });

  it("an ARS officer without a région reads only their own CLSMs", () => {
    const ars = actor("ars", [{ clsmId: "c2" }], null);
    expect(policies.clsm.read(ars, bretagne)).toBe(false);
    expect(policies.clsm.read(ars, paca)).toBe(true);
    expect(clsmVisibility(ars)).toEqual({ kind: "memberOf", ids: ["c2"] });
  });

  it("a person without a platform role reads only the CLSMs they belong to", () => {
    const member = actor(null, [{ clsmId: "c1" }]);
    expect(policies.clsm.read(member, bretagne)).toBe(true);
    expect(policies.clsm.read(member, paca)).toBe(false);
    expect(policies.clsm.read(actor(), bretagne)).toBe(false);
    expect(clsmVisibility(actor())).toEqual({ kind: "memberOf", ids: [] });
  });
});

describe("managing a CLSM", () => {
  it("is for the admin and the CLSM's coordinators only", () => {
    expect(policies.clsm.manage(actor("admin"), paca)).toBe(true);
    expect(policies.clsm.manage(actor(null, [{ clsmId: "c1", role: "coordinator" }]), bretagne)).toBe(true);
    expect(policies.clsm.manage(actor(null, [{ clsmId: "c1", role: "coordinator" }]), paca)).toBe(false);
    expect(
      policies.clsm.manage(actor(null, [{ clsmId: "c1", role: "member", isChair: true }]), bretagne),
    ).toBe(false);
    expect(policies.clsm.manage(actor("national"), bretagne)).toBe(false);
    expect(policies.clsm.manage(actor("ars", [], "53"), bretagne)).toBe(false);
  });
});

describe("platform abilities", () => {
  it("only the admin manages people, reads the outbox and creates CLSMs", () => {
    const roles = [null, "national", "ars", "admin"] as const;
    const table = roles.map((role) => {
      const a = actor(role, [{ clsmId: "c1", role: "coordinator" }], role === "ars" ? "53" : null);
      return [
        role,
        policies.platform.manageUsers(a),
        policies.platform.readOutbox(a),
        policies.platform.createClsm(a),
        policies.platform.browseClsms(a),
      ];
    });
    expect(table).toEqual([
      [null, false, false, false, false],
      ["national", false, false, false, true],
      ["ars", false, false, false, true],
      ["admin", true, true, true, true],
    ]);
  });
});
