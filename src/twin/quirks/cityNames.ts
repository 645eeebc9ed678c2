/**
 * City names of the quirky twin: [MODEL] synthetic small-town names in the style of the Olist
 * files (lower case, no accents, Tupi-like stems, "sao"/"santa" prefixes, "do sul" suffixes), and
 * the spelling variants the geolocation file holds for one city (accents, capitals).
 */
import type { Rng } from "../../util/random.js";

const PREFIXES = [
  "sao ",
  "santa ",
  "santo ",
  "nova ",
  "bom jesus do ",
  "porto ",
  "campo ",
  "barra do ",
  "alto ",
  "conceicao do ",
];
const STEMS = [
  "ita",
  "pira",
  "gua",
  "ja",
  "ca",
  "ibi",
  "mo",
  "tu",
  "ara",
  "cu",
  "pa",
  "ba",
  "ti",
  "ma",
  "po",
  "ru",
  "xa",
  "qui",
  "una",
  "an",
  "bu",
  "ri",
  "mi",
  "se",
  "la",
  "ja",
  "co",
  "ira",
  "pe",
  "to",
  "ura",
  "vi",
];
const ENDINGS = [
  "tuba",
  "rana",
  "polis",
  "landia",
  "ao",
  "nema",
  "tins",
  "ari",
  "aba",
  "ai",
  "inga",
  "pe",
  "juba",
  "cema",
  "nia",
  "oi",
  "lina",
  "ema",
  "ape",
  "tiba",
  "guacu",
  "ranga",
  "mirim",
  "ania",
  "ilia",
  "em",
];
const SUFFIXES = [
  " do sul",
  " do norte",
  " d'oeste",
  " da serra",
  " paulista",
  " grande",
  " velho",
  " do oeste",
];

/** A synthetic town name, drawn fresh until it is not in `taken` (which it then joins). */
export function townName(rng: Rng, taken: Set<string>): string {
  for (;;) {
    const prefix = rng.next() < 0.22 ? PREFIXES[rng.int(PREFIXES.length)] : "";
    let stem = STEMS[rng.int(STEMS.length)];
    if (rng.next() < 0.6) stem += STEMS[rng.int(STEMS.length)];
    const suffix = rng.next() < 0.1 ? SUFFIXES[rng.int(SUFFIXES.length)] : "";
    const name = prefix + stem + ENDINGS[rng.int(ENDINGS.length)] + suffix;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

const ACCENT_RULES: readonly (readonly [RegExp, string])[] = [
  [/\bsao\b/g, "são"],
  [/\bjoao\b/g, "joão"],
  [/\bconceicao\b/g, "conceição"],
  [/ao\b/g, "ão"],
  [/polis\b/g, "pólis"],
  [/landia\b/g, "lândia"],
  [/ania\b/g, "ânia"],
  [/ilia\b/g, "ília"],
  [/oi\b/g, "ói"],
  [/ai\b/g, "aí"],
  [/aba\b/g, "abá"],
  [/apa\b/g, "apá"],
  [/em\b/g, "ém"],
  [/guacu\b/g, "guaçu"],
  [/andre\b/g, "andré"],
  [/vitoria\b/g, "vitória"],
  [/ape\b/g, "apé"],
];

/** The accented spelling of a plain city name, or `null` when it has none. */
export function accentedSpelling(name: string): string | null {
  let out = name;
  for (const [re, to] of ACCENT_RULES) out = out.replace(re, to);
  return out === name ? null : out;
}

/** The name with capital initials ("Sao Paulo"). */
export function capitalised(name: string): string {
  return name.replace(/(^|[ ])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
}
