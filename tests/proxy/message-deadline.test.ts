/**
 * A message's two deadlines: the store's, and the model's (the store's time plus the model's
 * own), both counted from the message's start, the model's made only when a model answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { messageDeadline } from "../../app/proxy/deadline.server";
import { REPLY_DEADLINE_MS } from "../../app/llm/engine-router";

describe("a message's deadlines", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("end the store's lookups after its time", () => {
    const deadline = messageDeadline(1_000);
    vi.advanceTimersByTime(999);
    expect(deadline.store.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(deadline.store.aborted).toBe(true);
    expect((deadline.store.reason as DOMException).name).toBe("TimeoutError");
  });

  it("end a model's answer at the store's time plus the model's, from the message's start, however late it is asked for", () => {
    const deadline = messageDeadline(1_000);
    vi.advanceTimersByTime(600);
    const withModel = deadline.withModel;
    expect(deadline.withModel).toBe(withModel);
    vi.advanceTimersByTime(1_000 + REPLY_DEADLINE_MS - 601);
    expect(withModel.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(withModel.aborted).toBe(true);
    expect((withModel.reason as DOMException).name).toBe("TimeoutError");
  });

  it("leave no timer behind once the message is answered", () => {
    const deadline = messageDeadline(1_000);
    void deadline.withModel;
    expect(vi.getTimerCount()).toBe(2);
    deadline.done();
    expect(vi.getTimerCount()).toBe(0);
    const local = messageDeadline(1_000);
    expect(vi.getTimerCount()).toBe(1);
    local.done();
    void local.withModel;
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1_000 + REPLY_DEADLINE_MS);
    expect(local.store.aborted).toBe(false);
  });
});
