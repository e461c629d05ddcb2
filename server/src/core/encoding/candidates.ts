import { decodedKind } from './plausible';
import type { LostChar } from './types';
import { decodeSequence } from './utf8';

/**
 * Every character the lost bytes can have been: the missing continuation bytes may sit at any
 * position after the lead byte (the survivors keep their order), each one any of the lost values.
 * Only well-formed UTF-8 that decodes to a plausible, assigned character is kept.
 */
export function candidatesOf(lost: LostChar): string[] {
  const missing = lost.length - lost.present.length;
  const found = new Set<string>();
  const bytes = new Array<number>(lost.length);
  bytes[0] = lost.present[0];
  for (const positions of choosePositions(lost.length - 1, missing)) {
    const gaps = positions.map((p) => p + 1);
    for (const values of product(lost.choices, missing)) {
      let survivor = 1;
      let guess = 0;
      for (let i = 1; i < lost.length; i++) {
        if (guess < gaps.length && gaps[guess] === i) bytes[i] = values[guess++];
        else bytes[i] = lost.present[survivor++];
      }
      const code = decodeSequence(bytes, 0, lost.length);
      if (code !== undefined && decodedKind(code)) found.add(String.fromCodePoint(code));
    }
  }
  return [...found];
}

/** The ways to pick `k` of `n` positions, each as an increasing list. */
function choosePositions(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (k > n) return [];
  const out: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = from; i < n; i++) pick(i + 1, [...chosen, i]);
  };
  pick(0, []);
  return out;
}

function product(values: readonly number[], k: number): number[][] {
  let out: number[][] = [[]];
  for (let i = 0; i < k; i++) out = out.flatMap((prefix) => values.map((v) => [...prefix, v]));
  return out;
}
