// ESLint 9 flat config: the rule sets of Shopify's Remix app template (ESLint's recommended,
// typescript-eslint, React, React hooks, jsx-a11y, Prettier last), plus the one architectural
// rule of this project: nothing under app/ may import the demo (demo/ wires itself into the app
// from outside, through app/composition.server.ts).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import prettier from "eslint-config-prettier";
import globals from "globals";

const DEMO_IMPORT_MESSAGE =
  "app/ must not import the demo: production code depends on ports, and demo/ is wired in from outside (app/composition.server.ts).";

// Any specifier with a path segment named "demo": app/ has no demo folder of its own, so this is
// the project's demo/ however many "../" lead to it.
const DEMO_SPECIFIER = String.raw`(^|\/)demo(\/|$)`;

export default tseslint.config(
  {
    ignores: [
      "build/**",
      ".cache/**",
      "app/generated/**",
      "extensions/*/assets/**",
      "tests/fixtures/**",
      "test-results/**",
      "bench-results/**",
      ".tmp/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ["**/*.{jsx,tsx}"],
    ...react.configs.flat.recommended,
    ...react.configs.flat["jsx-runtime"],
    rules: { ...react.configs.flat.recommended.rules, ...react.configs.flat["jsx-runtime"].rules },
    settings: {
      react: { version: "detect" },
      formComponents: ["Form"],
      linkComponents: [
        { name: "Link", linkAttribute: "to" },
        { name: "NavLink", linkAttribute: "to" },
      ],
    },
  },
  { files: ["**/*.{jsx,tsx}"], ...reactHooks.configs["recommended-latest"] },
  { files: ["**/*.{jsx,tsx}"], ...jsxA11y.flatConfigs.recommended },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks a binding that is unused on purpose (a property left out of a
      // rest object, an ignored error); rest siblings likewise exist to omit a property.
      // `V extends {}` is how TypeScript (and lru-cache's types) say "any value but null or
      // undefined"; empty interfaces stay an error.
      "@typescript-eslint/no-empty-object-type": ["error", { allowObjectTypes: "always" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["**/*.{jsx,tsx}"],
    rules: {
      // Apostrophes and quotes in copy are text, rendered as written; only > and } are ambiguous in JSX.
      "react/no-unescaped-entities": ["error", { forbid: [">", "}"] }],
      // App Bridge's <ui-save-bar> reads a variant attribute on its plain <button> children.
      "react/no-unknown-property": ["error", { ignore: ["variant"] }],
    },
  },
  {
    // The storefront bubble is written tersely to stay small (one request, no bundler): guarded
    // calls as `a && b()` and `c ? x() : y()` statements are its style.
    files: ["app/storefront/bubble/**/*.js"],
    rules: { "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }] },
  },
  {
    // Tests read untyped JSON bodies and reach into results loosely; `any` there is deliberate.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Code that runs in the shopper's or merchant's browser.
    files: ["app/storefront/bubble/**/*.js", "demo/app-bridge-shim.js", "app/**/*.tsx"],
    languageOptions: { globals: { ...globals.browser, shopify: "readonly" } },
  },
  {
    files: ["app/**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: DEMO_SPECIFIER, message: DEMO_IMPORT_MESSAGE }] }],
      "no-restricted-syntax": [
        "error",
        { selector: `ImportExpression[source.value=/${DEMO_SPECIFIER}/]`, message: DEMO_IMPORT_MESSAGE },
      ],
    },
  },
  prettier,
);
