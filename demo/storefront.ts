/**
 * A small theme for the demo shop: enough of a storefront (home, product pages, a demo login)
 * for the app embed to sit in, as it would in a merchant's Online Store theme.
 */
import { escapeHtml } from "../app/storefront/render-block.server";

export interface DemoProduct {
  id: string;
  title: string;
  handle: string;
  status: string;
  productType: string;
  description: string;
  imageUrl?: string | null;
  variants: { price: string; compareAtPrice: string | null; availableForSale: boolean }[];
}

export interface DemoCustomer {
  id: string;
  displayName: string;
  email: string | null;
  numberOfOrders?: number;
}

export interface StorefrontPage {
  shopName: string;
  products: DemoProduct[];
  customers: DemoCustomer[];
  customer: DemoCustomer | null;
  body: "home" | "account" | { product: string };
  appEmbed: string;
}

export function renderStorefrontPage(page: StorefrontPage): string {
  const content =
    page.body === "home" ? home(page) : page.body === "account" ? account(page) : productPage(page, page.body.product);
  const who = page.customer
    ? `Logged in as <strong>${escapeHtml(page.customer.displayName)}</strong> · <a href="/account/logout">Log out</a>`
    : `Browsing as a guest · <a href="/account">Log in as a demo customer</a>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.shopName)}</title>
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f1d; background: #f7f6f2; }
  header { display: flex; flex-wrap: wrap; gap: 8px; justify-content: space-between; align-items: center; padding: 16px 24px; background: #fff; border-bottom: 1px solid #e3e1da; }
  header a { color: #1f6f5c; }
  .brand { font-weight: 700; font-size: 20px; text-decoration: none; color: #1b1f1d; }
  main { max-width: 1080px; margin: 0 auto; padding: 24px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 16px; }
  .card { background: #fff; border: 1px solid #e3e1da; border-radius: 10px; padding: 16px; text-decoration: none; color: inherit; display: block; }
  .card h3 { margin: 0 0 6px; font-size: 16px; }
  .card img { display: block; width: 100%; height: auto; aspect-ratio: 1; margin-bottom: 10px; border-radius: 6px; background: #f1efe8; }
  .product { display: grid; grid-template-columns: minmax(0, 320px) 1fr; gap: 24px; align-items: start; }
  .product img { width: 100%; height: auto; border-radius: 10px; }
  .muted { color: #5c625f; font-size: 14px; }
  .price { font-weight: 600; }
  .people { list-style: none; padding: 0; display: grid; gap: 8px; }
  .people a { display: inline-block; padding: 8px 12px; background: #fff; border: 1px solid #e3e1da; border-radius: 8px; color: inherit; text-decoration: none; }
</style>
</head>
<body>
<header><a class="brand" href="/">${escapeHtml(page.shopName)}</a><span class="muted">${who} · <a href="/admin">Merchant admin</a> · <a href="/demo/outbox">Sent email</a></span></header>
<main>${content}</main>
${page.appEmbed}
</body>
</html>`;
}

function price(product: DemoProduct): string {
  const cheapest = Math.min(...product.variants.map((v) => Number(v.price)));
  return `$${cheapest.toFixed(2)}`;
}

// Decorative beside the title that names the product.
function image(product: DemoProduct): string {
  return product.imageUrl
    ? `<img src="${escapeHtml(product.imageUrl)}" alt="" width="160" height="160" loading="lazy">`
    : "";
}

function home(page: StorefrontPage): string {
  const cards = page.products
    .map(
      (
        p,
      ) => `<a class="card" href="/products/${encodeURIComponent(p.handle)}">${image(p)}<h3>${escapeHtml(p.title)}</h3>
<div class="muted">${escapeHtml(p.productType)}</div><div class="price">${price(p)}</div></a>`,
    )
    .join("\n");
  return `<h1>Gear for wet, wild places</h1><p class="muted">This is a demo storefront. The chat bubble in the corner is the app.</p><div class="grid">${cards}</div>`;
}

function productPage(page: StorefrontPage, handle: string): string {
  const product = page.products.find((p) => p.handle === handle);
  if (!product) return `<h1>Not found</h1><p><a href="/">Back to the shop</a></p>`;
  return `<p><a href="/">← All products</a></p><div class="product">${image(product)}<div><h1>${escapeHtml(product.title)}</h1><p class="price">${price(product)}</p><p>${escapeHtml(product.description)}</p></div></div>`;
}

function account(page: StorefrontPage): string {
  const people = page.customers
    .map(
      (c) =>
        `<li><a href="/account/login?customer=${encodeURIComponent(c.id.split("/").pop() ?? "")}">${escapeHtml(c.displayName)} <span class="muted">${escapeHtml(c.email)}</span></a></li>`,
    )
    .join("\n");
  return `<h1>Log in as a demo customer</h1><p class="muted">Shopify tells the app who is logged in through the signed app proxy request.</p><ul class="people">${people}</ul>`;
}
