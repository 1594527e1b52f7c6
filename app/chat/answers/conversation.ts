/** Small talk and hand-offs: short, friendly, always steering back to what the bot can do. */
import type { Answer, Turn } from "../types";

const CAPABILITIES = "track an order, answer questions about our products, or explain returns and shipping";

export function greeting(turn: Turn): Answer {
  return { text: `Hi! I'm ${turn.ctx.shop.botName} from ${turn.ctx.shop.name}. I can ${CAPABILITIES}. What can I do for you?` };
}

export function thanksGoodbye(turn: Turn): Answer {
  return { text: `You're welcome! Thanks for shopping with ${turn.ctx.shop.name}. If anything else comes up, I'm right here.` };
}

export function outOfScope(turn: Turn): Answer {
  if (turn.intent.lowConfidence) {
    return {
      text: `Sorry, I'm not sure I understood. I can ${CAPABILITIES}. Could you say it another way, or would you like a person from our team?`,
      quickReplies: ["Track my order", "Return policy", "Talk to a person"],
    };
  }
  return { text: `That's outside what I can help with here, sorry! I can ${CAPABILITIES}.` };
}

export function humanHandoff(turn: Turn): Answer {
  const hours = turn.ctx.shop.supportHours ? ` Our team is available ${turn.ctx.shop.supportHours}.` : "";
  const apology = turn.intent.intent === "complaint" ? "I'm really sorry about this. " : "";
  return {
    text: `${apology}I'm passing this conversation to a person on our team.${hours} They'll see everything you've written here; you can also reach them at ${turn.ctx.shop.email}.`,
    handoff: true,
  };
}
