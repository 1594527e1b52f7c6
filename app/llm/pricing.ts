/** US dollars per million tokens (input, output), from OpenAI's public price list; unknown models → no estimate. */
const PRICES: Record<string, [number, number]> = {
  "gpt-4.1": [2, 8],
  "gpt-4.1-mini": [0.4, 1.6],
  "gpt-4.1-nano": [0.1, 0.4],
  "gpt-4o": [2.5, 10],
  "gpt-4o-mini": [0.15, 0.6],
  "gpt-4-turbo": [10, 30],
  "gpt-4": [30, 60],
};

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export function estimateCostUsd(model: string, usage: Usage): number | null {
  const base = Object.keys(PRICES)
    .sort((a, b) => b.length - a.length)
    .find((name) => model === name || model.startsWith(`${name}-`));
  if (!base) return null;
  const [input, output] = PRICES[base];
  return (usage.promptTokens * input + usage.completionTokens * output) / 1_000_000;
}
