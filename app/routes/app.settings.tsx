import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ColorPicker,
  FormLayout,
  hexToRgb,
  hsbToHex,
  Layout,
  Page,
  Popover,
  rgbToHsb,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { SaveBar, TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { parseSettingsForm, publishBubbleSettings, saveSettings, settingsView } from "../admin/settings.server";
import { settingsProblems } from "../admin/settings-form";
import { createCommerce } from "../commerce/store";
import { pageTitle } from "../components/title";

export const meta = () => pageTitle("Settings");

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  // The shop's name is what an unnamed assistant goes by: shown as the name field's placeholder.
  const [settings, shopName] = await Promise.all([
    settingsView(db, session.shop),
    createCommerce(admin.graphql)
      .shopInfo()
      .then((info) => info.name)
      .catch(() => null),
  ]);
  return { settings, shopName };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const parsed = parseSettingsForm(await request.formData());
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors, publishError: null };
  const errors = await saveSettings(db, session.shop, parsed.value);
  if (Object.keys(errors).length) return { ok: false as const, errors, publishError: null };
  const publishError = await publishBubbleSettings(createCommerce(admin.graphql), parsed.value);
  return { ok: true as const, errors: {} as Record<string, string>, publishError };
};

type Settings = ReturnType<typeof useLoaderData<typeof loader>>["settings"];

/** The form's fields as the page edits them (text inputs hold strings). */
function formValues(settings: Settings) {
  return {
    botName: settings.botName,
    greeting: settings.greeting,
    tone: settings.tone,
    supportHours: settings.supportHours,
    handoffEmail: settings.handoffEmail,
    accentColor: settings.accentColor,
    position: settings.position,
    allowCancel: settings.allowCancel,
    allowReturns: settings.allowReturns,
    allowAddressChange: settings.allowAddressChange,
    engineMode: settings.engineMode,
    openaiModel: settings.openaiModel,
    openaiKey: "",
    removeOpenaiKey: false,
    retentionDays: String(settings.retentionDays),
  };
}
type Values = ReturnType<typeof formValues>;

export default function SettingsPage() {
  const { settings, shopName } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const submit = useSubmit();
  const shopify = useAppBridge();
  const form = useRef<HTMLFormElement>(null);

  // What is saved, and the merchant's edits to it. A successful save reloads the settings, and the
  // edits start again from them; a refused save keeps the edits.
  const saved = useMemo(() => formValues(settings), [settings]);
  const savedKey = JSON.stringify(saved);
  const [values, setValues] = useState<Values>(saved);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [attempted, setAttempted] = useState(false);
  useEffect(() => {
    setValues(saved);
    setTouched(new Set());
    setAttempted(false);
  }, [savedKey]); // eslint-disable-line react-hooks/exhaustive-deps -- the saved values, by content
  useEffect(() => {
    if (result?.ok && !result.publishError) shopify.toast.show("Settings saved");
  }, [result, shopify]);

  const dirty = JSON.stringify(values) !== savedKey;
  const problems = settingsProblems(values);
  // A field's problem shows once the merchant has left it, or tried to save.
  const error = (name: keyof Values) =>
    attempted || touched.has(name)
      ? (problems[name] ?? (result && !result.ok ? result.errors[name] : undefined))
      : undefined;
  const field = <K extends keyof Values>(name: K) => ({
    name,
    value: values[name] as string,
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    onBlur: () => setTouched((t) => new Set(t).add(name)),
    error: error(name),
  });
  const check = (name: "allowCancel" | "allowReturns" | "allowAddressChange" | "removeOpenaiKey") => ({
    checked: values[name],
    onChange: (checked: boolean) => setValues((v) => ({ ...v, [name]: checked })),
  });

  const save = () => {
    setAttempted(true);
    if (Object.keys(problems).length === 0 && form.current) submit(form.current, { method: "post" });
  };
  const discard = () => {
    setValues(saved);
    setTouched(new Set());
    setAttempted(false);
  };
  const problemCount = attempted
    ? Object.keys(problems).length || (result && !result.ok ? Object.keys(result.errors).length : 0)
    : 0;

  return (
    <Page title="Settings">
      <TitleBar title="Settings" />
      {/* The admin's contextual save bar: Save and Discard while there are unsaved changes. */}
      <SaveBar id="settings-save-bar" open={dirty} discardConfirmation>
        <button variant="primary" onClick={save} disabled={saving} {...(saving ? { loading: "" } : {})}></button>
        <button onClick={discard} disabled={saving}></button>
      </SaveBar>
      <Form method="post" ref={form} onSubmit={(event) => (event.preventDefault(), save())}>
        <Layout>
          {problemCount > 0 && (
            <Layout.Section>
              <Banner
                tone="critical"
                title={
                  problemCount === 1
                    ? "1 setting needs fixing before saving"
                    : `${problemCount} settings need fixing before saving`
                }
              >
                <p>Each one says what to change, beside the field.</p>
              </Banner>
            </Layout.Section>
          )}
          {settings.openaiKeyUnreadable && (
            <Layout.Section>
              <Banner tone="critical" title="Your OpenAI key can't be read">
                {`The key you saved can no longer be decrypted (the app's encryption key changed), so your replies don't use it: ${settings.envKeyConfigured ? `they use the app's key and its model (${settings.appModels[0]}), not your model choice` : "they come from the local engine"}. Enter your key again below and save.`}
              </Banner>
            </Layout.Section>
          )}
          {result?.ok && result.publishError && (
            <Layout.Section>
              <Banner tone="warning">{`Settings saved, but the storefront bubble couldn't be updated (${result.publishError}). Save again to retry.`}</Banner>
            </Layout.Section>
          )}
          <Layout.AnnotatedSection title="The bot" description="How it introduces itself and when your team is around.">
            <Card>
              <FormLayout>
                <TextField
                  label="Bot name"
                  {...field("botName")}
                  placeholder={shopName ?? undefined}
                  helpText={`Shown in the chat's header and greeting. Leave it empty to use your shop's name${shopName ? ` (${shopName})` : ""}.`}
                  autoComplete="off"
                />
                <TextField
                  label="Greeting"
                  {...field("greeting")}
                  helpText="The first message shoppers see when they open the chat."
                  autoComplete="off"
                />
                <Select
                  label="Tone"
                  name="tone"
                  options={[
                    { label: "Friendly", value: "friendly" },
                    { label: "Formal", value: "formal" },
                    { label: "Playful", value: "playful" },
                  ]}
                  value={values.tone}
                  onChange={field("tone").onChange}
                  error={error("tone")}
                />
                <TextField
                  label="Support hours"
                  {...field("supportHours")}
                  helpText="e.g. Monday–Friday 8 am–6 pm Pacific Time, Sat 9 am–1 pm PT; or 24/7"
                  error={
                    error("supportHours") ??
                    (settings.supportHoursUnreadable && values.supportHours === settings.supportHours
                      ? "The bot can't read these hours, so it won't tell shoppers whether your team is in right now. Use days and times like the example."
                      : undefined)
                  }
                  autoComplete="off"
                />
                <TextField label="Hand-off email" type="email" {...field("handoffEmail")} autoComplete="email" />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Bubble"
            description="Bot name, greeting, colour and position are shown by the storefront bubble as soon as you save; the theme editor's app embed settings apply until you do."
          >
            <Card>
              <FormLayout>
                <AccentColourField
                  {...field("accentColor")}
                  onPick={(hex) => setValues((v) => ({ ...v, accentColor: hex }))}
                />
                <Select
                  label="Position"
                  name="position"
                  options={[
                    { label: "Bottom right", value: "bottom-right" },
                    { label: "Bottom left", value: "bottom-left" },
                  ]}
                  value={values.position}
                  onChange={field("position").onChange}
                  error={error("position")}
                />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="What the bot may do"
            description="Off: the bot files a request your team sees under Hand-offs. On: after the shopper confirms, it makes the change in Shopify."
          >
            <Card>
              <BlockStack gap="200">
                <Checkbox label="Cancel unfulfilled orders" {...check("allowCancel")} />
                <Checkbox label="Open returns for eligible items" {...check("allowReturns")} />
                <Checkbox label="Change the address of unfulfilled orders" {...check("allowAddressChange")} />
                {(["allowCancel", "allowReturns", "allowAddressChange"] as const).map((name) => (
                  <input key={name} type="hidden" name={name} value={values[name] ? "on" : "off"} />
                ))}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection
            title="Language engine"
            description="Local needs no account. Hybrid (the default with a key) answers locally when it is sure and asks GPT-4 otherwise; OpenAI uses the model for every message. The local engine always answers if the model fails."
          >
            <Card>
              <FormLayout>
                <Select
                  label="Engine"
                  name="engineMode"
                  options={[
                    { label: "Automatic (hybrid with a key, else local)", value: "auto" },
                    { label: "Local only", value: "local" },
                    { label: "Hybrid", value: "hybrid" },
                    { label: "OpenAI", value: "openai" },
                  ]}
                  value={values.engineMode}
                  onChange={field("engineMode").onChange}
                  error={error("engineMode")}
                />
                <TextField
                  label="Model"
                  {...field("openaiModel")}
                  placeholder={settings.appModels[0]}
                  helpText={`Any model with your own key. With the app's key: ${settings.appModels.join(", ")}.`}
                  autoComplete="off"
                />
                <TextField
                  label="OpenAI API key"
                  type="password"
                  {...field("openaiKey")}
                  helpText={
                    settings.openaiKeyMasked
                      ? `Stored (encrypted): ${settings.openaiKeyMasked}. Leave blank to keep it.`
                      : settings.envKeyConfigured
                        ? "Using the app's key. Enter your own to bill your OpenAI account."
                        : "Not set: the local engine answers."
                  }
                  autoComplete="off"
                />
                {settings.openaiKeyMasked && (
                  <Checkbox label="Remove my key" name="removeOpenaiKey" {...check("removeOpenaiKey")} />
                )}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Privacy" description="Transcripts older than this are deleted every day.">
            <Card>
              <TextField
                label="Keep transcripts for (days)"
                type="number"
                {...field("retentionDays")}
                autoComplete="off"
              />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Box paddingBlockEnd="400">
              <Text as="p" variant="bodySm" tone="subdued">
                Your OpenAI key is stored encrypted and never sent to the storefront or logged.
              </Text>
            </Box>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** The accent colour as a hex code, with a colour picker beside it that writes the code. */
function AccentColourField({
  onPick,
  ...field
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
  error?: string;
  onPick: (hex: string) => void;
}) {
  const [picking, setPicking] = useState(false);
  const shown = HEX.test(field.value) ? field.value : "#ffffff";
  return (
    <TextField
      label="Accent colour"
      {...field}
      autoComplete="off"
      helpText="The launcher, the chat's header and your shopper's messages. Text on it turns dark on light colours."
      prefix={
        <span
          aria-hidden
          style={{
            display: "block",
            width: 20,
            height: 20,
            borderRadius: 4,
            background: shown,
            boxShadow: "inset 0 0 0 1px rgba(0,0,0,.25)",
          }}
        />
      }
      connectedRight={
        <Popover
          active={picking}
          onClose={() => setPicking(false)}
          preferredAlignment="right"
          activator={
            <Button onClick={() => setPicking((open) => !open)} disclosure={picking ? "up" : "down"}>
              Pick a colour
            </Button>
          }
        >
          <Box padding="300">
            <ColorPicker color={rgbToHsb(hexToRgb(shown))} onChange={(colour) => onPick(hsbToHex(colour))} />
          </Box>
        </Popover>
      }
    />
  );
}
