/**
 * Union-find over record indices that refuses a union joining two records declared different
 * ("cannot-link"), directly or through the other members of their groups. Without the check,
 * transitivity chains A≈B, B≈C into a group holding A and C even when A and C are an erratum and
 * its article.
 */
export class ConstrainedUnionFind {
  private readonly parent: Int32Array;
  private readonly members: number[][];
  private readonly cannotLink = new Map<number, number[]>();

  constructor(size: number) {
    this.parent = new Int32Array(size);
    this.members = [];
    for (let i = 0; i < size; i++) {
      this.parent[i] = i;
      this.members.push([i]);
    }
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[x] !== root) {
      const next = this.parent[x] as number;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }

  addCannotLink(a: number, b: number): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = this.cannotLink.get(x);
      if (list) list.push(y);
      else this.cannotLink.set(x, [y]);
    }
  }

  /** True when the two groups contain no cannot-link pair between them. */
  canUnion(a: number, b: number): boolean {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return true;
    const [small, otherRoot] =
      (this.members[rootA]?.length ?? 0) <= (this.members[rootB]?.length ?? 0)
        ? [rootA, rootB]
        : [rootB, rootA];
    for (const member of this.members[small] ?? []) {
      for (const partner of this.cannotLink.get(member) ?? [])
        if (this.find(partner) === otherRoot) return false;
    }
    return true;
  }

  /** Joins the groups of a and b; false (and nothing changes) when a cannot-link forbids it. */
  union(a: number, b: number): boolean {
    if (!this.canUnion(a, b)) return false;
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return true;
    const [big, small] =
      (this.members[rootA]?.length ?? 0) >= (this.members[rootB]?.length ?? 0)
        ? [rootA, rootB]
        : [rootB, rootA];
    this.parent[small] = big;
    const bigMembers = this.members[big] as number[];
    for (const member of this.members[small] ?? []) bigMembers.push(member);
    this.members[small] = [];
    return true;
  }

  /** Groups of two or more, each sorted by index, ordered by their first index. */
  groups(): number[][] {
    const result: number[][] = [];
    for (let i = 0; i < this.parent.length; i++) {
      if (this.parent[i] === i && (this.members[i]?.length ?? 0) > 1) {
        result.push([...(this.members[i] ?? [])].sort((x, y) => x - y));
      }
    }
    return result.sort((x, y) => (x[0] ?? 0) - (y[0] ?? 0));
  }
}
