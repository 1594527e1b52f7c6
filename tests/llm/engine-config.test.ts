/**
 * Whose OpenAI key pays for which model: a merchant's model choice applies only with their own
 * key; the app's key only ever runs the app's models. Stored keys need APP_ENCRYPTION_KEY in
 * production, so rotating SHOPIFY_API_SECRET can't make them unreadable.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureTestApp, DEMO_SHOP, installDemoShop, proxyRequest, sendToProxy } from "../helpers/app-env";
import { startFakeOpenAI, type FakeOpenAI } from "../helpers/fake-openai";
import { resolveEngineConfig } from "../../app/llm/config";
import { decryptSecret, encryptSecret, requireEncryptionKey } from "../../app/llm/secrets.server";

configureTestApp("engine-config");
const { default: db } = await import("../../app/db.server");
const { invalidateShop } = await import("../../app/shop-cache.server");

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe("which model a shop's replies use", () => {
  it("the app's key runs the app's default model, whatever model the merchant typed", () => {
    const config = resolveEngineConfig(
      { engineMode: "openai", openaiModel: "o1-pro", openaiKey: null },
      env({ OPENAI_API_KEY: "sk-app" }),
    );
    expect(config.openai).toMatchObject({ apiKey: "sk-app", model: "gpt-4.1" });
    expect(config.mode).toBe("openai");
  });

  it("the app's key runs a model the merchant chose from the app's list", () => {
    const appEnv = env({
      OPENAI_API_KEY: "sk-app",
      OPENAI_MODEL: "gpt-4.1-mini",
      OPENAI_MODELS: "gpt-4.1-mini, gpt-4.1",
    });
    expect(
      resolveEngineConfig({ engineMode: "auto", openaiModel: "gpt-4.1", openaiKey: null }, appEnv).openai?.model,
    ).toBe("gpt-4.1");
    expect(
      resolveEngineConfig({ engineMode: "auto", openaiModel: "gpt-4o", openaiKey: null }, appEnv).openai?.model,
    ).toBe("gpt-4.1-mini");
    expect(resolveEngineConfig({ engineMode: "auto", openaiModel: "", openaiKey: null }, appEnv).openai?.model).toBe(
      "gpt-4.1-mini",
    );
  });

  it("the merchant's own key runs the merchant's model", () => {
    const config = resolveEngineConfig(
      { engineMode: "openai", openaiModel: "o1-pro", openaiKey: "sk-shop" },
      env({ OPENAI_API_KEY: "sk-app" }),
    );
    expect(config.openai).toMatchObject({ apiKey: "sk-shop", model: "o1-pro" });
  });
});

describe("the merchant's model through the chat", () => {
  let fake: FakeOpenAI;
  const saved = { ...process.env };
  beforeAll(async () => {
    await installDemoShop();
    fake = await startFakeOpenAI();
    Object.assign(process.env, {
      OPENAI_API_KEY: "sk-app",
      OPENAI_BASE_URL: fake.baseURL,
      OPENAI_MAX_RETRIES: "0",
      OPENAI_TIMEOUT_MS: "2000",
    });
  });
  afterAll(async () => {
    for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MAX_RETRIES", "OPENAI_TIMEOUT_MS"])
      if (!(key in saved)) delete process.env[key];
    await fake.close();
  });

  const askWith = async (openaiKeyCiphertext: string) => {
    await db.shopSettings.upsert({
      where: { shop: DEMO_SHOP },
      create: { shop: DEMO_SHOP, engineMode: "openai", openaiModel: "o1-pro", openaiKeyCiphertext },
      update: { engineMode: "openai", openaiModel: "o1-pro", openaiKeyCiphertext },
    });
    // Written straight to the table (a key sealed elsewhere can't go through the form): tell this
    // instance's caches, as the admin's save path does.
    invalidateShop(DEMO_SHOP);
    const before = fake.requests.length;
    // Nothing is scripted: the model call fails and the local engine answers, after the request was seen.
    expect((await sendToProxy(proxyRequest("messages", { body: { text: "hello there" } }))).status).toBe(200);
    const seen = fake.requests.slice(before).filter((r) => r.path === "/v1/chat/completions");
    expect(seen.length).toBeGreaterThan(0);
    return { model: seen[0].body.model, key: seen[0].headers.authorization };
  };

  it("uses the app's model with the app's key, the merchant's with theirs, and the app's again when theirs can't be read", async () => {
    expect(await askWith("")).toEqual({ model: "gpt-4.1", key: "Bearer sk-app" });
    expect(await askWith(encryptSecret("sk-shop"))).toEqual({ model: "o1-pro", key: "Bearer sk-shop" });
    const sealedWithAnotherKey = encryptSecret(
      "sk-shop",
      env({ APP_ENCRYPTION_KEY: "a-key-this-deployment-does-not-have" }),
    );
    expect(await askWith(sealedWithAnotherKey)).toEqual({ model: "gpt-4.1", key: "Bearer sk-app" });
  });
});

describe("the key that encrypts merchants' keys", () => {
  const KEY = "k".repeat(32);

  it("is required in production, with a message that says what to set", () => {
    expect(() => requireEncryptionKey(env({ NODE_ENV: "production", SHOPIFY_API_SECRET: "s" }))).toThrow(
      /APP_ENCRYPTION_KEY is required in production.*openssl rand/s,
    );
    expect(() => requireEncryptionKey(env({ NODE_ENV: "production", APP_ENCRYPTION_KEY: "short" }))).toThrow(
      /at least 32 characters/,
    );
    expect(() => requireEncryptionKey(env({ NODE_ENV: "production", APP_ENCRYPTION_KEY: KEY }))).not.toThrow();
    expect(() => requireEncryptionKey(env({ NODE_ENV: "development", SHOPIFY_API_SECRET: "s" }))).not.toThrow();
    // The demo runs in production mode on this machine only, with a fresh secret per run.
    expect(() =>
      requireEncryptionKey(
        env({
          NODE_ENV: "production",
          SHOPIFY_APP_URL: "http://localhost:3000",
          DEMO_STORE_SNAPSHOT: "demo/demo-store.json",
        }),
      ),
    ).not.toThrow();
  });

  it("keeps keys readable across a rotated SHOPIFY_API_SECRET", () => {
    const sealed = encryptSecret("sk-merchant", env({ APP_ENCRYPTION_KEY: KEY, SHOPIFY_API_SECRET: "old-secret" }));
    expect(decryptSecret(sealed, env({ APP_ENCRYPTION_KEY: KEY, SHOPIFY_API_SECRET: "rotated-secret" }))).toBe(
      "sk-merchant",
    );
  });

  it("still reads a key stored before APP_ENCRYPTION_KEY was set, while the secret is unchanged", () => {
    const legacy = encryptSecret("sk-merchant", env({ SHOPIFY_API_SECRET: "secret" }));
    expect(decryptSecret(legacy, env({ APP_ENCRYPTION_KEY: KEY, SHOPIFY_API_SECRET: "secret" }))).toBe("sk-merchant");
  });

  it("stops the app from starting in production without it", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "-e", "await import('./app/shopify.server.ts')"], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        SHOPIFY_API_KEY: "k",
        SHOPIFY_API_SECRET: "s",
        SHOPIFY_APP_URL: "https://chat.example.com",
        DATABASE_URL: process.env.DATABASE_URL,
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("APP_ENCRYPTION_KEY is required in production");
  });
});
