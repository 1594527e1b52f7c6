/** What the product answers say, in each language the bot speaks. */
import { defineMessages } from "../../i18n";

export const M = defineMessages({
  card_from: { en: "From {price}", es: "Desde {price}", fr: "À partir de {price}" },
  price_single: { en: "It's {price}.", es: "Cuesta {price}.", fr: "Il coûte {price}." },
  price_range: {
    en: "It's {min}–{max}, depending on the option.",
    es: "Cuesta entre {min} y {max}, según la opción.",
    fr: "Il coûte de {min} à {max} selon l'option.",
  },
  price_sale: {
    en: "It's on sale at {price}, was {was}.",
    es: "Está rebajado a {price}; antes costaba {was}.",
    fr: "Il est en promotion à {price} au lieu de {was}.",
  },
  all_in_stock: {
    en: "All options are in stock.",
    es: "Todas las opciones están disponibles.",
    fr: "Toutes les options sont en stock.",
  },
  in_stock: { en: "It's in stock.", es: "Está disponible.", fr: "Il est en stock." },
  count_in_stock: {
    en: "{count} left in stock.",
    es: "Quedan {count} en existencia.",
    fr: "Il en reste {count} en stock.",
  },
  sold_out: {
    en: "It's out of stock right now.",
    es: "Ahora mismo está agotado.",
    fr: "Il est en rupture de stock pour le moment.",
  },
  in_stock_except: {
    en: "It's in stock, except {variants}.",
    es: "Está disponible, salvo {variants}.",
    fr: "Il est en stock, sauf {variants}.",
  },
  variant_in_stock: {
    en: "{variant} is in stock at {price}.",
    es: "{variant} está disponible a {price}.",
    fr: "{variant} est en stock à {price}.",
  },
  variant_sold_out: {
    en: "{variant} is out of stock right now.",
    es: "{variant} está agotado ahora mismo.",
    fr: "{variant} est en rupture de stock pour le moment.",
  },
  variant_alternatives: {
    en: "In stock instead: {variants}.",
    es: "Disponible en su lugar: {variants}.",
    fr: "En stock à la place : {variants}.",
  },
  variant_mixed: {
    en: "{wanted}: in stock in {inStock}; out of stock in {soldOut}.",
    es: "{wanted}: disponible en {inStock}; agotado en {soldOut}.",
    fr: "{wanted} : en stock en {inStock} ; en rupture en {soldOut}.",
  },
  option_not_offered: {
    en: "The {product} doesn't come in {value}; it comes in {values}.",
    es: "{product} no viene en {value}; viene en {values}.",
    fr: "{product} n'existe pas en {value} ; il existe en {values}.",
  },
  not_in_description_rest: {
    en: "The description doesn't say more than that, and I'd rather not guess. A person from our team can check the rest for you: {email}.",
    es: "La descripción no dice nada más y prefiero no adivinar. Una persona de nuestro equipo puede comprobar el resto: {email}.",
    fr: "La description n'en dit pas plus et je préfère ne pas deviner. Une personne de notre équipe peut vérifier le reste : {email}.",
  },
  size_for_measurement: {
    en: "For {measurement}, our size chart says {size}.",
    es: "Para {measurement}, nuestra guía de tallas indica {size}.",
    fr: "Pour {measurement}, notre guide des tailles indique {size}.",
  },
  size_chart: {
    en: "Our size chart:",
    es: "Nuestra guía de tallas:",
    fr: "Notre guide des tailles :",
  },
  size_chart_in_english: {
    en: "Our size chart:",
    es: "Nuestra guía de tallas (en inglés):",
    fr: "Notre guide des tailles (en anglais) :",
  },
  from_faq: {
    en: "Our general guidance:",
    es: "Nuestras indicaciones generales:",
    fr: "Nos indications générales :",
  },
  from_faq_in_english: {
    en: "Our general guidance:",
    es: "Nuestras indicaciones generales (en inglés):",
    fr: "Nos indications générales (en anglais) :",
  },
  yes: { en: "Yes.", es: "Sí.", fr: "Oui." },
  no: { en: "No.", es: "No.", fr: "Non." },
  not_in_description: {
    en: "The product description doesn't say, and I'd rather not guess. A person from our team can check for you: {email}.",
    es: "La descripción del producto no lo dice y prefiero no adivinar. Una persona de nuestro equipo puede comprobarlo: {email}.",
    fr: "La description du produit ne le précise pas et je préfère ne pas deviner. Une personne de notre équipe peut vérifier : {email}.",
  },
  accessory: {
    en: "We sell the {title} for {price}.",
    es: "Vendemos {title} por {price}.",
    fr: "Nous vendons {title} à {price}.",
  },
  not_on_sale: {
    en: "It isn't on sale right now: it's {price}.",
    es: "Ahora mismo no está rebajado: cuesta {price}.",
    fr: "Il n'est pas en promotion pour le moment : il coûte {price}.",
  },
  options_list: { en: "{option}: {values}.", es: "{option}: {values}.", fr: "{option} : {values}." },
  product_unavailable: {
    en: "I couldn't find \"{name}\" among the products we sell right now, so I can't tell you about it. If it's something new, our team can tell you more: {email}.",
    es: 'No encuentro "{name}" entre los productos que vendemos ahora mismo, así que no puedo darte información. Si es algo nuevo, nuestro equipo puede contarte más: {email}.',
    fr: "Je ne trouve pas « {name} » parmi les produits que nous vendons actuellement, je ne peux donc pas vous en parler. Si c'est une nouveauté, notre équipe pourra vous en dire plus : {email}.",
  },
  similar_products: {
    en: "Here's what we have in that line:",
    es: "Esto es lo que tenemos de ese tipo:",
    fr: "Voici ce que nous avons dans ce genre :",
  },
  search_found: {
    en: "Here's what I found{filters}:",
    es: "Esto es lo que he encontrado{filters}:",
    fr: "Voici ce que j'ai trouvé{filters} :",
  },
  search_found_more: {
    en: "Here are the best {count} of {total} matches{filters}. Tell me more about what you need and I'll narrow them down:",
    es: "Estos son los {count} mejores de {total} resultados{filters}. Cuéntame más sobre lo que necesitas y los acoto:",
    fr: "Voici les {count} meilleurs résultats sur {total}{filters}. Dites-m'en plus sur ce qu'il vous faut et j'affinerai :",
  },
  search_on_sale: {
    en: "On sale right now{filters}:",
    es: "En oferta ahora mismo{filters}:",
    fr: "En promotion en ce moment{filters} :",
  },
  search_on_sale_more: {
    en: "{total} items are on sale right now{filters}; here are {count}:",
    es: "Hay {total} artículos en oferta ahora mismo{filters}; aquí tienes {count}:",
    fr: "{total} articles sont en promotion en ce moment{filters} ; en voici {count} :",
  },
  filter_under: { en: " under {price}", es: " por menos de {price}", fr: " à moins de {price}" },
  filter_over: { en: " over {price}", es: " por más de {price}", fr: " à plus de {price}" },
  filter_between: { en: " between {min} and {max}", es: " entre {min} y {max}", fr: " entre {min} et {max}" },
  filter_people: { en: " for {count} people", es: " para {count} personas", fr: " pour {count} personnes" },
  search_none: {
    en: "I couldn't find anything matching that{filters}.",
    es: "No he encontrado nada que coincida{filters}.",
    fr: "Je n'ai rien trouvé qui corresponde{filters}.",
  },
  search_closest: {
    en: "The closest we have:",
    es: "Lo más parecido que tenemos:",
    fr: "Ce que nous avons de plus proche :",
  },
  search_rephrase: {
    en: "Could you describe it another way, or tell me what you'll use it for?",
    es: "¿Puedes describirlo de otra forma o decirme para qué lo vas a usar?",
    fr: "Pouvez-vous le décrire autrement, ou me dire à quoi il vous servira ?",
  },
});
