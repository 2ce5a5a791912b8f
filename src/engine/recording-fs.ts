/**
 * A FileSystem view that notes every file a lint() call reads, so the units of a split run can
 * be proved independent afterwards. It also keeps the texts for that one call: lint() reads a
 * named file once to tell its kind and again to parse it. Make one per call, or it would hold
 * every text of the run.
 */
import { readWithin, type FileSystem } from '../project/fs.js';

export function recordingFileSystem(fs: FileSystem, reads: Set<string>): FileSystem {
  const texts = new Map<string, string | undefined>();
  return {
    ...fs,
    readFile: (p) => {
      reads.add(p);
      if (texts.has(p)) return texts.get(p);
      const text = fs.readFile(p);
      texts.set(p, text);
      return text;
    },
    // Overridden, not spread: a read that skipped the record would break the proof.
    readFileWithin: (p, max) => {
      reads.add(p);
      if (texts.has(p)) return texts.get(p);
      const read = readWithin(fs, p, max);
      // A file over the limit is not kept: the next ask may come with another limit.
      if (typeof read !== 'object') texts.set(p, read);
      return read;
    },
    kind: (p) => fs.kind(p),
    readDir: (p) => fs.readDir(p),
  };
}
