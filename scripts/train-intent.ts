/**
 * npm run train:intent — trains the local engine on the shipped corpus and writes the model file
 * the server loads at start-up (app/chat/training/intent-model.bin). Run it after editing the
 * corpus or the model's features; tests/chat/intent-model-file.test.ts fails until you do.
 */
import path from "node:path";
import { buildShippedModel, SHIPPED_MODEL_PATH } from "../app/chat/intent/engine";

const started = performance.now();
const { examples, bytes } = buildShippedModel();
console.log(
  `${path.relative(process.cwd(), SHIPPED_MODEL_PATH)}: ${examples} examples, ${(bytes / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
