/** Small talk and hand-offs: short, friendly, always steering back to what the bot can do. */
import { defineMessages, t } from "../i18n";
import type { Answer, TicketRequest, Turn } from "../types";
import { detectLanguage, normalize, tokenize } from "../preprocess";
import { readingOf, shopAnswer, topicReader } from "../knowledge";
import { quoteAnswer } from "./policies";
import { replyTimeClause } from "./shop-rules";
import { withinSupportHours } from "../shop/support-hours";
import { isPlainQuestion } from "../intent/grievance";
import { personRequestReason, type HandoffReason } from "../handoff-reason";

export { withinSupportHours };
import { orderName } from "./orders";
import { handoffVerdict } from "../policy/handoff";

const M = defineMessages({
  handoff: {
    en: "{apology}I'm passing this conversation to a person on our team; they'll see everything you've written here. {availability} You can also email {email}.",
    es: "{apology}Paso esta conversación a una persona de nuestro equipo; verá todo lo que has escrito. {availability} También puedes escribir a {email}.",
    fr: "{apology}Je transmets cette conversation à une personne de notre équipe ; elle verra tout ce que vous avez écrit. {availability} Vous pouvez aussi écrire à {email}.",
  },
  apology: { en: "I'm really sorry about this. ", es: "Lo siento mucho. ", fr: "Je suis vraiment désolé. " },
  in_hours: {
    en: "Someone should join shortly (support hours: {hours}).",
    es: "Alguien debería atenderte en breve (horario de atención: {hours}).",
    fr: "Quelqu'un devrait vous répondre rapidement (horaires du support : {hours}).",
  },
  hours_only: {
    en: "Our support hours: {hours}.",
    es: "Nuestro horario de atención: {hours}.",
    fr: "Nos horaires de support : {hours}.",
  },
  out_of_hours: {
    en: "We're outside support hours right now ({hours}), so the team will reply {when}.",
    es: "Ahora estamos fuera del horario de atención ({hours}), así que el equipo te responderá {when}.",
    fr: "Nous sommes en dehors des horaires du support ({hours}) ; l'équipe vous répondra {when}.",
  },
  dont_know: {
    en: "I don't have the answer to that in our store's information, and I'd rather not guess. A person from our team can help: {email}.",
    es: "No tengo la respuesta en la información de nuestra tienda y prefiero no adivinar. Una persona de nuestro equipo puede ayudarte: {email}.",
    fr: "Je n'ai pas la réponse dans les informations de notre boutique et je préfère ne pas deviner. Une personne de notre équipe peut vous aider : {email}.",
  },
  when_back: { en: "when they're back", es: "a su regreso", fr: "à son retour" },
  hours_asked: {
    en: "Our support hours: {hours}. {now}",
    es: "Nuestro horario de atención: {hours}. {now}",
    fr: "Nos horaires de support : {hours}. {now}",
  },
  open_now: {
    en: "The team is in right now; I can pass you to them if you like.",
    es: "El equipo está atendiendo ahora; si quieres, te paso con ellos.",
    fr: "L'équipe est là en ce moment ; je peux vous mettre en relation si vous le souhaitez.",
  },
  closed_now: {
    en: "The team is out right now and will reply {when}; I can pass your question on if you like.",
    es: "El equipo no está ahora y responderá {when}; si quieres, les paso tu pregunta.",
    fr: "L'équipe est absente en ce moment et répondra {when} ; je peux lui transmettre votre question si vous le souhaitez.",
  },
  ask_contact: {
    en: "{apology}I'll pass this to a person on our team. {availability} What email address should they reply to? (You can also email {email} directly.)",
    es: "{apology}Se lo paso a una persona de nuestro equipo. {availability} ¿A qué correo te pueden responder? (También puedes escribir directamente a {email}.)",
    fr: "{apology}Je transmets à une personne de notre équipe. {availability} À quelle adresse e-mail peut-elle vous répondre ? (Vous pouvez aussi écrire directement à {email}.)",
  },
  refuse_injection: {
    en: "I can't do that, but I'm happy to help with your orders, our products, returns or shipping.",
    es: "No puedo hacer eso, pero con gusto te ayudo con tus pedidos, nuestros productos, devoluciones o envíos.",
    fr: "Je ne peux pas faire cela, mais je vous aide volontiers pour vos commandes, nos produits, les retours ou la livraison.",
  },
});

export function greeting(turn: Turn): Answer {
  // The merchant's greeting is written in their language; other languages get the standard one.
  const own = turn.ctx.shop.greeting;
  if (own && turn.language === detectLanguage(own, tokenize(normalize(own)))) return { text: own };
  const { botName, name } = turn.ctx.shop;
  // An assistant that goes by the shop's name welcomes the shopper to it, rather than "X from X".
  return {
    text:
      botName === name
        ? t(turn.language, "greeting_shop", { shop: name })
        : t(turn.language, "greeting", { bot: botName, shop: name }),
  };
}

// "You're welcome" answers thanks; "ok", "no" or "bye" get a plain sign-off.
const THANKS = /\b(?:thank|thanks|thx|ty|cheers|appreciate|gracias|merci)\b/i;

export function thanksGoodbye(turn: Turn): Answer {
  return {
    text: t(turn.language, THANKS.test(turn.pre.original) ? "thanks" : "goodbye", { shop: turn.ctx.shop.name }),
  };
}

/**
 * The shop's own text quoted (FAQ, policy, page, a product's description) when it answers the question; else null.
 * It must say two of the question's words itself, or with `headingCounts` through its FAQ question, page title or
 * heading ("Horaires : du mardi au samedi…" on the click-and-collect page answers the shop's hours).
 */
export function faqAnswer(turn: Turn, { headingCounts = false } = {}): Answer | null {
  const read = shopAnswer(turn.ctx.shop, turn.pre.original, {
    products: turn.ctx.productsByHandle,
    language: turn.language,
    max: 2,
    topics: { asked: readingOf(turn.intent), read: topicReader(turn.ctx.classifier) },
  });
  const said = headingCounts ? read[0]?.covered : read[0]?.answered;
  return said && said.length >= 2 ? quoteAnswer(turn, read) : null;
}

export function outOfScope(turn: Turn): Answer {
  // A question the shop's own text answers (FAQ, policy, page, a product's description) is in scope after all.
  const read = faqAnswer(turn) ?? supportHoursAsked(turn);
  if (read) return read;
  // A question the engine couldn't place that the shop's texts don't answer: say so and offer the team.
  if (turn.intent.lowConfidence && isPlainQuestion(turn.pre.normalized) && turn.pre.tokens.length >= 3) {
    return {
      text: t(turn.language, M.dont_know, { email: turn.ctx.shop.email }),
      kind: "no_answer",
      quickReplies: [t(turn.language, "talk_to_person")],
      lookups: [{ kind: "faq", ref: "policies, FAQs, pages, products", outcome: "no answer found" }],
      unsure: "unknown",
    };
  }
  const capabilities = t(turn.language, "capabilities");
  if (turn.intent.lowConfidence) {
    return {
      text: t(turn.language, "not_understood", { capabilities }),
      kind: "clarification",
      quickReplies: quickStarts(turn),
    };
  }
  return { text: t(turn.language, "out_of_scope", { capabilities }), kind: "no_answer" };
}

function quickStarts(turn: Turn): string[] {
  return {
    en: ["Track my order", "Return policy", "Talk to a person"],
    es: ["Seguir mi pedido", "Política de devoluciones", "Hablar con una persona"],
    fr: ["Suivre ma commande", "Politique de retour", "Parler à une personne"],
  }[turn.language];
}

// Attempts to make the bot ignore its rules or reveal its internals, in any intent.
const INJECTION =
  /\b(ignore (?:all |your |the |previous |prior )*(?:instructions|rules|prompt)|system prompt|your (?:instructions|prompt|rules)|developer mode|jailbreak|pretend (?:you are|to be)|act as|you are now|(?:100|ninety|90)\s?% (?:off|discount|code)|free (?:order|stuff) code|reveal (?:your|the) (?:code|prompt|instructions)|olvida tus instrucciones|ignora (?:tus|las) instrucciones|ignore(?:z)? (?:tes|vos|les) instructions)\b/i;

export function isInjectionAttempt(text: string): boolean {
  return INJECTION.test(text);
}

export function refuseInjection(turn: Turn): Answer {
  return { text: t(turn.language, M.refuse_injection) };
}

/** The shopper complains, whether or not they also asked for a person in so many words. */
export function complains(turn: Turn): boolean {
  return turn.intent.intent === "complaint" || !!turn.intent.grievance;
}

/** Why this request for a person goes to the team (see handoff-reason.ts). */
export function handoffReason(turn: Turn): HandoffReason {
  return personRequestReason(complains(turn), turn.state.lastReplyKind);
}

// "What are your support hours?", "when is customer service open?", "¿a qué hora abren?", "vous êtes
// ouverts le samedi ?": a question about when the team is there, not a request to be passed to it.
const ASKS_WHEN_TEAM_IS_IN =
  /\b(?:hours|open|opening|closed?|closing|what time|time ?zone|horarios?|abren|abierto|abiertos|cierran|a que hora|horaires|ouverts?|ouvrez|fermez|fermes?|a quelle heure)\b/;
const ASKS_FOR_A_PERSON =
  /\b(?:talk|speak|chat with|connect|transfer|put me through|get me|hablar|platicar|comunicarme|pasame|parler|passez-moi|mettre en relation|joindre)\b/;

// Read as out of scope, "what are your hours?" must still be about the shop ("what time is it in Paris?" isn't).
const ABOUT_THE_SHOP =
  /\b(?:you|your|support|customer service|store|shop|team|vous|vos|votre|boutique|service client|usted|ustedes|su|sus|tienda|atencion)\b/;

/** The team's hours asked as a question: the shop's hours, whether the team is in now, and the team a tap away. */
function supportHoursAsked(turn: Turn): Answer | null {
  const hours = turn.ctx.shop.supportHours;
  const n = turn.pre.normalized;
  if (!hours || complains(turn) || !isPlainQuestion(n) || !ASKS_WHEN_TEAM_IS_IN.test(n) || ASKS_FOR_A_PERSON.test(n))
    return null;
  if (turn.intent.intent !== "human_agent" && !ABOUT_THE_SHOP.test(n)) return null;
  return supportHoursAnswer(turn);
}

/** The shop's support hours, whether the team is in now, and the team a tap away; null when the shop gives no hours. */
export function supportHoursAnswer(turn: Turn): Answer | null {
  const hours = turn.ctx.shop.supportHours;
  if (!hours) return null;
  const L = turn.language;
  const open = withinSupportHours(hours, turn.ctx.now, turn.ctx.shop.timezone);
  const now =
    open === null
      ? ""
      : open
        ? t(L, M.open_now)
        : t(L, M.closed_now, { when: replyTimeClause(turn).trim() || t(L, M.when_back) });
  return {
    text: t(L, M.hours_asked, { hours: hours.replace(/[.\s]+$/, ""), now }).trim(),
    quickReplies: [t(L, "talk_to_person")],
  };
}

export function humanHandoff(turn: Turn): Answer {
  const asked = supportHoursAsked(turn);
  if (asked) return asked;
  const L = turn.language;
  const apology = complains(turn) ? t(L, M.apology) : "";
  const verdict = handoffVerdict({
    loggedIn: !!turn.shopper.customerId,
    typedEmails: [turn.entities.email, turn.state.email],
  });
  const email = verdict.kind === "hand_off" ? verdict.contactEmail : undefined;
  const hours = turn.ctx.shop.supportHours;
  const open = withinSupportHours(hours, turn.ctx.now, turn.ctx.shop.timezone);
  const availability =
    open === null
      ? hours
        ? t(L, M.hours_only, { hours })
        : ""
      : t(L, open ? M.in_hours : M.out_of_hours, { hours, when: replyTimeClause(turn).trim() || t(L, M.when_back) });
  // The ticket says what the shopper wanted, not "me@example.com" they typed when asked.
  const request = (
    turn.state.awaiting === "email" && turn.state.handoffRequest ? turn.state.handoffRequest : turn.pre.original
  ).slice(0, 300);
  const verdicts = [{ topic: "handoff" as const, verdict }];
  if (verdict.kind === "ask_contact_email") {
    // A guest: no ticket the team couldn't answer. The request waits in the conversation for the
    // reply address (the next message), and the shop's own address is there if they'd rather write.
    return {
      text: t(L, M.ask_contact, { apology, availability, email: turn.ctx.shop.email }),
      state: {
        awaiting: "email",
        handoffRequest: request,
        ...(turn.state.handoffReason ? {} : { handoffReason: handoffReason(turn) }),
      },
      verdicts,
    };
  }
  const ticket: TicketRequest = {
    kind: complains(turn) ? "complaint" : "handoff",
    summary: request,
    reason:
      turn.state.awaiting === "email" && turn.state.handoffReason ? turn.state.handoffReason : handoffReason(turn),
    contactEmail: email ?? undefined,
    orderNumber: turn.state.orderNumber ? orderName(turn, turn.state.orderNumber) : undefined,
  };
  return {
    text: t(L, M.handoff, { apology, availability, email: turn.ctx.shop.email }),
    handoff: true,
    ticket,
    verdicts,
  };
}
