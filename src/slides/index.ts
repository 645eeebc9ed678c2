/** The defence deck: 16:9 slides (HTML and PDF) rendered from the result files of `npm start`. */
export type { Block, Deck, Inline, Slide, Text } from "./deck.js";
export { plainText, tx } from "./deck.js";
export type { Fact, FactFormat } from "./facts.js";
export { fact, formatFact, parseSource, valueAt } from "./facts.js";
export type { CleaningFileRow, CustomerColumns, DeckSources } from "./files.js";
export { OPTIONAL_FILES, readDeckSources, REQUIRED_FILES } from "./files.js";
export type { Findings } from "./findings.js";
export { customerFindings, ordersFinding, reviewFinding, spendFinding } from "./findings.js";
export { buildDeck, DECK_TITLE } from "./build.js";
export { projectorFigure, SLIDE_MIN_FONT_PX } from "./charts.js";
export { deckHtml, SLIDE_SIZE } from "./html.js";
export type { SlidesResult, WriteSlidesOptions } from "./write.js";
export { SLIDES_FILES, SLIDES_PDF_OPTIONS, writeSlides } from "./write.js";
