/**
 * A bilingual support vocabulary: the words shoppers and shops use about orders, delivery,
 * returns, payment, accounts, and about any product's size, material, care and use, in Spanish
 * and French, each mapped onto one English word. Both the shop's text and the question go
 * through it, so "¿se puede lavar?" meets "Machine wash cold" and "dishwasher safe?" meets
 * "Passe au lave-vaisselle". Names of kinds of products are not here: they come from the shop's
 * own catalog.
 *
 * Each entry: English word → "other English forms | Spanish | French", accents folded, words
 * separated by spaces; a phrase is written with underscores ("mot_de_passe") and matched as one word.
 */
import type { Language } from "../preprocess";
import { foldAccents } from "../preprocess";
import { stemIn } from "./stemming";
import retailLexicon from "../catalog/retail-lexicon.json";
import attributeLexicon from "../catalog/attribute-lexicon.json";

const VOCABULARY: Record<string, string> = {
  // Words that only name what is asked about (stop words in every language, see knowledge.ts)
  policy: "policies rules | politica politicas reglas | politique politiques regles",
  // Orders, delivery, places
  order: "| pedido pedidos orden ordenes compra compras pedir pido pides pidio | commande commandes commander",
  // "Item" and its kin say nothing about what is asked (a stop word, see knowledge.ts).
  item: "items thing things product products | articulo articulos producto productos prenda prendas | article articles produit produits vetement vetements",
  buy: "purchase purchased bought | comprar compro compre | acheter achete achat",
  ship: "shipping shipped dispatch dispatched | envio envios enviar envian envias enviamos enviado enviada mandar sale salen salio salga | expedition expedier expedie expedions expedions expediee envoyer envoyez envoi",
  prepare:
    "prepared preparing processing processed | preparar preparamos preparacion preparado preparados | preparer preparons preparation preparee preparees",
  delivery:
    "deliver delivered | entrega entregas entregar entregado reparto | livraison livraisons livrer livrez livre livree livrons",
  // "I never got the email" is "it didn't arrive" ("get" alone is a stop word: "how do I get a refund").
  arrive:
    "arrival reach never_got never_get never_gotten didn_t_get did_not_get haven_t_got haven_t_gotten hasn_t_come | llegar llega llegan llego | arriver arrive arrivee recevoir",
  receive: "| recibir recibo recibes recibi | reception recu recue",
  parcel: "package | paquete paquetes | colis",
  carrier: "courier | paqueteria transportista | transporteur",
  tracking: "track | rastreo rastrear seguimiento guia | suivi suivre",
  address: "| direccion domicilio | adresse domicile",
  // A street as an address writes it, abbreviated or not ("1420 NW Lovejoy St", "12 rue des Lilas").
  street: "st streets | calle | rue",
  pickup:
    "collect pick picked pick_up picked_up picking_up grab_my grab_the | recoger recoges recogerlo recojo recoleccion | retrait retirer retire recuperer recupere click_and_collect",
  store: "shop boutique | tienda tiendas local | magasin",
  country:
    "countries abroad overseas international internationally | pais paises extranjero internacional | pays etranger international internationale",
  outside: "else elsewhere | fuera afuera | dehors hors ailleurs",
  customs: "import | aduana aduanas importacion | douane douanes importation",
  fee: "fees | gastos cargo_adicional | frais",
  duties: "duty | aranceles arancel | droits",
  tax: "taxes vat | impuesto impuestos iva | taxe taxes tva",
  express: "fast faster quick quickly rush overnight | rapido urgente | rapide",
  // "¿desde cuánto no me cobran el envío?": not charging is being free.
  free: "no_charge free_of_charge | gratis gratuito gratuita gratuitos sin_costo no_me_cobran no_cobran no_se_cobra | gratuit gratuite gratuits offert offerte sans_frais",
  postage: "| porte franqueo gastos_de_envio costo_de_envio | port affranchissement frais_de_port frais_de_livraison",
  label: "| etiqueta etiquetas guia | etiquette etiquettes",
  lost: "| perdido perdida | perdu perdue",
  late: "delay delayed | retraso retrasado tarde | retard retarde",
  tomorrow: "next_day | dia_siguiente siguiente_dia | demain lendemain",
  // Returns, refunds, exchanges, warranty
  return:
    "returns returned send_*_back sent_*_back | devolucion devoluciones devolver devuelvo devuelve regresar | retour retours retourner renvoyer rapporter reprendre reprenez reprenons",
  // "When does the refund show up?": a refund appearing on the shopper's statement.
  appear:
    "appears appeared show_up shows_up showed_up showing_up | aparecer aparece aparecen aparezca reflejar refleja reflejan reflejado | apparaitre apparait apparaissent apparu apparue",
  refund:
    "refunds refunded money_back | regresan_el_dinero regresar_el_dinero devuelven_el_dinero devolver_el_dinero mi_dinero reembolso reembolsos reembolsar reembolsan | remboursement remboursements rembourser rembourse remboursons recuperer_mon_argent rendre_l_argent mon_argent",
  exchange: "swap trade | cambio cambios cambiar | echange echanges echanger",
  warranty: "guarantee | garantia | garantie",
  cover: "covers covered | cubre cubren cubierto | couvre couvrent couvert couverte couvrir",
  broken:
    "smashed cracked shattered chipped | roto rota rotos quebrado estrellado | casse cassee brise fele felee ebreche",
  damaged: "| danado danada | abime abimee endommage",
  // "It stopped working": a fault, in any language.
  defective:
    "faulty defect stopped_working stopped_turning_on quit_working | defectuoso defectuosa defecto dejo_de_funcionar dejo_de_servir dejo_de_cargar ya_no_funciona ya_no_prende ya_no_enciende | defectueux defectueuse defaut defauts ne_fonctionne_plus ne_marche_plus ne_charge_plus ne_s_allume_plus en_panne",
  wrong: "| equivocado equivocada erroneo | errone erronee mauvais",
  condition: "| condicion condiciones | condition conditions etat",
  unused: "new unworn unopened | nuevo nueva sin_usar | neuf neuve",
  used: "worn opened | usado usada abierto abierta | utilise utilisee ouvert ouverte porte",
  sealed: "seal | sellado sello | scelle",
  final: "| final | finale",
  sale: "clearance | rebaja rebajas liquidacion | soldes solde",
  offer:
    "offers deal deals promotion promotions | oferta ofertas promocion promociones | offre offres promotion promotions",
  // Payment, prices, invoices
  payment:
    "pay paid paying | pago pagos pagar pagado pagas paga pagan pague pagaste pagaron pagamos | paiement paiements payer paye paie paies payez payons payant payante a_votre_charge a_ta_charge a_la_charge",
  accept: "accepted accepts | aceptar aceptan aceptamos acepta | accepter acceptez acceptons accepte",
  card: "cards | tarjeta tarjetas | carte cartes",
  // A card brand's short and long names are one name in every language ("Amex" asks about "American Express").
  amex: "american_express | american_express | american_express",
  cash: "| efectivo | especes liquide",
  transfer: "wire | transferencia | virement",
  installments:
    "instalments installment instalment spread split interest_free no_interest | meses_sin_intereses a_plazos cuotas | en_plusieurs_fois paiement_en_4_fois etaler",
  charge:
    "charged charges billed debit debited | cargo cargos cobro cobraron cobrado | debit debite debitee debitees debits prelevement prelevements preleve",
  twice: "double duplicate | dos_veces doble | deux_fois double",
  price: "cost costs | precio precios costo coste cuesta cuestan costar | prix cout",
  discount: "promo coupon voucher | descuento descuentos cupon | reduction remise code_promo",
  // A code of any kind (sign-in, discount, gift card): which one, the other words say.
  code: "codes | codigo codigos | code codes",
  invoice: "receipt bill | factura facturar facturacion recibo | facture factures",
  company: "business | empresa razon_social | entreprise societe",
  gift: "| regalo | cadeau cadeaux",
  expire:
    "expiry expiration valid validity | caducar caduca caducan caducidad vencer vence vencen vencimiento vencido vencida validez valido valida validos validas | expirer expire valable valables validite valide valides",
  // Accounts
  account: "| cuenta | compte",
  password: "| contrasena clave | mot_de_passe",
  login: "log_in sign_in signin | iniciar_sesion entrar entro entras entra acceder | connexion connecter se_connecter",
  // Signing up is for the newsletter, not signing in ("any discount for signing up?").
  newsletter: "sign_up signing_up signed_up signup mailing_list | boletin | lettre_d_information",
  message: "messages write wrote written | mensaje mensajes escribo escribir | ecris ecrire",
  email: "mail e_mail | correo correos | courriel e_mail",
  // Sent through the post, not by email ("can I exchange it by mail?", "par correspondance").
  post: "by_mail by_post through_the_mail | por_correo_postal por_paqueteria | par_correspondance par_la_poste par_courrier",
  privacy: "personal_data | privacidad datos_personales | confidentialite donnees_personnelles",
  data: "information info infos | datos | donnees infos informations",
  // Time
  day: "days | dia dias | jour jours",
  week: "weeks | semana semanas | semaine semaines",
  month: "months | mes meses | mois",
  year: "years | ano anos | an ans annee annees",
  hour: "hours | hora horas | heure heures",
  minute: "minutes | minuto minutos | minute minutes",
  business: "working | habil habiles | ouvre ouvres ouvrable ouvrables",
  // "How does it work?"; its own entry, or its stem would be the one of "working" (days).
  work: "works good_for | funciona funcionan funcionar sirve_por | fonctionne fonctionnent fonctionner valable_pendant",
  // The time allowed for something ("the return window", "el plazo para devolver", "le délai de rétractation").
  deadline: "window windows period time_limit | plazo plazos | delai delais",
  long: "| cuanto_tiempo tardar tarda tardan | combien_de_temps duree",
  // When, relative to something else: the same word in each language ("deux jours après", "antes del envío").
  after: "afterwards | despues tras | apres",
  before: "| antes | avant",
  open: "opening_hours opens | abierto horario abre abren abrir | ouvert horaires ouverture ouvrez ouvrir",
  closed: "| cerrado | ferme fermee",
  // "What days do you roast?", "¿qué días abren?": asks which days of the week (a sentence naming them answers, search.ts).
  weekday:
    "weekdays day_of_the_week days_of_the_week what_day what_days which_day which_days | que_dia que_dias dia_de_la_semana dias_de_la_semana | quel_jour quels_jours jour_de_la_semaine jours_de_la_semaine",
  // The days of the week, so "are you open on Saturdays?" meets "ouvert du mardi au samedi".
  monday: "mondays | lunes | lundi lundis",
  tuesday: "tuesdays | martes | mardi mardis",
  wednesday: "wednesdays | miercoles | mercredi mercredis",
  thursday: "thursdays | jueves | jeudi jeudis",
  friday: "fridays | viernes | vendredi vendredis",
  saturday: "saturdays | sabado sabados | samedi samedis",
  sunday: "sundays | domingo domingos | dimanche dimanches",
  women: "woman womens ladies | mujer mujeres dama damas | femme femmes",
  men: "man mens | hombre hombres caballero caballeros | homme hommes",
  // Size, measures, fit
  size: "sizes sizing | talla tallas tamano medida medidas | taille tailles dimension dimensions",
  fit: "fits | ajuste | coupe",
  weight: "weigh heavy | pesa pesan | poids pese",
  length: "| largo longitud | longueur",
  width: "wide | ancho | largeur",
  height: "tall | alto altura | hauteur haut",
  depth: "deep thick thickness | profundidad grosor | profondeur epaisseur",
  diameter: "| diametro | diametre",
  capacity: "volume | capacidad | capacite contenance",
  // Not "bust": size charts give chest (men, unisex) and bust (women) apart.
  chest: "| pecho | poitrine tour_de_poitrine",
  bust: "| busto | buste",
  inch: "inches | pulgada pulgadas | pouce pouces",
  bed: "| cama | lit",
  mattress: "| colchon | matelas",
  people: "persons guests seats | personas invitados | personnes convives",
  // Care and use
  wash: "washing washable clean cleaning laundry washer | lavar lavado lavable lavadora | laver lavage lavable lave lavez lave_linge",
  hand: "| mano | main",
  machine: "| maquina | machine",
  dry: "drying dryer tumble | secar secado secadora | secher sechage seche_linge",
  iron: "ironing | planchar planchado | repasser repassage",
  dishwasher: "| lavavajillas lavaplatos | lave_vaisselle",
  microwave: "| microondas | micro_ondes",
  oven: "| horno | four",
  fridge: "refrigerator | refrigerador refri nevera | frigo refrigerateur",
  softener: "| suavizante | assouplissant",
  bleach: "| cloro lejia | javel",
  shrink: "shrinks shrinkage | encoger encoge | retrecir retrecit",
  temperature: "degrees | temperatura grados | temperature degres",
  hot: "warm heat | caliente calor calientes | chaud chaude chaleur",
  cold: "| frio fria frias | froid froide",
  // Also asked with the verb: "does it resist water?", "¿aguanta el agua?", "résiste-t-elle à l'eau ?".
  waterproof:
    "water_resistant resist_*_water resists_*_water | impermeable resiste_al_agua resiste_el_agua aguanta_el_agua | impermeable etanche resistant_a_l_eau resistante_a_l_eau resiste_*_a_l_eau",
  water: "| agua | eau",
  rain: "| lluvia | pluie",
  burn: "burning burns | arder quemar | bruler combustion",
  // Not "last", an English stop word ("my last order").
  lasting: "lasts lifetime | dura durar duracion | dure durer",
  battery: "| bateria pila | batterie pile",
  // Where an appliance is plugged in ("will it work with US outlets?", "enchufe mexicano y estadounidense").
  plug: "plugs outlet outlets socket sockets | enchufe enchufes | prise_electrique prises_electriques prise_de_courant",
  // "stored" is kept, not the shop ("store").
  keep: "storage kept stored retain retained | guardar guardan guardamos conservar almacenar mantener mantiene mantienen | conserver ranger garder gardons garde gardee maintenir maintient",
  include:
    "included includes comes_with come_with | incluye incluyen incluido incluida incluidos incluidas viene_con vienen_con | inclus incluse inclues fourni fournie fournis fournies livre_avec livree_avec livres_avec livrees_avec vendu_avec vendue_avec",
  separately: "| por_separado | separement",
  handmade: "hand_made handcrafted | hecho_a_mano artesanal | fait_main fait_a_la_main artisanal",
  // Not French "fait/faite": "doit être faite" is an auxiliary, not "made".
  made: "make manufactured produced | hecho hecha fabricado | fabrique fabriquee fabriques",
  // Not "from" alone ("30 days from delivery"): "where does it come from?" says it as a phrase.
  // Not keyed "origin": its stem is the one of "original" (packaging).
  provenance:
    "origin origins source sourced grown come_from comes_from came_from | origen procedencia cultivado viene_de vienen_de | origine provenance cultive vient_de viennent_de",
  original: "| original originales | original originale originaux",
  packaging: "packed | empaque embalaje | emballage",
  pobox:
    "po_box po_boxes p_o_box p_o_boxes post_office_box | apartado_postal apartados_postales | boite_postale boites_postales",
  // Not keyed "customer": its stem is the one of "customs".
  client: "customer customers clients | cliente clientes | client clients cliente clientes",
  natural: "| natural | naturel naturelle",
  organic: "| organico | bio biologique",
  recycled: "| reciclado | recycle",
  safe: "| seguro apto apta | sans_danger compatible",
  personalised: "personalized custom engraved engraving | personalizado grabado | personnalise grave gravure",
  certified: "certificate certification | certificado | certifie certification",
  // Materials
  material: "fabric | material tela tejido | matiere tissu",
  cotton: "| algodon | coton",
  linen: "| lino | lin",
  wool: "| lana | laine",
  silk: "| seda | soie",
  leather: "| piel cuero | cuir",
  wood: "wooden | madera | bois",
  glass: "| vidrio cristal | verre",
  steel: "stainless | acero | acier inox",
  ceramic: "| ceramica | ceramique",
  stoneware: "| gres | gres",
  clay: "| barro arcilla | argile terre_cuite",
  wax: "| cera | cire",
  plastic: "| plastico | plastique",
  // Colours (variant values are matched separately; these help descriptions)
  color: "colour colors colours | color colores | couleur couleurs coloris",
  red: "| rojo roja | rouge",
  blue: "| azul | bleu bleue",
  green: "| verde | vert verte",
  black: "| negro negra | noir noire",
  white: "| blanco blanca | blanc blanche",
  yellow: "| amarillo amarilla | jaune",
  grey: "gray | gris | gris grise",
  // Common verbs and qualities of support questions
  match: "matching | igualar igualan igualamos igualan | aligner alignez alignons alignement",
  cheap: "cheaper lower | barato barata baratos mas_barato | moins_cher pas_cher",
  sell: "sold selling | vender vende venden vendemos venta | vendre vendez vendons vente",
  much: "| cuanto cuanta cuantos cuantas | combien",
  // "Swing by", "stop by": coming in person, not the words "visit" or "come" alone.
  physical:
    "in_person walk_in swing_by stop_by drop_by pop_in pop_by | fisica fisico en_persona | physique en_personne passer_chez_vous",
  adult: "adults grown_up grown_ups grownup grownups | adulto adultos | adulte adultes",
  visit: "come | visitar ir | visiter venir",
  wear: "tear | desgaste uso_normal | usure",
  normal: "| normal | normal normale",
  // "Is it still good?", "¿cuál es mejor?", "reste-t-il bon ?": a quality asked of anything, in any language.
  good: "best better | bueno buena buenos buenas mejor mejores | bon bonne bons bonnes meilleur meilleure meilleurs meilleures",
  stay: "remain | quedar seguir | rester",
  // Not "bouge": its stem is the one of "bougie" (candle).
  move: "moved update updated | moverse mueve | a_pas_bouge pas_bouge pas_bouger",
  count: "counted | contar contado contados contadas | compter comptez",
  following: "| siguiente siguientes | suivant suivante suivants",
  stack: "combine combined together | combinar acumular acumulables | cumuler cumulable combiner",
  two: "| dos | deux",
  // Not "un"/"une"/"una": articles, not a number.
  one: "single | | seul seule",
  see: "| ver veo | voir vois",
  need: "| necesitar necesito necesitas | besoin",
  help: "support | ayuda soporte | aide assistance",
  contact: "| contacto contactar | contact contacter",
  phone: "telephone call | telefono llamar | telephone appeler",
  person: "human agent someone | persona | personne quelqu_un",
  // Someone other than the shopper, who collects, receives or uses what they bought ("can my partner pick it up?").
  proxy:
    "someone_else somebody_else another_person partner spouse wife husband boyfriend girlfriend relative family_member | otra_persona alguien_mas pareja esposo esposa novio novia familiar hermano hermana | un_proche une_proche quelqu_un_d_autre conjoint conjointe compagnon compagne",
  cancel: "cancellation | cancelar cancelo anular | annuler annulation",
  change: "modify | modificar | modifier changer",
  course: "class lesson lessons | curso cursos clase leccion lecciones | cours lecon lecons",
  access: "| acceso | acces",
  download: "| descarga descargar descargas | telechargement telecharger",
  digital: "online | digital en_linea | numerique en_ligne",
  taste: "flavour flavor notes | sabor notas | gout saveur notes",
};

/** A phrase's words ("mot_de_passe") with any separator; "*" stands for up to two words ("send_*_back": "send the boots back"). */
function phrasePattern(form: string): string {
  return form
    .split("_")
    .map((word) => (word === "*" ? "(?:[a-z0-9]+[\\s'.-]+){0,2}" : `${word}[\\s'.-]+`))
    .join("")
    .replace(/\[\\s'\.-\]\+$/, "");
}

/** Forms of the kinds lexicons that more often mean something else ("media": half, medium; a stocking only at times). */
const AMBIGUOUS_FORMS = new Set(["media", "pluma", "local", "haut", "short"]);

/** Per language, a word (accents folded) → its English pivot word; a form counts only in its own language ("four" is an oven only in French). */
const PIVOTS: Record<Language, Map<string, string>> = { en: new Map(), es: new Map(), fr: new Map() };
/**
 * A phrase and the word it starts with, in the forms it may take (null: it starts with a wildcard):
 * a text none of whose words is one of them can't contain the phrase, so its pattern isn't run.
 */
interface Phrase {
  pattern: RegExp;
  pivot: string;
  firstWords: string[] | null;
}
const PHRASES: Phrase[] = [];
for (const [pivot, forms] of Object.entries(VOCABULARY)) {
  PIVOTS.en.set(pivot, pivot);
  forms.split("|").forEach((part, index) => {
    const language = (["en", "es", "fr"] as const)[index];
    for (const form of part.split(/\s+/).filter(Boolean)) {
      if (form.includes("_")) {
        const first = form.split("_")[0]!;
        PHRASES.push({
          pattern: new RegExp(`\\b${phrasePattern(form)}\\b`, "g"),
          pivot,
          firstWords: startWords([first]),
        });
      } else if (!PIVOTS[language].has(form)) PIVOTS[language].set(form, pivot);
    }
  });
}
addKindsOfGoods();
// Longest phrases first: "fait a la main" before "fait main".
PHRASES.sort((a, b) => b.pattern.source.length - a.pattern.source.length);

/**
 * Kinds of goods and their qualities across languages (the catalog's retail and attribute
 * lexicons), so a question about a "kettle" meets a description of a "tetera eléctrica" and
 * "lampe frontale" meets "headlamp". Spanish and French forms map onto the concept's English head
 * (a phrase onto the whole head, a single word onto the head's last word: "housse" → cover);
 * English forms are left as they are, and the support vocabulary above keeps its own words
 * ("tienda" stays a shop, "mano" a hand).
 */
function addKindsOfGoods(): void {
  const fold = (w: string) => foldAccents(w.toLowerCase()).replace(/['’-]/g, " ").replace(/\s+/g, " ").trim();
  const concepts = [...(retailLexicon.concepts as string[]), ...(attributeLexicon.concepts as string[])];
  const known = new Set(PHRASES.map((p) => p.pattern.source));
  for (const concept of concepts) {
    const [en, ...others] = concept.split("|").map((part) => part.split(",").map(fold).filter(Boolean));
    const head = en[0];
    if (!head) continue;
    others.forEach((forms, index) => {
      const language = (["es", "fr"] as const)[index];
      for (const form of forms) {
        if (form === head) continue;
        if (form.includes(" ")) {
          // Each word in its plural too ("housses de couette", "tiendas de campaña").
          const source = `\\b${form
            .split(" ")
            .map((w) => (w.length > 3 ? `${w}(?:s|es|x)?` : w))
            .join("[\\s'.-]+")}\\b`;
          if (known.has(source)) continue;
          known.add(source);
          const first = form.split(" ")[0]!;
          const firstWords = startWords(first.length > 3 ? [first, `${first}s`, `${first}es`, `${first}x`] : [first]);
          PHRASES.push({ pattern: new RegExp(source, "g"), pivot: head, firstWords });
        } else if (!AMBIGUOUS_FORMS.has(form) && !PIVOTS[language].has(form) && !PIVOTS.en.has(form)) {
          PIVOTS[language].set(form, head.split(" ").pop()!);
        }
      }
    });
  }
}

/** Normalised text with the vocabulary's phrases replaced by their pivot word ("mot de passe" → "password"). */
export function replacePhrases(normalized: string): string {
  let text = normalized;
  // Hundreds of patterns, a handful of words: only the phrases starting with one of the text's words run.
  const words = new Set(wordsOf(text));
  for (const { pattern, pivot, firstWords } of PHRASES) {
    if (firstWords && !firstWords.some((w) => words.has(w))) continue;
    const replaced = text.replace(pattern, ` ${pivot} `);
    if (replaced === text) continue;
    text = replaced;
    // A later, shorter phrase may start with the pivot put in.
    for (const w of wordsOf(pivot)) words.add(w);
  }
  return text;
}

/** The forms a phrase's first word may take, or null (always tried) when one isn't a plain run of word characters ("*", "cœur"). */
function startWords(forms: string[]): string[] | null {
  return forms.every((w) => /^\w+$/.test(w)) ? forms : null;
}

/** The runs of word characters, as a pattern's \b sees them. */
const wordsOf = (text: string) => text.match(/\w+/g) ?? [];

// The same forms by their stem, so inflections the list doesn't spell out ("débitée", "devolví") are found too.
const STEMMED: Record<Language, Map<string, string>> = { en: new Map(), es: new Map(), fr: new Map() };
for (const language of ["en", "es", "fr"] as const) {
  for (const [form, pivot] of PIVOTS[language]) {
    const stem = stemIn(form, language);
    if (stem.length >= 4 && !STEMMED[language].has(stem)) STEMMED[language].set(stem, pivot);
  }
}

/**
 * Lexicon words that name what a question is about without being what it asks (an order, an item,
 * the shop): two questions may differ in them and still ask the same thing (question-similarity.ts).
 */
export const SUBJECT_ONLY = new Set(
  "policy order item buy store one two see need help visit person day week month year hour minute company data men women people move stay normal physical sell receive change contact much".split(
    " ",
  ),
);

/**
 * Lexicon words that don't say which part of the shop's text answers (knowledge/search.ts weighs the
 * others more): the subject words, who asks ("client"), "made", said of where, what from and by whom
 * alike, and "after"/"before", which place the question in time. Comparing two questions keeps "made"
 * (it tells "where is it made?" from other questions); retrieval keeps "buy" ("can I buy it from
 * abroad?" asks about buying, which a shop's text answers).
 */
export const NOT_AN_ASPECT = new Set(
  [...SUBJECT_ONLY, "client", "made", "after", "before", "good"].filter((word) => word !== "buy"),
);

/** The English pivot of a word of a text in `language` (English forms count in any text), or null. */
export function pivotOf(word: string, language: Language): string | null {
  const find = (w: string) => PIVOTS[language].get(w) ?? PIVOTS.en.get(w);
  return (
    find(word) ??
    (word.length > 3 && /[sx]$/.test(word) ? find(word.slice(0, -1)) : undefined) ??
    STEMMED[language].get(stemIn(word, language)) ??
    null
  );
}

/** How many of `words` are forms the vocabulary knows only in `language` ("colis", "recevoir" are French). */
export function formsOnlyIn(words: string[], language: Language): number {
  return words.filter(
    (w) => PIVOTS[language].has(w) && !(["en", "es", "fr"] as const).some((l) => l !== language && PIVOTS[l].has(w)),
  ).length;
}
