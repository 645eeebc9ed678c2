/**
 * Portuguese-like review titles and messages of the twin, assembled from a small vocabulary by
 * sentiment. Low scores get complaints, high scores praise; some messages span several lines
 * (CR LF inside the quoted field, as in the original reviews file) or contain commas.
 */
import type { Rng } from "../util/random.js";

const TITLES = {
  positive: [
    "Recomendo",
    "recomendo",
    "Muito bom",
    "Ótimo",
    "Excelente",
    "Super recomendo",
    "Bom",
    "Perfeito",
    "Adorei",
    "Ótimo produto",
    "Nota 10",
    "Satisfeito",
  ],
  neutral: ["Razoável", "Bom", "Regular", "Poderia ser melhor", "Ok", "Mais ou menos"],
  negative: [
    "Não recebi",
    "Péssimo",
    "Não recomendo",
    "Produto errado",
    "Atraso na entrega",
    "Decepcionado",
    "Ruim",
    "Não chegou meu produto",
  ],
} as const;

const PHRASES = {
  positive: [
    "Muito bom",
    "Recebi bem antes do prazo estipulado.",
    "Produto de ótima qualidade",
    "Entrega rápida e produto conforme o anúncio.",
    "Recomendo o vendedor",
    "Chegou tudo certo",
    "Loja nota 10",
    "Gostei muito do produto",
    "Excelente atendimento",
    "Produto ok, entrega dentro do prazo.",
    "Comprei e recebi antes do previsto",
    "Tudo perfeito, recomendo!",
    "Vendedor confiável, produto ok e entrega antes do prazo.",
    "Bem embalado",
    "Superou minhas expectativas",
  ],
  neutral: [
    "O produto é bom, mas demorou a chegar",
    "Produto razoável pelo preço",
    "A embalagem veio danificada, mas o produto está ok",
    "Não é exatamente como na foto",
    "Chegou no prazo",
    "Esperava um pouco mais",
    "Qualidade mediana",
    "Veio só uma parte do pedido, o restante chegou depois",
  ],
  negative: [
    "Ainda não recebi o produto",
    "Péssimo",
    "Produto chegou com defeito",
    "Não recomendo essa loja",
    "Comprei dois itens e recebi apenas um",
    "Até agora nada do produto",
    "Entrega atrasada e sem resposta do vendedor",
    "Veio errado, quero devolver",
    "Muito ruim, não funciona",
    "O prazo de entrega já passou e não recebi",
    "Produto diferente do anunciado",
    "Aguardo retorno, o pedido não chegou",
  ],
} as const;

type Sentiment = keyof typeof PHRASES;

function sentimentOf(score: number): Sentiment {
  if (score >= 4) return "positive";
  return score === 3 ? "neutral" : "negative";
}

function pick<T>(list: readonly T[], rng: Rng): T {
  return list[rng.int(list.length)];
}

/** A review title for a score 1..5. */
export function reviewTitle(score: number, rng: Rng): string {
  return pick(TITLES[sentimentOf(score)], rng);
}

/**
 * A review message for a score 1..5: one to three phrases; about 8 % span several lines joined by
 * CR LF (as in the original file), a few end with a stray space or comma like real typing.
 */
export function reviewMessage(score: number, rng: Rng): string {
  const phrases = PHRASES[sentimentOf(score)];
  const n = 1 + (rng.next() < 0.35 ? 1 : 0) + (rng.next() < 0.1 ? 1 : 0);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(pick(phrases, rng));
  const multiLine = n > 1 && rng.next() < 0.25;
  let text = parts.join(multiLine ? "\r\n" : ". ");
  const r = rng.next();
  if (r < 0.04) text += " ";
  else if (r < 0.06) text += " ,";
  else if (r < 0.07) text = `${rng.int(9) + 2} dias depois: ${text}`;
  return text;
}
