import { describe, expect, it } from "vitest";
import { setupApp } from "../support/app";
import { listRoutes } from "../support/routes";

const t = await setupApp();

describe("the API documentation", () => {
  it("serves an OpenAPI 3 document listing the main paths with their methods", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.info.title).toBe("API Maillage");
    expect(Object.keys(doc.paths["/api/clsms"]).sort()).toEqual(["get", "post"]);
    expect(Object.keys(doc.paths["/api/clsms/{clsmId}"]).sort()).toEqual(["get", "patch"]);
    expect(doc.paths["/api/clsms/{clsmId}/territory"].put.summary).toBe("Redéfinir le territoire");
    for (const path of [
      "/api/session",
      "/api/me",
      "/api/territory/search",
      "/api/clsms/{clsmId}/members/{userId}",
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });

  it("documents every API route except the ones deliberately hidden", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    const hidden = ["/api/health", "/api/auth/magic-link/verify"];
    const undocumented = listRoutes(t.app)
      .filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && !hidden.includes(r.url))
      .filter((r) => !doc.paths[r.url.replace(/:(\w+)/g, "{$1}")]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    expect(undocumented).toEqual([]);
  });

  it("describes request bodies and parameters from the zod contracts", async () => {
    const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    const create = doc.paths["/api/clsms"].post;
    const schema = create.requestBody.content["application/json"].schema;
    expect(schema.required).toEqual(expect.arrayContaining(["name", "territory"]));
    expect(schema.properties.name.maxLength).toBe(160);
    const params = doc.paths["/api/clsms/{clsmId}"].get.parameters;
    expect(params).toContainEqual(expect.objectContaining({ name: "clsmId", in: "path", required: true }));
  });

  it("serves the interactive documentation page and its assets", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain("swagger-ui");
    for (const asset of ["/api/docs/static/swagger-initializer.js", "/api/docs/static/swagger-ui.css"]) {
      expect((await t.app.inject({ method: "GET", url: asset })).statusCode, asset).toBe(200);
    }
  });
});
