/**
 * product_info: facts about one product, quoted from its description, with the price, sale price
 * and stock of the exact variant asked for. ACTIVE products only: DRAFT and ARCHIVED products are
 * never described, only said to be unavailable. Descriptions are quoted as the shop wrote them;
 * every other sentence is in the shopper's language.
 */
import { formatMoney } from "../../format";
import { t } from "../../i18n";
import { normalize } from "../../preprocess";
import type { Answer, Lookup, Turn } from "../../types";
import { isKindWord } from "../../catalog/vocabulary";
import { lowestPrice, onSale } from "../../catalog/search";
import {
  GENERIC_QUESTION,
  askedAbout,
  realOptions,
  standsAlone,
  withoutName,
  withoutValues,
  type Asked,
} from "./asked";
import { ALL_ASPECTS, statesAspect, type Aspect } from "../../catalog/aspects";
import type { Product } from "../../../commerce/types";
import { accessoryFor, contentWords, describedFacts, shopKnowledge, yesOrNo } from "./facts";
import { M } from "./messages";
import {
  asksStockCount,
  countLine,
  firstSentences,
  optionLines,
  priceLine,
  priceOf,
  productCard,
  stockLine,
} from "./render";
import { foreignNameBesideKind, onlyOneWithValueNamed, resolveProduct, searchCatalog, type Resolved } from "./resolve";
import { productSearch } from "./search";
import { measuredSize, sameMeasurement } from "./size-chart";
import { picksByExtreme, productByPosition, withoutPosition, withoutSizeChoice } from "../../references";
import { namedOptionValues, optionComparison, optionsAsked, variantLines, wantedVariants } from "./variants";

const SELLS_IT = /\b(?:do|does) (?:you|the (?:shop|store)) (?:carry|sell|stock)\b/;

export async function productInfo(turn: Turn): Promise<Answer> {
  const resolved = await resolveProduct(turn);
  const { lookups } = resolved;
  let product = resolved.product;
  let foundBySearch = false;
  if (!product) {
    if (resolved.unknownName) return unavailableAnswer(turn, resolved.unknownName, lookups);
    // "What's the lantern's battery life?": a kind of product we sell exactly one of.
    const found = searchCatalog(turn, { text: turn.pre.original, requireCategory: true });
    const single = found.single ?? onlyOneWithValueNamed(turn, found.results);
    if (!single) return productSearch(turn);
    // "La nappe brodée Coquelicot" found the only tablecloth, which isn't the one named.
    const foreign = foreignNameBesideKind(turn, single);
    if (foreign) return unavailableAnswer(turn, foreign, lookups);
    product = single;
    foundBySearch = true;
    lookups.push({ kind: "product_search", ref: found.categoryWords.join(" "), outcome: "1 found" });
  }
  const L = turn.language;
  const currency = turn.ctx.shop.currencyCode;
  // The question without the product's name: "Tern Rain Jacket" doesn't ask about rain.
  // Nor does "the second one" ask anything of the product it points to.
  // Nor "the bigger one" right after a list: it picked the product.
  const picked = picksByExtreme(turn.pre.original, turn.state)
    ? withoutSizeChoice(turn.pre.original)
    : turn.pre.original;
  const text = withoutName(
    positionOf(turn) ? withoutPosition(picked) : picked,
    product,
    turn.entities.product,
    foundBySearch,
  );
  // "S/M or M/L?", "le petit ou le grand ?": what sets the named values apart, side by side.
  const comparison = optionComparison(product, text, turn);
  if (comparison) {
    return {
      text: `${product.title}: ${comparison.join(" ")}`,
      products: [productCard(product, currency, L)],
      lookups: [...lookups, { kind: "product", ref: product.handle, outcome: "options compared" }],
      state: { productHandle: product.handle },
    };
  }
  const wanted: Resolved["wanted"] = { ...namedOptionValues(product, text, resolved.wanted) };
  // Only values the shopper really wrote as a word ("size M"), not a letter of "sizes".
  for (const [key, value] of Object.entries(resolved.wanted))
    if (value && standsAlone(turn.pre.original, value)) wanted[key] = value;
  // "size M?" … "in black?": the size asked before still holds for the same product.
  const asked0 = optionsAsked(product, wanted);
  const earlier = turn.state.productHandle === product.handle ? (turn.state.productVariant ?? {}) : {};
  if (Object.keys(asked0).length > 0)
    for (const [option, value] of Object.entries(earlier)) if (!(option in asked0)) wanted[option] = value;
  // "Which size fits a 34 inch bust?": the shop's size chart holds the answer, and maybe the size itself.
  const measured = measuredSize(turn, product, turn.pre.original);
  // The bed or body it is measured against is no size of the product asked for ("a 160x200 bed").
  for (const [key, value] of Object.entries(wanted))
    if (measured && value && sameMeasurement(value, measured.measurement) && !hasValue(product, value))
      delete wanted[key];
  const wantsVariant = Object.values(wanted).some(Boolean);
  const variantAsked = Object.keys(asked0).length > 0 ? { ...earlier, ...asked0 } : earlier;
  // "How much is it in Long?" asks about the price, not the length.
  const asked = askedAbout(withoutValues(text, Object.values(wanted)), product, L);
  // "Do you carry the lantern?" asks whether the shop sells it, not what load it carries.
  if (SELLS_IT.test(turn.pre.normalized)) {
    asked.aspects.delete("load");
    asked.groups = asked.groups.filter((group) => !group.includes("load"));
    asked.stock = true;
  }
  // Only a value of its own options asks the same aspects of it again (not "350 ml" it doesn't come in).
  askAgain(turn, product, asked, withoutValues(text, Object.values(wanted)), Object.keys(asked0).length > 0);
  const described = describedFacts(product, turn, asked, text);
  // "je cherche le drap-housse 160 x 200 blanc": a variant named and no aspect asked is a question of
  // whether it's there, which its stock answers, not a fact the description leaves out.
  const onlyTheVariant = wantsVariant && asked.aspects.size === 0 && described.quoted.length === 0;
  // With the chart's sentence, of the description only what it says of the fit.
  const fitQuoted = described.quoted.filter((sentence) => statesAspect(sentence, "fit") > 0);
  const chartInDescription = measured?.fromDescription && !fitQuoted.includes(measured.quote);
  const facts = measured
    ? { ...described, unanswered: false, quoted: chartInDescription ? [...fitQuoted, measured.quote] : fitQuoted }
    : onlyTheVariant
      ? { ...described, unanswered: false }
      : described;
  const parts: string[] = [];
  const cards = [productCard(product, currency, L)];
  const quickReplies: string[] = [];

  const verdict =
    facts.quoted.length === 1 ? yesOrNo(turn.pre.original, facts.quoted[0], contentWords(turn, product, text)) : null;
  if (verdict) parts.push(t(L, M[verdict]));
  if (measured?.size)
    parts.push(t(L, M.size_for_measurement, { measurement: measured.measurement, size: measured.size }));
  if (facts.quoted.length > 0) parts.push(facts.quoted.join(" "));
  if (measured && !measured.fromDescription) {
    parts.push(t(L, measured.inEnglish ? M.size_chart_in_english : M.size_chart), measured.quote);
    lookups.push(...measured.lookups);
  }
  const accessory = facts.separately ? accessoryFor(turn, product) : null;
  if (accessory) {
    parts.push(t(L, M.accessory, { title: accessory.title, price: formatMoney(lowestPrice(accessory), currency, L) }));
    cards.push(productCard(accessory, currency, L));
  }
  // Not in the description: the shop's FAQs and policies may answer it ("how do I wash it?", "is it refundable?").
  const general = facts.unanswered && !accessory ? shopKnowledge(turn, text, product) : null;
  if (general) {
    parts.push(t(L, general.inEnglish ? M.from_faq_in_english : M.from_faq), general.quote);
    lookups.push(...general.lookups);
  }
  const unanswered = facts.unanswered && !accessory && !general;
  if (unanswered) {
    parts.push(
      t(L, facts.quoted.length > 0 ? M.not_in_description_rest : M.not_in_description, { email: turn.ctx.shop.email }),
    );
    quickReplies.push(t(L, "talk_to_person"));
  }
  const optionNames = [...asked.optionNames, ...facts.optionNames];
  const listsOptions = (asked.options || optionNames.length > 0) && !wantsVariant && realOptions(product).length > 0;
  if (listsOptions) parts.push(...optionLines(product, text, L, optionNames));
  const generic =
    facts.quoted.length === 0 &&
    !unanswered &&
    !general &&
    !asked.price &&
    !asked.stock &&
    !wantsVariant &&
    !listsOptions;
  // Two products compared ("what's the difference…") are each described a little more.
  if (generic) parts.push(firstSentences(product.description, asked.compare ? 3 : 2));
  if (asked.sale && !onSale(product))
    parts.push(t(L, M.not_on_sale, { price: priceOf(product.variants, currency, L) }));
  else if (asked.price || generic || (onSale(product) && !unanswered)) parts.push(priceLine(product, currency, L));
  if (wantsVariant) parts.push(...variantLines(product, wanted, turn));
  else if (asked.stock || generic) parts.push(stockLine(product, L));
  // "How many are left?": the count of the variant asked for, or of a product with one variant.
  const counted = asksStockCount(text, product)
    ? wantsVariant
      ? wantedVariants(product, wanted)
      : product.variants
    : [];
  if (counted.length === 1 || (counted.length > 0 && !wantsVariant && product.variants.length === 1))
    parts.push(countLine(counted, L));

  // The size the chart gave holds for "how much is that one in terracotta?".
  const remembered =
    measured?.size && measured.option ? { ...variantAsked, [measured.option]: measured.size } : variantAsked;
  // The product's name and card alone answer nothing of what was asked.
  const answeredNothing =
    unanswered && facts.quoted.length === 0 && !asked.price && !asked.stock && !wantsVariant && !listsOptions;
  return {
    text: `${product.title}: ${parts.filter(Boolean).join(" ")}`,
    ...(answeredNothing ? { kind: "no_answer" as const } : {}),
    products: cards,
    quickReplies: quickReplies.length > 0 ? quickReplies : undefined,
    lookups: [
      ...lookups,
      {
        kind: "product",
        ref: product.handle,
        outcome: product.variants.some((v) => v.availableForSale) ? "found, in stock" : "found, sold out",
      },
    ],
    state: {
      productHandle: product.handle,
      productAspects: asked.aspects.size > 0 ? [...asked.aspects] : undefined,
      productVariant: Object.keys(remembered).length > 0 ? remembered : undefined,
    },
    ...(unanswered ? { unsure: "unknown" as const } : {}),
  };
}

/** The message points to a product by its place in the list just shown. */
function positionOf(turn: Turn): boolean {
  return !!turn.productHandle && productByPosition(turn.pre.original, turn.state) === turn.productHandle;
}

function hasValue(product: Product, value: string): boolean {
  const wanted = normalize(value);
  return product.options.some((option) => option.values.some((v) => normalize(v) === wanted));
}

export async function unavailableAnswer(turn: Turn, name: string, lookups: Lookup[]): Promise<Answer> {
  const L = turn.language;
  const answer: Answer = {
    text: t(L, M.product_unavailable, { name, email: turn.ctx.shop.email }),
    kind: "no_answer",
    quickReplies: [t(L, "talk_to_person")],
    lookups,
  };
  // Similar products we do sell, by the kind of thing named ("… Quilt" → nothing; "… Tent" → tents; "Café …" → coffees).
  const words = name.split(/\s+/);
  const kind =
    words.find((w) => isKindWord(turn.ctx.catalog.vocabulary, normalize(w))) ?? words[words.length - 1] ?? "";
  const similar = searchCatalog(turn, { text: kind, requireCategory: true });
  if (similar.results.length > 0) {
    const currency = turn.ctx.shop.currencyCode;
    answer.text += `\n\n${t(L, M.similar_products)}`;
    answer.products = similar.results.slice(0, 3).map((p) => productCard(p, currency, L));
  }
  return answer;
}

/**
 * "How much does the Kestrel 40 weigh?" … "and the Kestrel 30?": a bare mention of another product
 * right after a product question asks the same aspects of it; "and the large?" after the medium's height asks
 * them of another of the same product's options.
 */
function askAgain(turn: Turn, product: Product, asked: Asked, text: string, optionNamed: boolean): void {
  const before = turn.state.productAspects ?? [];
  const asksNothing =
    asked.aspects.size === 0 &&
    !asked.price &&
    !asked.stock &&
    !asked.compare &&
    !asked.options &&
    asked.optionNames.length === 0;
  const sameProduct = turn.state.productHandle === product.handle;
  if (before.length === 0 || !asksNothing || (sameProduct && !optionNamed)) return;
  if (GENERIC_QUESTION.test(turn.pre.original.trim()) || contentWords(turn, product, text).length > 0) return;
  for (const aspect of before) {
    if (!ALL_ASPECTS.includes(aspect as Aspect)) continue;
    asked.aspects.add(aspect as Aspect);
    asked.groups.push([aspect as Aspect]);
  }
}
