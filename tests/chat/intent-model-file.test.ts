/**
 * The prebuilt model (app/chat/training/intent-model.bin) that start-up loads instead of training:
 * it must be what training the shipped corpus with the current code gives, and a stale or broken
 * file must never be used.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import {
  buildShippedModel,
  CORPUS_PATH,
  loadShippedClassifier,
  readCorpus,
  SHIPPED_MODEL_PATH,
  train,
} from "../../app/chat/intent/engine";
import { LinearIntentModel, trainLinearModel, trainLinearModelInBackground } from "../../app/chat/intent/linear-model";

const SAMPLE = [
  "where is my order 1042",
  "can I return these boots?",
  "is the alpine jacket waterproof",
  "hola, dónde está mi pedido",
  "asdf qwer",
];

afterEach(() => vi.restoreAllMocks());

describe("the shipped intent model file", () => {
  it("is what training the shipped corpus with this code gives (else run npm run train:intent)", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const loaded = loadShippedClassifier();
    expect(warn, "the file is stale or unreadable: run npm run train:intent").not.toHaveBeenCalled();
    const corpus = readCorpus();
    const trained = train(corpus, "fresh");
    for (const { text } of corpus) {
      const [a, b] = [loaded.classify(text), trained.classify(text)];
      expect(a.intent, text).toBe(b.intent);
      expect(a.confidence).toBeCloseTo(b.confidence, 6);
    }
  });

  it("trains in the background to the same model, letting other work run in between", async () => {
    const examples = readCorpus().filter((_, i) => i % 4 === 0);
    let ranMeanwhile = 0;
    const tick = () => {
      ranMeanwhile++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    const background = await trainLinearModelInBackground(examples);
    done = true;
    // A server retraining a shop's model keeps answering: other callbacks ran while it trained.
    expect(ranMeanwhile).toBeGreaterThan(10);
    const direct = trainLinearModel(examples);
    for (const text of SAMPLE)
      expect([...background.predict(text).probabilities]).toEqual([...direct.predict(text).probabilities]);
  });

  it("round-trips a model through bytes, and refuses corrupt bytes", () => {
    const model = trainLinearModel(readCorpus().filter((_, i) => i % 20 === 0));
    const { model: copy, meta } = LinearIntentModel.fromBytes(model.toBytes({ note: "test" }));
    expect(meta).toEqual({ note: "test" });
    expect(copy.labels).toEqual(model.labels);
    expect(copy.temperature).toBe(model.temperature);
    for (const text of SAMPLE)
      expect([...copy.predict(text).probabilities]).toEqual([...model.predict(text).probabilities]);
    const bytes = model.toBytes({});
    expect(() => LinearIntentModel.fromBytes(bytes.subarray(0, bytes.length - 100))).toThrow();
  });

  describe("when the file doesn't match the corpus", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "intent-model-"));
    const corpus = path.join(dir, "corpus.jsonl");
    const modelFile = path.join(dir, "intent-model.bin");
    const lines = fs
      .readFileSync(CORPUS_PATH, "utf8")
      .trim()
      .split("\n")
      .filter((_, i) => i % 25 === 0);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("loads a file built for this corpus, and trains instead once the corpus changes or the file is gone", () => {
      fs.writeFileSync(corpus, `${lines.join("\n")}\n`);
      buildShippedModel(corpus, modelFile);
      const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
      const fresh = loadShippedClassifier(corpus, modelFile);
      expect(warn).not.toHaveBeenCalled();

      fs.appendFileSync(corpus, `${JSON.stringify({ text: "zorbleflux zorbleflux", intent: "complaint" })}\n`);
      const retrained = loadShippedClassifier(corpus, modelFile);
      expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/trained on another corpus; training now/));
      expect(retrained.classify("zorbleflux").predicted).toBe("complaint"); // learnt from the new line

      fs.rmSync(modelFile);
      expect(loadShippedClassifier(corpus, modelFile).version).toBe("shipped");
      expect(warn).toHaveBeenLastCalledWith(expect.stringMatching(/not loaded .*training now/));
      expect(fresh.classify(SAMPLE[0]).intent).toBeTruthy();
    });
  });

  it("is the file the engine loads", () => {
    expect(path.relative(process.cwd(), SHIPPED_MODEL_PATH)).toBe(
      path.join("app", "chat", "training", "intent-model.bin"),
    );
  });
});
