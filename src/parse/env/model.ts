import type { Ranged, SourceFile } from '../source.js';

/** A `.env` / `env_file` file as Compose reads it. */
export interface EnvFile {
  kind: 'env';
  path: string;
  source: SourceFile;
  entries: { key: string; keyRange: Ranged; value: string; valueRange: Ranged }[];
  /** Lines Compose would reject or misread (`export`, spaces around `=`, unbalanced quotes). */
  problems: { message: string; range: Ranged }[];
}
