/**
 * Every sentence the bot writes, in English, Spanish and French. Answers call `say(turn, key,
 * vars)`; the shopper's language is decided once per turn (see pipeline.ts). Data quoted from
 * the shop (policy sentences, product descriptions) stays in the shop's own language.
 */
import type { Language } from "./preprocess";

type Catalog = Record<string, Record<Language, string>>;

const MESSAGES = {
  // The quick reply several answers offer.
  talk_to_person: { en: "Talk to a person", es: "Hablar con una persona", fr: "Parler à une personne" },
  greeting: {
    en: "Hi! I'm {bot} from {shop}. I can track an order, answer questions about our products, or explain returns and shipping. What can I do for you?",
    es: "¡Hola! Soy {bot} de {shop}. Puedo rastrear un pedido, responder preguntas sobre nuestros productos o explicarte devoluciones y envíos. ¿En qué te ayudo?",
    fr: "Bonjour ! Je suis {bot} de {shop}. Je peux suivre une commande, répondre à vos questions sur nos produits ou vous expliquer les retours et la livraison. Que puis-je faire pour vous ?",
  },
  greeting_shop: {
    en: "Hi! Welcome to {shop}. I can track an order, answer questions about our products, or explain returns and shipping. What can I do for you?",
    es: "¡Hola! Bienvenido a {shop}. Puedo rastrear un pedido, responder preguntas sobre nuestros productos o explicarte devoluciones y envíos. ¿En qué te ayudo?",
    fr: "Bonjour ! Bienvenue chez {shop}. Je peux suivre une commande, répondre à vos questions sur nos produits ou vous expliquer les retours et la livraison. Que puis-je faire pour vous ?",
  },
  goodbye: {
    en: "Alright! If anything else comes up, I'm right here.",
    es: "¡De acuerdo! Si necesitas algo más, aquí estoy.",
    fr: "Très bien ! Si vous avez besoin d'autre chose, je suis là.",
  },
  thanks: {
    en: "You're welcome! Thanks for shopping with {shop}. If anything else comes up, I'm right here.",
    es: "¡De nada! Gracias por comprar en {shop}. Si necesitas algo más, aquí estoy.",
    fr: "Avec plaisir ! Merci de votre confiance envers {shop}. Si vous avez besoin d'autre chose, je suis là.",
  },
  capabilities: {
    en: "I can track an order, answer questions about our products, or explain returns and shipping.",
    es: "Puedo rastrear un pedido, responder preguntas sobre nuestros productos o explicarte devoluciones y envíos.",
    fr: "Je peux suivre une commande, répondre à vos questions sur nos produits ou vous expliquer les retours et la livraison.",
  },
  not_understood: {
    en: "Sorry, I'm not sure I understood. {capabilities} Could you say it another way, or would you like a person from our team?",
    es: "Perdona, no estoy seguro de haberte entendido. {capabilities} ¿Puedes decirlo de otra forma, o prefieres hablar con una persona de nuestro equipo?",
    fr: "Désolé, je ne suis pas sûr d'avoir compris. {capabilities} Pouvez-vous reformuler, ou préférez-vous parler à une personne de notre équipe ?",
  },
  out_of_scope: {
    en: "That's outside what I can help with here, sorry! {capabilities}",
    es: "Eso está fuera de lo que puedo hacer aquí, ¡lo siento! {capabilities}",
    fr: "Je ne peux pas vous aider pour cela ici, désolé ! {capabilities}",
  },
} satisfies Catalog;

const EXTRA: Catalog = {};

/** Register more sentences (answers modules keep their own next to the code that uses them). */
export function defineMessages<T extends Catalog>(messages: T): { [K in keyof T]: K } {
  // One catalog for every module: a key defined twice would silently change the other module's sentence.
  for (const [key, entry] of Object.entries(messages)) {
    const existing = (MESSAGES as Catalog)[key] ?? EXTRA[key];
    if (existing && JSON.stringify(existing) !== JSON.stringify(entry))
      throw new Error(`Message "${key}" is already defined with other sentences`);
  }
  Object.assign(EXTRA, messages);
  return Object.fromEntries(Object.keys(messages).map((k) => [k, k])) as { [K in keyof T]: K };
}

/** The sentence for `key` in `language`, with {placeholders} filled in. */
export function t(language: Language, key: string, vars: Record<string, string | number> = {}): string {
  const entry = (MESSAGES as Catalog)[key] ?? EXTRA[key];
  if (!entry) throw new Error(`No message "${key}"`);
  const text = (entry[language] ?? entry.en).replace(/\{(\w+)\}/g, (match, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
  // Templates say "on {date}"; a date can be "yesterday (Thursday, …)", which takes no "on".
  return text.replace(RELATIVE_AFTER_PREPOSITION[language], "$1");
}

const RELATIVE_AFTER_PREPOSITION: Record<Language, RegExp> = {
  en: /\bon ((?:yesterday|today|tomorrow) \()/g,
  es: /\bel ((?:ayer|hoy|mañana) \()/g,
  fr: /\ble ((?:hier|aujourd'hui|demain) \()/g,
};

export const LOCALES: Record<Language, string> = { en: "en-US", es: "es-ES", fr: "fr-FR" };
