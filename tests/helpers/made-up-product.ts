/** A product of a made-up shop, as the commerce port returns it: a title and a description. */
import type { Product } from "../../app/commerce/types";

export function madeUpProduct(title: string, description: string): Product {
  const handle = title.toLowerCase().replace(/\W+/g, "-");
  return {
    id: `gid://shopify/Product/${handle}`,
    title,
    handle,
    status: "ACTIVE",
    productType: "",
    vendor: "",
    tags: [],
    description,
    onlineStoreUrl: `https://shop.test/products/${handle}`,
    imageUrl: null,
    isGiftCard: false,
    options: [],
    totalInventory: 3,
    priceRange: { min: "10.00", max: "10.00" },
    variants: [],
  };
}
