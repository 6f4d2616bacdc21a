import type { Finding } from '../findings/finding';
import type { Amount } from '../model/tables';

export type Relation = 'eq' | 'le' | 'ge';

/** A figure of a comparison, as rules give it (the shape of types.ts `Term`, kept here so the log needs nothing else). */
type Term = { amount: Amount; sign?: 1 | -1 };

/**
 * Every comparison the rules made, passing or failing, for the diagnosis pass
 * (src/core/diagnosis): its figures with their signs in left − right, left − right itself,
 * its tolerance, which figure follows the others (Comparison.derived), and the finding it
 * gave when it failed. Kept flat (parallel arrays, no object per comparison or term), so
 * that logging a large workbook's hundreds of thousands of comparisons stays cheap.
 */
export class ComparisonLog {
  /** Per comparison: its two sides' figures (the rules' own arrays, not copied). */
  readonly lefts: Array<ReadonlyArray<Amount | Term>> = [];
  readonly rights: Array<ReadonlyArray<Amount | Term>> = [];
  /** Per comparison: left − right as compared (floating-point noise removed). */
  readonly differences: number[] = [];
  readonly tolerances: number[] = [];
  readonly relations: Relation[] = [];
  /** Per comparison: which side's single figure follows the other side (0 none, 1 left, 2 right). */
  readonly followers: number[] = [];
  readonly rules: string[] = [];
  /** The findings of the comparisons that failed, by comparison index. */
  readonly findings = new Map<number, Finding>();
  private flat?: FlatTerms;

  get size(): number {
    return this.lefts.length;
  }

  add(
    rule: string,
    relation: Relation,
    left: ReadonlyArray<Amount | Term>,
    right: ReadonlyArray<Amount | Term>,
    difference: number,
    tolerance: number,
    derived: boolean | 'right' | undefined,
    finding?: Finding,
  ): void {
    const r = this.lefts.length;
    this.lefts.push(left);
    this.rights.push(right);
    this.differences.push(difference);
    this.tolerances.push(tolerance);
    this.relations.push(relation);
    this.followers.push(derived === 'right' && right.length === 1 ? 2 : derived === true && left.length === 1 ? 1 : 0);
    this.rules.push(rule);
    if (finding) this.findings.set(r, finding);
  }

  /**
   * Every term flat, built on first use (by the diagnosis, only when something failed):
   * figure, sign in left − right, and per comparison the index of its first term and of
   * its follower (−1 for none).
   */
  terms(): FlatTerms {
    if (this.flat) return this.flat;
    const n = this.lefts.length;
    let total = 0;
    for (let r = 0; r < n; r++) total += this.lefts[r].length + this.rights[r].length;
    const amounts = new Array<Amount>(total);
    const signs = new Int8Array(total);
    const starts = new Int32Array(n + 1);
    const followers = new Int32Array(n);
    let i = 0;
    for (let r = 0; r < n; r++) {
      starts[r] = i;
      for (const t of this.lefts[r]) {
        const term = 'amount' in t ? t : undefined;
        amounts[i] = term ? term.amount : (t as Amount);
        signs[i++] = term?.sign ?? 1;
      }
      const rightStart = i;
      for (const t of this.rights[r]) {
        const term = 'amount' in t ? t : undefined;
        amounts[i] = term ? term.amount : (t as Amount);
        signs[i++] = -(term?.sign ?? 1);
      }
      followers[r] = this.followers[r] === 1 ? starts[r] : this.followers[r] === 2 ? rightStart : -1;
    }
    starts[n] = i;
    this.flat = { amounts, signs, starts, followers };
    return this.flat;
  }
}

export interface FlatTerms {
  amounts: Amount[];
  signs: Int8Array;
  /** starts[r] … starts[r + 1] − 1 are comparison r's terms. */
  starts: Int32Array;
  /** The term index of each comparison's follower, or −1. */
  followers: Int32Array;
}
