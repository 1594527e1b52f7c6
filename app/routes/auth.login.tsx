import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState } from "react";
import { Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { LoginErrorType, type LoginError } from "@shopify/shopify-app-remix/server";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { appConfig, login } from "../shopify.server";

// The library's login path (authPathPrefix + "/login"): where an expired or missing admin session
// is sent. It must call shopify.login(), which redirects to Shopify for a known shop; calling
// authenticate.admin() here is a 500 by design of the library.
export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

function loginErrors(result: LoginError): { shop?: string } {
  if (result.shop === LoginErrorType.MissingShop) return { shop: "Enter your shop's domain to log in." };
  if (result.shop === LoginErrorType.InvalidShop)
    return { shop: "That isn't a shop domain (it looks like your-shop.myshopify.com)." };
  return {};
}

export const loader = async ({ request }: LoaderFunctionArgs) => ({
  errors: loginErrors(await login(request)),
  apiKey: appConfig.apiKey,
});

export const action = async ({ request }: ActionFunctionArgs) => ({ errors: loginErrors(await login(request)) });

export default function Login() {
  const { errors: loaded, apiKey } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors ?? loaded;
  const [shop, setShop] = useState("");
  return (
    <AppProvider isEmbeddedApp={false} apiKey={apiKey}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                Log in
              </Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="your-shop.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
