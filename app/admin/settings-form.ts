/**
 * The Settings form's rules, shared by the page (it checks each field as the merchant leaves it)
 * and the server (it checks everything again before saving). Every message is a plain sentence
 * saying what to do, never the validator's own wording.
 */
import { z } from "zod";

export const ENGINE_MODES = ["auto", "local", "hybrid", "openai"] as const;
export const TONES = ["friendly", "formal", "playful"] as const;
export const POSITIONS = ["bottom-right", "bottom-left"] as const;
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 3650;

const EMAIL = z.string().email();
const oneOf = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.enum(values, { errorMap: () => ({ message }) });
const text = (max: number, message: string) => z.string({ invalid_type_error: message }).trim().max(max, message);

export const settingsSchema = z.object({
  botName: text(40, "Keep the name to 40 characters or fewer."),
  greeting: text(200, "Keep the greeting to 200 characters or fewer.").pipe(
    z.string().min(1, "Write a greeting: shoppers see it when they open the chat."),
  ),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour code like #1f6f5c: # and six digits or letters a–f."),
  position: oneOf(POSITIONS, "Choose bottom right or bottom left."),
  tone: oneOf(TONES, "Choose one of the tones in the list."),
  supportHours: text(300, "Keep the support hours to 300 characters or fewer."),
  handoffEmail: z
    .string()
    .trim()
    .refine(
      (value) => value === "" || EMAIL.safeParse(value).success,
      "Enter an email address like team@yourshop.com, or leave it empty.",
    ),
  allowCancel: z.boolean(),
  allowReturns: z.boolean(),
  allowAddressChange: z.boolean(),
  retentionDays: z
    .string()
    .trim()
    .regex(/^\d+$/, "Enter a number of days, like 90.")
    .transform(Number)
    .pipe(
      z
        .number()
        .min(MIN_RETENTION_DAYS, `Keep transcripts for at least ${MIN_RETENTION_DAYS} days.`)
        .max(MAX_RETENTION_DAYS, `Keep transcripts for at most ${MAX_RETENTION_DAYS} days (10 years).`),
    ),
  engineMode: oneOf(ENGINE_MODES, "Choose one of the engines in the list."),
  openaiModel: text(80, "Keep the model name to 80 characters or fewer."),
  openaiKey: text(300, "That doesn't look like an OpenAI key: keys are under 300 characters."),
  removeOpenaiKey: z.boolean(),
});

export type SettingsForm = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

/** The first problem with each field, by field name; {} when the form is fine. */
export function settingsProblems(input: Record<string, unknown>): Record<string, string> {
  const result = settingsSchema.safeParse(input);
  if (result.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) problems[String(issue.path[0])] ??= issue.message;
  return problems;
}
