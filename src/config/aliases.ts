/**
 * Maps what users write (rule ids, and upstream codes such as DL3008, FromAsCasing or dclint
 * names) to rule ids. Exact spellings win; a case-insensitive match still resolves but carries
 * a hint, because upstream tools spell their codes one way and we keep them that way.
 */
import type { Alias, RuleMeta } from '../engine/types.js';
import { didYouMean } from '../text/did-you-mean.js';
import { shellcheckRuleId } from '../engine/shellcheck.js';

export interface CodeMatch {
  /** Rule ids the code names; several when one upstream check is split into narrower rules. */
  ids: readonly string[];
  /** The code spelled as we know it (an id or an upstream alias). */
  canonical: string;
  /** Whether `canonical` is an alias rather than a rule id. */
  isAlias: boolean;
  /** Set when only a case-insensitive match was found. */
  hint?: string;
}

export class AliasIndex {
  private readonly exact = new Map<string, { ids: string[]; isAlias: boolean }>();
  private readonly folded = new Map<string, string>();
  private readonly byTool = new Map<Alias['tool'], Set<string>>();

  constructor(metas: Iterable<Pick<RuleMeta<any>, 'id' | 'aliases'>>) {
    for (const meta of metas) {
      this.add(meta.id, meta.id, false);
      for (const alias of meta.aliases) {
        this.add(alias.code, meta.id, true);
        let set = this.byTool.get(alias.tool);
        if (!set) this.byTool.set(alias.tool, (set = new Set()));
        set.add(meta.id);
      }
    }
  }

  private add(code: string, id: string, isAlias: boolean): void {
    const entry = this.exact.get(code);
    if (entry) {
      if (!entry.ids.includes(id)) entry.ids.push(id);
    } else {
      this.exact.set(code, { ids: [id], isAlias });
    }
    const key = code.toLowerCase();
    if (!this.folded.has(key)) this.folded.set(key, code);
  }

  lookup(code: string): CodeMatch | undefined {
    const hit = this.exact.get(code);
    if (hit) return { ids: hit.ids, canonical: code, isAlias: hit.isAlias };
    const canonical = this.folded.get(code.toLowerCase());
    if (canonical === undefined) {
      // ShellCheck codes are open-ended: any `SCnnnn` names the rule `shellcheck/SCnnnn`.
      const sc = shellcheckRuleId(code);
      return sc ? { ids: [sc], canonical: sc, isAlias: false } : undefined;
    }
    const entry = this.exact.get(canonical)!;
    return {
      ids: entry.ids,
      canonical,
      isAlias: entry.isAlias,
      hint: `"${code}" matched "${canonical}" ignoring case; write it as "${canonical}"`,
    };
  }

  /** For directive parsing: the ids a code names, or undefined when unknown. */
  readonly resolveId = (code: string): readonly string[] | undefined => this.lookup(code)?.ids;

  /** Every id and alias, for did-you-mean and for the generated schema. */
  codes(): IterableIterator<string> {
    return this.exact.keys();
  }

  suggest(code: string): string | undefined {
    return didYouMean(code, this.exact.keys());
  }

  /** Ids of rules that carry an alias of `tool` (what a foreign "disable all" should cover). */
  idsWithAliasOf(tool: Alias['tool']): ReadonlySet<string> {
    return this.byTool.get(tool) ?? new Set();
  }
}
