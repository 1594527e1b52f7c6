/**
 * The lint rule that keeps the demo out of the app (eslint.config.js): any module under app/ that
 * imports demo/, statically, by re-export or dynamically, is an error; demo/ and tests/ may.
 * Linted as text under a made-up path, so no offending file ever exists in the tree.
 */
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function demoImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => /must not import the demo/.test(m.message)).map((m) => m.ruleId ?? "");
}

describe("app/ cannot import demo/", () => {
  it("rejects a static import from a route, however deep", async () => {
    expect(
      await demoImportErrors(
        "app/routes/fixture.ts",
        `import { installDemo } from "../../demo/wiring";\nexport const x = installDemo;\n`,
      ),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await demoImportErrors(
        "app/fixture.server.ts",
        `import type { DemoStore } from "../demo/demo-store";\nexport type X = DemoStore;\n`,
      ),
    ).toEqual(["no-restricted-imports"]);
  });

  it("rejects a re-export and a dynamic import", async () => {
    expect(
      await demoImportErrors("app/commerce/fixture.ts", `export { createDemoStore } from "../../demo/demo-store";\n`),
    ).toEqual(["no-restricted-imports"]);
    expect(
      await demoImportErrors("app/fixture.server.ts", `export const load = () => import("../demo/wiring");\n`),
    ).toEqual(["no-restricted-syntax"]);
  });

  it("allows the same imports outside app/, and app modules whose names merely start with demo", async () => {
    expect(
      await demoImportErrors(
        "demo/fixture.ts",
        `import { installDemo } from "./wiring";\nimport { configureApp } from "../app/composition.server";\ninstallDemo(configureApp, "x");\n`,
      ),
    ).toEqual([]);
    expect(
      await demoImportErrors(
        "tests/chat/fixture.test.ts",
        `import { createDemoStore } from "../../demo/demo-store";\nexport const s = createDemoStore;\n`,
      ),
    ).toEqual([]);
    expect(
      await demoImportErrors(
        "app/routes/fixture.ts",
        `import { demoted } from "../chat/demotion";\nexport const d = demoted;\n`,
      ),
    ).toEqual([]);
  });
});
