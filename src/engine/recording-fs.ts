/**
 * A FileSystem view that notes every file a lint() call reads, so the units of a split run can
 * be proved independent afterwards. It also keeps the texts for that one call: lint() reads a
 * named file once to tell its kind and again to parse it. Make one per call, or it would hold
 * every text of the run.
 *
 * A path that gave nothing (no such file, unreadable) is not noted: it holds no text and no
 * finding, so two units that both looked for it share nothing. Noting them joined every copy of
 * a project that looks for `/settings.env` (an unset variable) across a monorepo into one unit.
 */
import { readWithin, type FileSystem } from '../project/fs.js';

export function recordingFileSystem(fs: FileSystem, reads: Set<string>): FileSystem {
  const texts = new Map<string, string | undefined>();
  return {
    ...fs,
    readFile: (p) => {
      if (texts.has(p)) return texts.get(p);
      const text = fs.readFile(p);
      texts.set(p, text);
      if (text !== undefined) reads.add(p);
      return text;
    },
    // Overridden, not spread: a read that skipped the record would break the proof.
    readFileWithin: (p, max) => {
      if (texts.has(p)) return texts.get(p);
      const read = readWithin(fs, p, max);
      if (read !== undefined) reads.add(p);
      // A file over the limit is not kept: the next ask may come with another limit.
      if (typeof read !== 'object') texts.set(p, read);
      return read;
    },
    kind: (p) => fs.kind(p),
    readDir: (p) => fs.readDir(p),
  };
}
