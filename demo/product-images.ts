/**
 * Product photos for the demo shop, drawn here instead of downloaded: the demo runs with no network.
 * Each product gets a flat illustration of its kind (jacket, boot, pack, tent…) in its first colour,
 * served at /demo/images/<handle>.svg — the `imageUrl` the snapshot gives each product.
 */
import type { DemoProduct } from "./storefront";

export const PRODUCT_IMAGE_PATH = "/demo/images/";

// Colour names the demo catalog uses, as paint.
const PAINT: Record<string, string> = {
  "glacier blue": "#4f86b5",
  glacier: "#6fa3c8",
  juniper: "#3f6f5f",
  black: "#2e3236",
  ember: "#c4512c",
  slate: "#5d6b78",
  sage: "#8fa58a",
  sunset: "#e07b39",
  oatmeal: "#d8cbb0",
  forest: "#2f5d3a",
  charcoal: "#44474b",
  basalt: "#3d4347",
  lichen: "#a3ad7c",
  stone: "#a89f91",
  olive: "#6b7043",
  cobalt: "#2f55a4",
  lime: "#9fc33b",
  navy: "#27375e",
  rust: "#a6532b",
  moss: "#617a3b",
  sky: "#7fb6dd",
  white: "#e9ecee",
  "heather grey": "#9a9ea3",
  plum: "#6e3f63",
  blue: "#3b6ea8",
  yellow: "#e5b53a",
};
// Without a colour option: one per kind of product.
const KIND_PAINT: Record<string, string> = {
  jacket: "#b5452f",
  boot: "#7a5234",
  pack: "#617a3b",
  tent: "#d9822b",
  bag: "#3b6ea8",
  pad: "#4f86b5",
  shirt: "#44474b",
  socks: "#8a6d9c",
  poles: "#5d6b78",
  bottle: "#6fa3c8",
  headlamp: "#e5b53a",
  beanie: "#a6532b",
  drybag: "#e5b53a",
  gift: "#1f6f5c",
};

type Kind = keyof typeof KIND_PAINT;

function kindOf(product: Pick<DemoProduct, "handle" | "productType">): Kind {
  const h = product.handle;
  const byWord: [RegExp, Kind][] = [
    [/gift/, "gift"],
    [/sock/, "socks"],
    [/pole/, "poles"],
    [/bottle/, "bottle"],
    [/headlamp/, "headlamp"],
    [/beanie/, "beanie"],
    [/dry-bag/, "drybag"],
    [/pad/, "pad"],
    [/sleeping-bag|quilt/, "bag"],
    [/tent|footprint/, "tent"],
    [/pack/, "pack"],
    [/boot|shoe|runner|hiker|moc/, "boot"],
    [/jacket|parka|shell/, "jacket"],
    [/crew|bottoms/, "shirt"],
  ];
  return byWord.find(([pattern]) => pattern.test(h))?.[1] ?? (/foot/i.test(product.productType) ? "boot" : "pack");
}

// Each drawing on a 160×160 canvas; `c` is the product's colour, `d` a darker line colour.
const DRAW: Record<Kind, (c: string, d: string) => string> = {
  jacket: (c, d) =>
    `<path d="M58 34 80 44l22-10 22 12 16 58-18 6-8-34v66H46V76l-8 34-18-6 16-58z" fill="${c}" stroke="${d}" stroke-width="3" stroke-linejoin="round"/><path d="M80 44v92" stroke="${d}" stroke-width="3"/><path d="M64 36c4 14 28 14 32 0" fill="none" stroke="${d}" stroke-width="3"/>`,
  boot: (c, d) =>
    `<path d="M52 30h38v56l34 14c10 4 14 12 14 22v8H30v-20l22-12z" fill="${c}" stroke="${d}" stroke-width="3" stroke-linejoin="round"/><path d="M30 122h108v10H30z" fill="${d}"/><path d="M62 48h20M62 60h20M62 72h20" stroke="#fff" stroke-width="3" stroke-linecap="round"/>`,
  pack: (c, d) =>
    `<rect x="44" y="34" width="72" height="104" rx="22" fill="${c}" stroke="${d}" stroke-width="3"/><path d="M44 62c20-10 52-10 72 0" fill="none" stroke="${d}" stroke-width="3"/><rect x="58" y="92" width="44" height="30" rx="8" fill="none" stroke="${d}" stroke-width="3"/><path d="M68 34c0-14 24-14 24 0" fill="none" stroke="${d}" stroke-width="4"/>`,
  tent: (c, d) =>
    `<path d="M20 128 80 36l60 92z" fill="${c}" stroke="${d}" stroke-width="3" stroke-linejoin="round"/><path d="M80 36 62 128h36z" fill="${d}" opacity=".45"/><path d="M12 130h136" stroke="${d}" stroke-width="4" stroke-linecap="round"/>`,
  bag: (c, d) =>
    `<path d="M60 24h40c14 0 20 10 20 24v74c0 12-12 18-40 18s-40-6-40-18V48c0-14 6-24 20-24z" fill="${c}" stroke="${d}" stroke-width="3"/><ellipse cx="80" cy="46" rx="22" ry="14" fill="${d}" opacity=".4"/><path d="M44 80h72M44 104h72" stroke="${d}" stroke-width="3" opacity=".6"/>`,
  pad: (c, d) =>
    `<rect x="24" y="52" width="112" height="56" rx="28" fill="${c}" stroke="${d}" stroke-width="3"/><path d="M48 54v52M68 54v52M88 54v52M108 54v52" stroke="${d}" stroke-width="3" opacity=".5"/>`,
  shirt: (c, d) =>
    `<path d="M60 32 80 40l20-8 24 12 16 60-18 6-10-38v62H48V72l-10 38-18-6 16-60z" fill="${c}" stroke="${d}" stroke-width="3" stroke-linejoin="round"/><path d="M66 34c4 10 24 10 28 0" fill="none" stroke="${d}" stroke-width="3"/>`,
  socks: (c, d) =>
    `<path d="M56 24h30v64l18 20c8 10 2 26-12 26H66c-10 0-16-8-16-18V24z" fill="${c}" stroke="${d}" stroke-width="3" stroke-linejoin="round"/><path d="M56 34h30" stroke="${d}" stroke-width="6"/><path d="M82 24h30v60" fill="none" stroke="${d}" stroke-width="3" opacity=".5"/>`,
  poles: (c, d) =>
    `<path d="M62 22l-8 118M98 22l8 118" stroke="${d}" stroke-width="6" stroke-linecap="round"/><rect x="54" y="18" width="14" height="34" rx="6" fill="${c}" transform="rotate(4 61 35)"/><rect x="92" y="18" width="14" height="34" rx="6" fill="${c}" transform="rotate(-4 99 35)"/>`,
  bottle: (c, d) =>
    `<rect x="66" y="20" width="28" height="16" rx="4" fill="${d}"/><rect x="54" y="36" width="52" height="104" rx="16" fill="${c}" stroke="${d}" stroke-width="3"/><path d="M54 70h52" stroke="${d}" stroke-width="3" opacity=".5"/>`,
  headlamp: (c, d) =>
    `<ellipse cx="80" cy="84" rx="54" ry="34" fill="none" stroke="${d}" stroke-width="8"/><rect x="58" y="96" width="44" height="32" rx="10" fill="${c}" stroke="${d}" stroke-width="3"/><circle cx="80" cy="112" r="9" fill="#fff8d6" stroke="${d}" stroke-width="3"/>`,
  beanie: (c, d) =>
    `<path d="M34 108c0-40 20-64 46-64s46 24 46 64z" fill="${c}" stroke="${d}" stroke-width="3"/><rect x="28" y="104" width="104" height="24" rx="8" fill="${c}" stroke="${d}" stroke-width="3"/><circle cx="80" cy="38" r="12" fill="${c}" stroke="${d}" stroke-width="3"/>`,
  drybag: (c, d) =>
    `<path d="M50 44h60l6 88c0 6-4 10-10 10H54c-6 0-10-4-10-10z" fill="${c}" stroke="${d}" stroke-width="3"/><rect x="46" y="26" width="68" height="18" rx="6" fill="${d}"/><path d="M58 30h44" stroke="#fff" stroke-width="2"/>`,
  gift: (c, d) =>
    `<rect x="22" y="44" width="116" height="76" rx="10" fill="${c}" stroke="${d}" stroke-width="3"/><path d="M58 44v76M22 74h116" stroke="#f4d35e" stroke-width="8"/><circle cx="58" cy="74" r="8" fill="#f4d35e"/>`,
};

/** The SVG drawing for a product of the demo snapshot (a 160×160 tile on a light background). */
export function productImageSvg(
  product: Pick<DemoProduct, "handle" | "productType"> & { options?: { name: string; values: string[] }[] },
): string {
  const kind = kindOf(product);
  const colourName = product.options?.find((o) => /^colou?r$/i.test(o.name))?.values[0]?.toLowerCase();
  const paint = (colourName && PAINT[colourName]) || KIND_PAINT[kind];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 160" width="160" height="160"><rect width="160" height="160" fill="#f1efe8"/>${DRAW[kind](paint, "#2b2b2b")}</svg>`;
}
