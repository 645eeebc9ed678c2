/**
 * The deck from the result files: the slides in presentation order, those whose file is missing
 * left out (value, rules and stability; the maintenance slides when the study was not run).
 */
import type { DeckContext } from "./context.js";
import { deckContext } from "./context.js";
import type { Deck, Slide } from "./deck.js";
import type { DeckSources } from "./files.js";
import {
  cleaningSlide,
  featuresSlide,
  findingSlides,
  problemSlide,
  titleSlide,
} from "./slidesData.js";
import { marketingSlide, profilesSlide, selectionSlide, sizesSlide } from "./slidesModel.js";
import { rulesSlide, valueSlide } from "./slidesWorth.js";
import { contractSlide, maintenanceSlide, nextStepsSlide } from "./slidesMaintenance.js";

/** Title of the deck. */
export const DECK_TITLE = "Olist customer segmentation";

/** The slide builders in order; a builder returning null (its file is missing) is left out. */
export const SLIDE_BUILDERS: readonly ((c: DeckContext) => Slide | Slide[] | null)[] = [
  titleSlide,
  problemSlide,
  cleaningSlide,
  findingSlides,
  featuresSlide,
  selectionSlide,
  sizesSlide,
  profilesSlide,
  marketingSlide,
  valueSlide,
  rulesSlide,
  maintenanceSlide,
  contractSlide,
  nextStepsSlide,
];

/**
 * The deck of the result files.
 *
 * @example
 * const deck = buildDeck(readDeckSources("reports"));
 * deck.slides.length; // 14 on the twin without the optional files
 */
export function buildDeck(sources: DeckSources): Deck {
  const c = deckContext(sources);
  const slides: Slide[] = [];
  for (const build of SLIDE_BUILDERS) {
    const s = build(c);
    if (s === null) continue;
    if (Array.isArray(s)) for (const x of s) slides.push(x);
    else slides.push(s);
  }
  return {
    title: DECK_TITLE,
    synthetic: sources.brief.dataSource.synthetic,
    source: sources.brief.dataSource.description,
    slides,
  };
}
