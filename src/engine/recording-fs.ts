/**
 * A FileSystem view that notes every file a lint() call reads, so the units of a split run can
 * be proved independent afterwards. It also keeps the texts for that one call: lint() reads a
 * named file once to tell its kind and again to parse it. Make one per call, or it would hold
 * every text of the run.
 */
import type { FileSystem } from '../project/fs.js';

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
    kind: (p) => fs.kind(p),
    readDir: (p) => fs.readDir(p),
  };
}
