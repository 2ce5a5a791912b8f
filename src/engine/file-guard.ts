/**
 * Guards the engine's reads: a file above the size limit of its config is never read (a 50 MB
 * file would cost seconds and hundreds of MB for nothing a person wrote by hand), and a file that
 * cannot be read gets a message saying which and why. The limit is `settings.maxFileSize`.
 */
import { readWithin, type FileSystem } from '../project/fs.js';
import type { ActiveRule } from './run.js';
import { formatMessage } from './run.js';
import type { Finding, Settings } from './types.js';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
export const FILE_TOO_LARGE = 'file-too-large';

export interface FileGuard {
  fs: FileSystem;
  /** Why a file to lint yields no text: for the run's error list. */
  unreadable(path: string): string;
  /** Whether a file was skipped for its size (so it gets a finding, not an error). */
  tooLarge(path: string): boolean;
  /** Adds the finding for a skipped file to `into`, unless its config turns the rule off. */
  finding(path: string, config: { rules: readonly ActiveRule[] }, into: Finding[]): void;
}

function limitOf(settings: Settings): number {
  const v = settings['maxFileSize'];
  return typeof v === 'number' && v >= 0 ? v : DEFAULT_MAX_FILE_SIZE;
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}

export function guardFileSystem(fs: FileSystem, settingsFor: (path: string) => Settings): FileGuard {
  const skipped = new Map<string, { size: number; limit: number }>();
  const guarded: FileSystem = {
    readFile(path) {
      const limit = limitOf(settingsFor(path));
      const read = readWithin(fs, path, limit);
      if (typeof read !== 'object') return read;
      skipped.set(path, { size: read.size, limit });
      return undefined;
    },
    kind: (path) => fs.kind(path),
    readDir: (path) => fs.readDir(path),
    ...(fs.size ? { size: (path: string) => fs.size!(path) } : {}),
    readError: (path) => {
      const s = skipped.get(path);
      return s ? `it is larger (${mb(s.size)}) than settings.maxFileSize (${mb(s.limit)})` : fs.readError?.(path);
    },
  };
  return {
    fs: guarded,
    unreadable(path) {
      const why = guarded.readError!(path) ?? (fs.kind(path) === 'dir' ? 'it is a directory' : undefined);
      return `${path}: cannot be read${why ? ` (${why})` : ''}`;
    },
    tooLarge: (path) => skipped.has(path),
    finding(path, config, into) {
      const s = skipped.get(path);
      const active = s && config.rules.find((r) => r.rule.meta.id === FILE_TOO_LARGE);
      if (!s || !active) return;
      const at = { line: 1, column: 1, offset: 0 };
      into.push({
        ruleId: FILE_TOO_LARGE,
        severity: active.severity,
        messageId: 'tooLarge',
        message: formatMessage(active.rule.meta.messages['tooLarge' as never] as string, { size: mb(s.size), limit: mb(s.limit) }),
        location: { path, start: at, end: at },
      });
    },
  };
}
