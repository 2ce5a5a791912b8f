/**
 * A set of paths kept as 64-bit hashes, for the stream's record of files whose projects have
 * been reported (src/engine/stream.ts): it is asked only to catch a unit that reads such a file
 * after all, and keeping the paths themselves (~100 bytes each) was what grew most with a big
 * run. Two independent 32-bit hashes make a false "seen" about one chance in 2^64 per question.
 */
export class PathHashes {
  /** Pairs of hashes, open addressing; (0, 0) marks a free slot. */
  private slots = new Int32Array(2 * 1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(path: string): void {
    if (2 * (this.count + 1) > this.slots.length / 2) this.grow();
    const [a, b] = hashes(path);
    if (this.place(this.slots, a, b)) this.count++;
  }

  has(path: string): boolean {
    const [a, b] = hashes(path);
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = slots[2 * i]!;
      const y = slots[2 * i + 1]!;
      if (x === a && y === b) return true;
      if (x === 0 && y === 0) return false;
    }
  }

  /** Puts a pair in its slot; false when it was there already. */
  private place(slots: Int32Array, a: number, b: number): boolean {
    const mask = slots.length / 2 - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = slots[2 * i]!;
      const y = slots[2 * i + 1]!;
      if (x === a && y === b) return false;
      if (x === 0 && y === 0) {
        slots[2 * i] = a;
        slots[2 * i + 1] = b;
        return true;
      }
    }
  }

  /** Twice the slots, so that at most half of them are taken. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) if (old[i] !== 0 || old[i + 1] !== 0) this.place(slots, old[i]!, old[i + 1]!);
    this.slots = slots;
  }
}

/** FNV-1a and a multiply-xorshift hash of the UTF-16 code units; never both 0 (a free slot). */
function hashes(s: string): [number, number] {
  let a = 0x811c9dc5 | 0;
  let b = 0x9747b28c | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  if (a === 0 && b === 0) b = 1;
  return [a, b];
}
