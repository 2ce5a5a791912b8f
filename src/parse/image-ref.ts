/**
 * Image references as Docker reads them: `[registry/]repository[:tag][@digest]`.
 * Shared by Dockerfile `FROM` and compose `image:`.
 */
import type { Ranged } from './source.js';

export interface ImageRef {
  /** The text as written (before variable substitution). */
  raw: string;
  /** The reference after substitution; equals `raw` when nothing was substituted. */
  resolved: string;
  /** Where the reference is written. */
  range: Ranged;
  /** e.g. `ghcr.io`, `localhost:5000`; undefined for Docker Hub. */
  registry?: string;
  /** e.g. `library/python` is written `python`: this holds what was written (`python`). */
  repository: string;
  tag?: string;
  digest?: string;
  /**
   * Range of the tag (without the colon) when it can be located in the source
   * (i.e. it was not produced by a variable); otherwise undefined.
   */
  tagRange?: Ranged;
  /** Range of the digest (without the `@`), when locatable. */
  digestRange?: Ranged;
  /** Variables that could not be resolved, so the parts above may be incomplete. */
  unresolved: string[];
}

/**
 * Split a resolved reference. `rangeOfResolved` maps the substring [i, j) of `resolved` to a
 * source range, or returns undefined when that part came from a variable.
 */
export function parseImageRef(
  raw: string,
  resolved: string,
  range: Ranged,
  unresolved: string[] = [],
  rangeOfResolved?: (i: number, j: number) => Ranged | undefined,
): ImageRef {
  let rest = resolved;
  let digest: string | undefined;
  let digestStart = -1;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestStart = at + 1;
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  let repoStart = 0;
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      repoStart = slash + 1;
    }
  }
  let tag: string | undefined;
  let tagStart = -1;
  const colon = rest.lastIndexOf(':');
  if (colon > repoStart && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    tagStart = colon + 1;
    rest = rest.slice(0, colon);
  }
  const repository = rest.slice(repoStart);
  const locate =
    rangeOfResolved ??
    ((i: number, j: number): Ranged | undefined =>
      raw === resolved ? { path: range.path, start: range.start + i, end: range.start + j } : undefined);
  const ref: ImageRef = { raw, resolved, range, repository, unresolved };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) {
    ref.tag = tag;
    const r = locate(tagStart, tagStart + tag.length);
    if (r) ref.tagRange = r;
  }
  if (digest !== undefined) {
    ref.digest = digest;
    const r = locate(digestStart, digestStart + digest.length);
    if (r) ref.digestRange = r;
  }
  return ref;
}
