/**
 * Builds the ChatContext for one shop: Shopify data (shop, policies, active catalog) fetched
 * through the shop's own Admin client and cached briefly, merged with the merchant's settings.
 */
import type { Commerce } from "../commerce/store";
import type { Product, ShopInfo, ShopPage } from "../commerce/types";
import { DEFAULT_SETTINGS, parseJsonArray, type ShopSettings } from "../settings.server";
import { buildCatalog, type Catalog } from "./entities";
import { shippedClassifier, type IntentClassifier } from "./intent/engine";
import { parseFactOverrides } from "./shop/facts";
import { memoryAttemptStore, type AttemptStore } from "./attempts";
import { memoryCodeStore, type OrderCodeStore } from "./order-codes";
import { mailerFromEnv } from "../notify/mailer.server";
import type { ChatContext, MailSender, ShopProfile } from "./types";

const CACHE_TTL_MS = 5 * 60_000;

interface ShopData {
  info: ShopInfo;
  pages: ShopPage[];
  catalog: Catalog;
  productsByHandle: Map<string, Product>;
  loadedAt: number;
  /** The profile last built from this data, and a copy of the settings it was built with. */
  profile?: { settings: ShopSettings; profile: ShopProfile };
}

const cache = new Map<string, ShopData>();

export async function buildChatContext(options: {
  shop: string;
  commerce: Commerce;
  settings: ShopSettings;
  classifier?: IntentClassifier;
  approvedAnswers?: { question: string; answer: string }[];
  now?: Date;
  /**
   * Failed verifications and one-time codes: the proxy passes the database's, shared by every
   * conversation and instance (verification-store.server.ts); without them they last as long as
   * this context.
   */
  verification?: { attempts: AttemptStore; orderCodes: OrderCodeStore };
  /** Outgoing email for the one-time codes; SMTP_URL/SMTP_FROM's when not given. */
  mailer?: MailSender | null;
}): Promise<ChatContext> {
  const data = await shopData(options.shop, options.commerce);
  // Order lookups need the shop's order-name format: no second read of the shop for them.
  options.commerce.rememberShopInfo(data.info);
  return {
    commerce: options.commerce,
    shop: profileOf(data, options.settings),
    permissions: {
      cancel: options.settings.allowCancel,
      returns: options.settings.allowReturns,
      addressChange: options.settings.allowAddressChange,
    },
    catalog: data.catalog,
    productsByHandle: data.productsByHandle,
    classifier: options.classifier ?? shippedClassifier(),
    approvedAnswers: options.approvedAnswers ?? [],
    now: options.now ?? new Date(),
    attempts: options.verification?.attempts ?? memoryAttemptStore(),
    orderCodes: options.verification?.orderCodes ?? memoryCodeStore(),
    mailer: options.mailer === undefined ? mailerFromEnv() : options.mailer,
  };
}

async function shopData(shop: string, commerce: Commerce): Promise<ShopData> {
  const cached = cache.get(shop);
  if (cached && Date.now() - cached.loadedAt < CACHE_TTL_MS) return cached;
  const [info, products, pages] = await Promise.all([
    commerce.shopInfo(),
    commerce.activeCatalog(),
    commerce.shopPages(),
  ]);
  const active = products.filter((p) => p.status === "ACTIVE");
  const data = {
    info,
    pages,
    catalog: buildCatalog(active),
    productsByHandle: new Map(active.map((p) => [p.handle, p])),
    loadedAt: Date.now(),
  };
  cache.set(shop, data);
  return data;
}

/**
 * The shop's profile, built once per shop data and settings: what is computed from it and kept
 * per profile object (the facts read from the shop's texts, shop/facts.ts) then lasts across
 * messages instead of being read again for each. Any change of a setting's value builds a new one.
 */
function profileOf(data: ShopData, settings: ShopSettings): ShopProfile {
  const last = data.profile;
  if (last && sameValues(last.settings, settings)) return last.profile;
  const profile = { ...shopProfile(data.info, settings), pages: data.pages };
  data.profile = { settings: { ...settings }, profile };
  return profile;
}

function sameValues(a: ShopSettings, b: ShopSettings): boolean {
  const keys = Object.keys(b) as (keyof ShopSettings)[];
  return keys.length === Object.keys(a).length && keys.every((key) => Object.is(a[key], b[key]));
}

// The same FAQ text gives the same array, so the knowledge index behind it is found without
// comparing the FAQs' contents on every message (knowledge.ts).
const faqsByText = new Map<string, ShopProfile["faqs"]>();
const FAQ_TEXTS = 256;

function parsedFaqs(json: string): ShopProfile["faqs"] {
  let faqs = faqsByText.get(json);
  if (!faqs) {
    faqs = parseJsonArray(json);
    if (faqsByText.size >= FAQ_TEXTS) faqsByText.delete(faqsByText.keys().next().value!);
    faqsByText.set(json, faqs);
  }
  return faqs;
}

export function shopProfile(info: ShopInfo, settings: ShopSettings): ShopProfile {
  return {
    name: info.name,
    email: settings.handoffEmail || info.email,
    // One name everywhere: the merchant's, or the shop's (as the storefront block falls back to shop.name).
    botName: settings.botName.trim() || info.name,
    greeting:
      settings.greeting.trim() && settings.greeting !== DEFAULT_SETTINGS.greeting ? settings.greeting.trim() : null,
    tone: settings.tone,
    supportHours: settings.supportHours,
    primaryDomainUrl: info.primaryDomainUrl,
    currencyCode: info.currencyCode,
    shipsToCountries: info.shipsToCountries,
    policies: info.policies,
    faqs: parsedFaqs(settings.faqs),
    internalCodes: parseJsonArray(settings.internalCodes),
    publicCodes: parseJsonArray(settings.publicCodes),
    accountUrl: `${info.primaryDomainUrl.replace(/\/$/, "")}/account`,
    factOverrides: parseFactOverrides(settings.factOverrides),
    timezone: info.timezone,
    orderNameFormat: info.orderNameFormat,
  };
}
