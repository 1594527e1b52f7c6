import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { Banner, BlockStack, Button, Card, Checkbox, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import db from "../db.server";
import { authenticate } from "../shopify.server";
import { parseSettingsForm, publishBubbleSettings, saveSettings, settingsView } from "../admin/settings.server";
import { createCommerce } from "../commerce/store";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { settings: await settingsView(db, session.shop) };
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

export default function Settings() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const saving = useNavigation().state === "submitting";
  const errors = result?.errors ?? {};
  const [values, setValues] = useState({ ...settings, retentionDays: String(settings.retentionDays), openaiKey: "" });
  const set = (name: string) => (value: string | boolean) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <Page title="Settings">
      <TitleBar title="Settings" />
      <Form method="post">
        <Layout>
          {result?.ok && (
            <Layout.Section>
              {result.publishError ? (
                <Banner tone="warning">{`Settings saved, but the storefront bubble couldn't be updated (${result.publishError}). Save again to retry.`}</Banner>
              ) : (
                <Banner tone="success">Settings saved.</Banner>
              )}
            </Layout.Section>
          )}
          {settings.openaiKeyUnreadable && (
            <Layout.Section>
              <Banner tone="critical" title="Your OpenAI key can't be read">
                {`The key you saved can no longer be decrypted (the app's encryption key changed), so your replies don't use it: ${settings.envKeyConfigured ? `they use the app's key and its model (${settings.appModels[0]}), not your model choice` : "they come from the local engine"}. Enter your key again below and save.`}
              </Banner>
            </Layout.Section>
          )}
          {result && !result.ok && (
            <Layout.Section>
              <Banner tone="critical">{`Not saved: ${Object.values(result.errors).join(" ")}`}</Banner>
            </Layout.Section>
          )}
          <Layout.AnnotatedSection title="The bot" description="How it introduces itself and when your team is around.">
            <Card>
              <FormLayout>
                <TextField label="Bot name" name="botName" value={values.botName} onChange={set("botName")} error={errors.botName} autoComplete="off" />
                <TextField label="Greeting" name="greeting" value={values.greeting} onChange={set("greeting")} error={errors.greeting} autoComplete="off" />
                <Select label="Tone" name="tone" options={["friendly", "formal", "playful"]} value={values.tone} onChange={set("tone")} />
                <TextField label="Support hours" name="supportHours" value={values.supportHours} onChange={set("supportHours")} helpText="e.g. Monday–Friday 8 am–6 pm Pacific Time, Sat 9 am–1 pm PT; or 24/7" error={errors.supportHours ?? (settings.supportHoursUnreadable && values.supportHours === settings.supportHours ? "The bot can't read these hours, so it won't tell shoppers whether your team is in right now. Use days and times like the example." : undefined)} autoComplete="off" />
                <TextField label="Hand-off email" name="handoffEmail" type="email" value={values.handoffEmail} onChange={set("handoffEmail")} error={errors.handoffEmail} autoComplete="email" />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Bubble" description="Bot name, greeting, colour and position are shown by the storefront bubble as soon as you save; the theme editor's app embed settings apply until you do.">
            <Card>
              <FormLayout>
                <TextField label="Accent colour" name="accentColor" value={values.accentColor} onChange={set("accentColor")} error={errors.accentColor} autoComplete="off" />
                <Select label="Position" name="position" options={[{ label: "Bottom right", value: "bottom-right" }, { label: "Bottom left", value: "bottom-left" }]} value={values.position} onChange={set("position")} />
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="What the bot may do" description="Off: the bot files a request your team sees under Hand-offs. On: after the shopper confirms, it makes the change in Shopify.">
            <Card>
              <BlockStack gap="200">
                <Checkbox label="Cancel unfulfilled orders" checked={values.allowCancel} onChange={set("allowCancel")} />
                <Checkbox label="Open returns for eligible items" checked={values.allowReturns} onChange={set("allowReturns")} />
                <Checkbox label="Change the address of unfulfilled orders" checked={values.allowAddressChange} onChange={set("allowAddressChange")} />
                {(["allowCancel", "allowReturns", "allowAddressChange"] as const).map((name) => (
                  <input key={name} type="hidden" name={name} value={values[name] ? "on" : "off"} />
                ))}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Language engine" description="Local needs no account. Hybrid (the default with a key) answers locally when it is sure and asks GPT-4 otherwise; OpenAI uses the model for every message. The local engine always answers if the model fails.">
            <Card>
              <FormLayout>
                <Select
                  label="Engine"
                  name="engineMode"
                  options={[{ label: "Automatic (hybrid with a key, else local)", value: "auto" }, { label: "Local only", value: "local" }, { label: "Hybrid", value: "hybrid" }, { label: "OpenAI", value: "openai" }]}
                  value={values.engineMode}
                  onChange={set("engineMode")}
                />
                <TextField
                  label="Model"
                  name="openaiModel"
                  value={values.openaiModel}
                  onChange={set("openaiModel")}
                  error={errors.openaiModel}
                  placeholder={settings.appModels[0]}
                  helpText={`Any model with your own key. With the app's key: ${settings.appModels.join(", ")}.`}
                  autoComplete="off"
                />
                <TextField
                  label="OpenAI API key"
                  name="openaiKey"
                  type="password"
                  value={values.openaiKey}
                  onChange={set("openaiKey")}
                  helpText={settings.openaiKeyMasked ? `Stored (encrypted): ${settings.openaiKeyMasked}. Leave blank to keep it.` : settings.envKeyConfigured ? "Using the app's key. Enter your own to bill your OpenAI account." : "Not set: the local engine answers."}
                  autoComplete="off"
                />
                {settings.openaiKeyMasked && <Checkbox label="Remove my key" name="removeOpenaiKey" checked={!!(values as Record<string, unknown>).removeOpenaiKey} onChange={set("removeOpenaiKey")} />}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.AnnotatedSection title="Privacy" description="Transcripts older than this are deleted every day.">
            <Card>
              <TextField label="Keep transcripts for (days)" name="retentionDays" type="number" value={values.retentionDays} onChange={set("retentionDays")} error={errors.retentionDays} autoComplete="off" />
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <BlockStack inlineAlign="end">
              <Button submit variant="primary" loading={saving}>
                Save
              </Button>
            </BlockStack>
            <Text as="p" variant="bodySm" tone="subdued">
              Your OpenAI key is stored encrypted and never sent to the storefront or logged.
            </Text>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
