/**
 * "ok thanks! also, do gift cards expire?", "ah, espera, ¿…?": the thanks closes the last answer
 * and the pause is only a pause; the question after them is what the message asks. A thanks with nothing asked after it ("thanks, that's all") stays a goodbye.
 * "Hi there, do you ship to the UK? Thanks!", "Bonjour, vous faites l'alignement de prix ? Merci !":
 * the greeting and the thanks around a request are courtesy; the request is what the message says.
 */
import { opensAQuestion } from "../question-words";

// A leading thanks (with an "ok"/"great" before it), then "and"/"also"/"one more thing" before the question.
const THANKS_THEN =
  /^\s*(?:(?:ok(?:ay)?|great|perfect|cool|super|nice|vale|bueno|genial|perfecto|parfait|d'accord|top|tr[eè]s bien)[\s,.!]*)?(?:thanks?(?: you)?(?: so much| a lot| very much)?|thx|ty|cheers|(?:muchas )?gracias|merci(?: beaucoup| bien)?)[\s,.!:;—–-]+(?:(?:and|also|oh|btw|by the way|one more thing|another question|quick question|otra cosa|otra pregunta|una cosa m[aá]s|una pregunta m[aá]s|adem[aá]s|tambi[eé]n|y|et|aussi|autre chose|une autre question|une derni[eè]re question|encore une question|une question)[\s,.!:;—–-]+)*(.+)$/iu;
// A "?" anywhere, or a question word first.
const asks = (text: string) => text.includes("?") || opensAQuestion(text);

// "ah wait,", "oh, one more thing:", "ah, espera,", "ah, attendez,": a pause before the question, not part of it.
const PAUSE_THEN =
  /^\s*(?:ah+|oh+|hm+|um+|euh|eh|wait|hold on|one more thing|actually|ah bon|espera|esperen?|oye|pues|attends?|attendez|au fait)(?:[\s,.!:;—–-]+(?:ah+|oh+|wait|hold on|one more thing|actually|espera|esperen?|una cosa m[aá]s|otra cosa|attends?|attendez|une derni[eè]re question|encore une chose|au fait))*[\s,.!:;—–-]+(.+)$/iu;

// "Hi there,", "Bonjour,", "Hola!", "buenos días,": a greeting before the message.
const GREETING_THEN =
  /^\s*(?:hi+|hello|hey+|hiya|good (?:morning|afternoon|evening)|bonjour|bonsoir|salut|coucou|hola|buenas(?: tardes| noches)?|buenos d[ií]as|buen d[ií]a)(?:\s+(?:there|team|all|everyone|folks|a todos|à tous|tout le monde|l'[ée]quipe))?[\s,.!:;—–-]+(.+)$/iu;
// "… Thanks!", "… merci d'avance", "… ¡gracias!", "… thank you so much": a thanks after the message.
const THEN_THANKS =
  /^(.+?)[\s,.!;:—–-]+[¡]?(?:(?:ok(?:ay)?|great)[\s,]+)?(?:thanks?(?: you)?(?: so much| a lot| very much| in advance)?|thx|ty|cheers|many thanks|(?:muchas )?gracias(?: de antemano| por adelantado)?|merci(?: beaucoup| bien| d'avance| par avance)?)[\s.!]*$/iu;
/** A request left after the courtesy has at least this many words ("hi, anyone there?" stays a greeting). */
const MIN_REQUEST_WORDS = 3;

/**
 * The request inside a message's courtesy: after a leading thanks or pause ("ah, wait,") that asks
 * something, after a greeting, and before a closing thanks; null when the message is nothing else.
 */
export function questionAfterOpening(text: string): string | null {
  const asked = afterThanksOrPause(text);
  const greeted = (asked ?? text).match(GREETING_THEN)?.[1]?.trim();
  const opened = greeted && greeted.split(/\s+/).length >= MIN_REQUEST_WORDS ? greeted : (asked ?? text);
  const closed = opened.match(THEN_THANKS)?.[1]?.trim();
  const core = closed && closed.split(/\s+/).length >= MIN_REQUEST_WORDS ? closed : opened;
  return core === text ? null : core;
}

function afterThanksOrPause(text: string): string | null {
  const rest = (text.match(THANKS_THEN) ?? text.match(PAUSE_THEN))?.[1]?.trim();
  // "thanks for nothing", "gracias por todo": the thanks goes on, nothing new is asked.
  if (!rest || /^(?:for|por|pour)\b/i.test(rest)) return null;
  if (rest.split(/\s+/).length < MIN_REQUEST_WORDS || !asks(rest)) return null;
  return rest;
}
