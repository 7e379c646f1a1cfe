/**
 * The math with its numbers (issue 14): which digit the architecture diagram's unit inspector and
 * the loss formula compute with. A slice of the lab's store (store.ts builds it).
 */

/** A showcase test digit by its place in TestSampleEvent.showcase, or the reader's drawing. */
export type MathDigit = { showcase: number } | 'drawing';

export interface MathSlice {
  mathDigit: MathDigit;
  setMathDigit: (digit: MathDigit) => void;
}

export function mathSlice(set: (partial: Partial<MathSlice>) => void): MathSlice {
  return { mathDigit: { showcase: 0 }, setMathDigit: (mathDigit) => set({ mathDigit }) };
}
