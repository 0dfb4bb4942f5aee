/** Period indexes must point at periods the student asked for. */
export const periodsProblem = (chosen: number[], requested: number) =>
  chosen.some((i) => i >= requested) ? 'Kies enkel periodes die de school vroeg.' : null;
