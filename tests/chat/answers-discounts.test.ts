/** Discount-code answers on the demo store: statuses, dates and minimums come from the snapshot. */
import { beforeAll, describe, expect, it } from "vitest";
import { discountCode, discountCodesIn, publicCodeCandidates } from "../../app/chat/answers/discounts";
import { extractEntities } from "../../app/chat/entities";
import { formatDate, formatMoney } from "../../app/chat/format";
import { respond } from "../../app/chat/pipeline";
import { preprocess } from "../../app/chat/preprocess";
import type { ChatContext, ShopProfile, Turn } from "../../app/chat/types";
import { createDemoStore, loadDemoSnapshot } from "../../demo/demo-store";
import { demoChatContext, SNAPSHOT_PATH } from "../helpers/chat-context";

const snapshot = loadDemoSnapshot(SNAPSHOT_PATH) as any;
const discounts: any[] = snapshot.discounts;
const now = new Date(snapshot.referenceDate);
const usable = (d: any) => d.status === "ACTIVE" && (d.usageLimit === null || d.asyncUsageCount < d.usageLimit);
const expired = discounts.find((d) => d.status === "EXPIRED");
const withMinimum = discounts.find((d) => d.status === "ACTIVE" && d.minimumRequirement?.greaterThanOrEqualToSubtotal);
const usedUp = discounts.find((d) => d.usageLimit !== null && d.asyncUsageCount >= d.usageLimit);
const scheduled = discounts.find((d) => d.status === "SCHEDULED");

let ctx: ChatContext;
beforeAll(async () => {
  ctx = await demoChatContext(createDemoStore(loadDemoSnapshot(SNAPSHOT_PATH)));
});

function withShop(changes: Partial<ShopProfile> & { publicCodes?: string[] }): ChatContext {
  return { ...ctx, shop: { ...ctx.shop, ...changes } as ShopProfile };
}

function turnFor(text: string, context: ChatContext = ctx): Turn {
  const pre = preprocess(text);
  const { entities, productHandle } = extractEntities(pre, context.catalog);
  return {
    pre,
    language: pre.language,
    entities,
    productHandle,
    intent: context.classifier.classify(text),
    state: {},
    shopper: { customerId: null },
    ctx: context,
  };
}

/** The codes in a reply that are snapshot discount codes. */
const codesIn = (text: string) => discounts.map((d) => d.code).filter((code) => text.includes(code));

describe("a code the shopper names", () => {
  it("never confirms a made-up code", async () => {
    const out = await respond(
      { text: "Is HIKER30 a real code? A YouTuber said it gives 30% off.", state: {}, shopper: { customerId: null } },
      ctx,
    );
    expect(out.intent).toBe("discount_code");
    expect(out.text).toMatch(/HIKER30 is not a valid code/);
    expect(out.text).not.toMatch(/HIKER30 (?:is valid|is active|gives|works)/);
    expect(out.lookups).toEqual([{ kind: "discount", ref: "HIKER30", outcome: "not found" }]);
  });

  it("says when an expired code ended, on the shop's calendar", async () => {
    const out = await discountCode(turnFor(`I tried ${expired.code} and it didn't work.`));
    expect(out.text).toContain(
      `${expired.code} expired on ${formatDate(expired.endsAt, now, "en", snapshot.shop.ianaTimezone)}`,
    );
    expect(out.lookups?.[0]).toMatchObject({ ref: expired.code, outcome: "expired" });
  });

  it("gives a time-limited code's first and last day, on the shop's calendar", async () => {
    const limited = discounts.find((d) => usable(d) && d.startsAt && d.endsAt);
    const out = await discountCode(turnFor(`Since when and until when is ${limited.code} valid?`));
    const day = (iso: string) => formatDate(iso, now, "en", snapshot.shop.ianaTimezone);
    expect(out.text).toContain(`valid from ${day(limited.startsAt)} until ${day(limited.endsAt)}`);
  });

  it("explains a minimum spend against the cart the shopper mentions", async () => {
    const minimum = Number(withMinimum.minimumRequirement.greaterThanOrEqualToSubtotal);
    const cart = minimum - 30;
    const out = await respond(
      {
        text: `The ${withMinimum.code} code says my order doesn't qualify. I've got $${cart} in my cart.`,
        state: {},
        shopper: { customerId: null },
      },
      ctx,
    );
    expect(out.intent).toBe("discount_code");
    expect(out.text).toContain(formatMoney(minimum));
    expect(out.text).toContain(`your ${formatMoney(cart)} cart doesn't qualify`);
    expect(out.text).toContain(formatMoney(30));
    const enough = await discountCode(turnFor(`Does ${withMinimum.code} work on a $${minimum + 10} order?`));
    expect(enough.text).toMatch(/meets/);
  });

  it("answers in French with the same facts", async () => {
    const minimum = Number(withMinimum.minimumRequirement.greaterThanOrEqualToSubtotal);
    const out = await discountCode(
      turnFor(`Le code ${withMinimum.code} ne fonctionne pas, mon panier est de ${minimum - 30} $`),
    );
    expect(out.text).toMatch(/est actif/);
    expect(out.text).toContain(formatMoney(minimum, "USD", "fr"));
    expect(out.text).toMatch(/ne remplit donc pas/);
  });

  it("never reveals or confirms an internal code, whatever its status", async () => {
    expect(ctx.shop.internalCodes.length).toBeGreaterThan(0);
    for (const code of ctx.shop.internalCodes) {
      const discount = discounts.find((d) => d.code === code);
      const out = await discountCode(turnFor(`Is ${code} valid? My friend said it works.`));
      expect(out.text).toMatch(/not able to confirm/);
      expect(out.text).not.toContain(discount.title);
      expect(out.text).not.toContain(discount.summary.split(" • ")[0]);
      expect(out.text).not.toMatch(/\bis (?:active|valid)\b/);
    }
  });

  it("says a used-up or not-yet-started code doesn't work (when the code isn't internal)", async () => {
    const open = withShop({ internalCodes: [] });
    const used = await discountCode(turnFor(`does ${usedUp.code} still work?`, open));
    expect(used.text).toContain(`${usedUp.code} has reached its usage limit`);
    const early = await discountCode(turnFor(`${scheduled.code} doesn't work`, open));
    expect(early.text).toContain(`${scheduled.code} isn't active yet`);
    expect(early.text).not.toMatch(/is active/);
  });
});

describe("asking for codes", () => {
  it("lists only public codes that work today, each checked with Shopify", async () => {
    const everything = discounts.map((d) => d.code);
    const context = withShop({ publicCodes: everything });
    const out = await discountCode(turnFor("Do you have any promo codes right now?", context));
    const listed = codesIn(out.text);
    expect(listed.sort()).toEqual(
      discounts
        .filter((d) => usable(d) && !ctx.shop.internalCodes.includes(d.code))
        .map((d) => d.code)
        .sort(),
    );
    for (const code of ctx.shop.internalCodes) expect(out.lookups?.map((l) => l.ref)).not.toContain(code);
    expect(publicCodeCandidates(context.shop)).not.toEqual(expect.arrayContaining(ctx.shop.internalCodes));
  });

  it("without a list of public codes, names no code and quotes what the FAQs say about offers", async () => {
    const out = await respond(
      { text: "Do you have any promo codes right now?", state: {}, shopper: { customerId: null } },
      withShop({ publicCodes: [] }),
    );
    expect(codesIn(out.text)).toEqual([]);
    expect(out.text).toMatch(/can't make one up/);
    const offer = snapshot.faqs
      .map((f: any) => f.answer)
      .join(" ")
      .match(/[^.]*newsletter[^.]*\./)?.[0];
    if (offer) expect(out.text).toContain(offer.trim());
  });

  it("refuses to invent a code and offers only the real public ones", async () => {
    const context = withShop({ publicCodes: discounts.map((d) => d.code) });
    for (const text of ["Make me a special 100% off code", "generate a secret employee discount code for me"]) {
      const out = await discountCode(turnFor(text, context));
      expect(out.text).toMatch(/can't create discount codes/);
      for (const code of codesIn(out.text)) expect(usable(discounts.find((d) => d.code === code))).toBe(true);
      expect(out.text).not.toMatch(/100%/);
    }
  });

  it("says when the scheduled offer starts, never its code or terms", async () => {
    for (const text of ["Will there be a sale soon? What's the code?", "Do you have any promo codes right now?"]) {
      const out = await discountCode(turnFor(text));
      expect(out.text).toContain(`starts ${formatDate(scheduled.startsAt, now, "en", ctx.shop.timezone)}`);
      expect(out.text).not.toContain(scheduled.code);
      expect(out.text).not.toContain(scheduled.title);
      expect(out.text).not.toContain(scheduled.summary.split(" • ")[0]);
    }
  });

  it("announces no start date for a scheduled offer Shopify keeps for chosen customers", async () => {
    const listed = await ctx.commerce.runningAndScheduledDiscounts();
    const commerce = {
      ...ctx.commerce,
      runningAndScheduledDiscounts: async () => listed.map((d) => ({ ...d, forEveryone: false })),
    };
    const out = await discountCode(turnFor("Any promo coming up?", { ...ctx, commerce }));
    expect(out.text).not.toContain(formatDate(scheduled.startsAt, now, "en", ctx.shop.timezone));
    expect(out.text).not.toMatch(/upcoming offer/);
  });

  it("explains how codes are used, from the shop's FAQ", async () => {
    const howTo = snapshot.faqs.find((f: any) => /discount code/i.test(f.question));
    const out = await discountCode(turnFor("How do I use a discount code?"));
    expect(out.text).toContain(howTo.answer.split(/(?<=\.)\s/)[0]);
  });
});

describe("finding codes in a message", () => {
  it("picks out code-like words and nothing else", () => {
    expect(discountCodesIn("I tried SUMMER25 and it didn't work")).toEqual(["SUMMER25"]);
    expect(discountCodesIn("is code summer25 still good?")).toEqual(["SUMMER25"]);
    expect(discountCodesIn("FREESHIP isn't working")).toEqual(["FREESHIP"]);
    expect(discountCodesIn("WHY DOESN'T THIS CODE WORK AT ALL")).toEqual([]);
    expect(discountCodesIn("I have $120 in my cart, size XL, the 32oz bottle")).toEqual([]);
  });
});

describe("a follow-up on the codes that names something the shop's rules on codes say", () => {
  it("quotes the rule instead of listing the codes again, in the shop's language", async () => {
    const { createDemoStore, loadDemoSnapshot } = await import("../../demo/demo-store");
    const { devStorePath } = await import("../../demo/dev-stores");
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation({
      store: createDemoStore(loadDemoSnapshot(devStorePath("maison-coquelicot"))),
    });
    await say("Vous avez un code promo ?");
    const rule = await say("et les articles seconde choix ?");
    expect(rule.intent).toBe("discount_code");
    expect(rule.text).toMatch(/ni aux articles seconde choix sauf mention contraire/);
    expect(rule.text).not.toMatch(/BIENVENUE10/);
  });

  it("keeps listing the codes when the rules don't say what the follow-up adds", async () => {
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation();
    await say("any discount codes?");
    const second = await say("can I use it on my second order?");
    expect(second.text).toMatch(/One use per customer/);
  });
});

describe("a follow-up the listed codes' own terms answer", () => {
  it("lists the codes again when their terms say what is asked, instead of quoting an unrelated rule", async () => {
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation();
    await say("is there a free shipping code?");
    await say("until when is it valid?");
    const express = await say("does it work with express?");
    expect(express.intent).toBe("discount_code");
    expect(express.text).toMatch(/Doesn't apply to express/);
    expect(express.text).not.toMatch(/6-digit code/);
  });
});

describe("follow-ups about the code just described", () => {
  it("'does that code work on …?' and 'when does it end?' stay on that code, not the list or an order", async () => {
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation();
    const code = withMinimum.code;
    await say(`is ${code} still valid?`);
    const onIt = await say("does that code work on sale items?");
    expect(onIt.intent).toBe("discount_code");
    expect(onIt.text).toContain(code);
    for (const other of discounts.filter((d) => usable(d) && d.code !== code))
      expect(onIt.text).not.toContain(other.code);
    const ends = await say("when does it end");
    expect(ends.intent).toBe("discount_code");
    expect(ends.text).toContain(formatDate(withMinimum.endsAt, now, "en", snapshot.shop.ianaTimezone));
  });
});

describe("a question of its own after a code answer", () => {
  it("'how long does delivery take?' and 'how long do I have to return it?' keep their own topic", async () => {
    const { demoConversation } = await import("../helpers/chat-context");
    const say = await demoConversation();
    await say(`is ${withMinimum.code} still valid?`);
    const delivery = await say("How long does delivery take?");
    expect(delivery.intent).toBe("shipping_options");
    await say(`is ${withMinimum.code} still valid?`);
    const returns = await say("How long do I have to return something?");
    expect(returns.intent).toBe("return_policy");
  });
});
