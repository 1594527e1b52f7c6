/**
 * Which engine answers this message, and the safety net: whenever the model is unavailable
 * (timeout, 429/5xx after retries, invalid or refused output, open circuit, deadline) the local
 * engine answers, and the result says which engine replied and why.
 */
import {
  analyzeTurn,
  approvedAnswerFor,
  localOutput,
  turnOutput,
  type TurnInput,
  type TurnOutput,
} from "../chat/pipeline";
import { isInjectionAttempt } from "../chat/answers/conversation";
import { teamThreadReply } from "../chat/team-thread";
import type { Answer, ChatContext, Turn } from "../chat/types";
import { breakerFor } from "./circuit-breaker";
import type { EngineConfig } from "./config";
import { classifyWithModel, describe, openaiClient, replyWithModel, type HistoryMessage } from "./model-engine";
import { estimateCostUsd, type Usage } from "./pricing";

/** In hybrid mode the local engine answers on its own at or above this calibrated confidence. */
export const HYBRID_CONFIDENCE = 0.75;
export const REPLY_DEADLINE_MS = 25_000;

export interface EngineResult {
  output: TurnOutput;
  engine: "local" | "openai";
  /** Why this engine answered. */
  note: string;
  usage: Usage | null;
  costUsd: number | null;
}

export interface EngineOptions {
  shop: string;
  history?: HistoryMessage[];
  onDelta?: (text: string) => void;
  deadlineMs?: number;
}

export async function respondWithEngine(
  input: TurnInput,
  ctx: ChatContext,
  engine: EngineConfig,
  options: EngineOptions,
): Promise<EngineResult> {
  const analyzed = analyzeTurn(input, ctx);
  // The local reply, once computed (hybrid mode computes it first to see whether it is unsure).
  let localReply: TurnOutput | null = null;
  const local = async (note: string): Promise<EngineResult> => ({
    output: localReply ?? (await localOutput(input, analyzed, ctx)),
    engine: "local",
    note,
    usage: null,
    costUsd: null,
  });
  const { turn } = analyzed;
  const toTeam = teamThreadReply(input.teamReplied, analyzed);
  if (toTeam)
    return {
      output: turnOutput(turn, toTeam),
      engine: "local",
      note: "the team has replied: the message goes to their ticket",
      usage: null,
      costUsd: null,
    };
  if (engine.mode === "local" || !engine.openai) return local("local mode");
  // Confirmed changes, one-time codes and refused injections never depend on a model's wording.
  if (analyzed.confirmation || analyzed.reconfirm) return local("confirmation carried out by the local engine");
  if (analyzed.code) return local("one-time code checked by the local engine");
  if (isInjectionAttempt(turn.pre.original)) return local("instruction-override attempt refused locally");
  if (approvedAnswerFor(turn)) return local("the merchant's approved answer");
  const sure = !turn.intent.lowConfidence && turn.intent.confidence >= HYBRID_CONFIDENCE;
  if (engine.mode === "hybrid" && sure) {
    // A sure reading whose answer still asks what was meant or finds nothing in the shop's data goes to the model;
    // one that proposed a change or sent a code stays local, so nothing is proposed twice.
    localReply = await localOutput(input, analyzed, ctx);
    if (!localReply.unsure || localReply.state.pendingAction || localReply.state.codeChallenge)
      return local(`hybrid: local confidence ${turn.intent.confidence.toFixed(2)}`);
  }
  const breaker = breakerFor(options.shop);
  if (!breaker.allows()) return local("fallback: circuit open after repeated model failures");

  const config = engine.openai;
  const client = await openaiClient(config);
  const signal = AbortSignal.timeout(options.deadlineMs ?? REPLY_DEADLINE_MS);
  const history = options.history ?? [];
  try {
    const labelled = await classifyWithModel(client, config, turn.pre.original, history, signal);
    const modelTurn: Turn = {
      ...turn,
      language: labelled.language,
      intent: { ...turn.intent, intent: labelled.intent, confidence: labelled.confidence, lowConfidence: false },
      entities: { ...mentionedEntities(labelled.entities, turn.pre.original), ...turn.entities },
    };
    const reply = await replyWithModel(client, config, modelTurn, history, { signal, onDelta: options.onDelta });
    breaker.recordSuccess();
    const answer: Answer = {
      ...reply.effects.answer,
      text: reply.text,
      products: dedupe(reply.effects.products).slice(0, 4),
      lookups: [...reply.effects.lookups, ...(reply.effects.answer.lookups ?? [])],
    };
    const usage = {
      promptTokens: labelled.usage.promptTokens + reply.usage.promptTokens,
      completionTokens: labelled.usage.completionTokens + reply.usage.completionTokens,
    };
    return {
      output: turnOutput(modelTurn, answer),
      engine: "openai",
      note:
        engine.mode !== "hybrid"
          ? "openai mode"
          : sure
            ? `hybrid: the local answer was unsure (${localReply?.unsure})`
            : `hybrid: local confidence ${turn.intent.confidence.toFixed(2)} below ${HYBRID_CONFIDENCE}`,
      usage,
      costUsd: estimateCostUsd(config.model, usage),
    };
  } catch (error) {
    breaker.recordFailure();
    return local(`fallback: ${describe(error)}`);
  }
}

// The model may only contribute identifiers the shopper actually typed.
function mentionedEntities(entities: Record<string, string>, text: string): Record<string, string> {
  const lower = text.toLowerCase();
  return Object.fromEntries(
    Object.entries(entities).filter(([, value]) => value && lower.includes(value.toLowerCase().replace(/^#/, ""))),
  );
}

function dedupe<T extends { url: string }>(cards: T[]): T[] {
  return cards.filter((card, index) => cards.findIndex((c) => c.url === card.url) === index);
}
