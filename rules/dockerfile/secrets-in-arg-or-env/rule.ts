import { defineRule, type Ranged } from '../../../src/engine/types.js';
import type { ArgInstruction, EnvInstruction } from '../../../src/parse/dockerfile/model.js';
import { isSwitchValue, secretValueKind, secretWordOf } from '../../../src/analysis/buildkit.js';

type Msg = 'secretArg' | 'secretEnv' | 'secretValue';

export default defineRule<Record<string, never>, Msg>(
  {
    id: 'secrets-in-arg-or-env',
    kind: 'dockerfile',
    summary: 'A secret passed through `ARG` or `ENV`, where it stays readable in the image',
    category: 'security',
    severity: 'warning',
    recommended: true,
    aliases: [
      { tool: 'buildkit', code: 'SecretsUsedInArgOrEnv', fidelity: 'partial' },
      { tool: 'hadolint', code: 'DL3064', fidelity: 'partial' },
    ],
    messages: {
      secretArg:
        '`ARG {name}` looks like a secret (`{word}`), and build arguments are recorded in the image history where anyone who pulls it can read them; mount it with `RUN --mount=type=secret,id={id}` instead',
      secretEnv:
        '`ENV {name}` looks like a secret (`{word}`), and `ENV` values are stored in the image config for anyone who pulls it to read; pass it at run time (compose `environment:` or `secrets:`) or use `RUN --mount=type=secret` during the build',
      secretValue:
        'The value of `{name}` contains {kind}, which stays readable in the image and its history for anyone who pulls it; revoke it, and pass it at run time or with `RUN --mount=type=secret`',
    },
    since: '0.1.0',
  },
  (ctx) => {
    const check = (keyword: 'ARG' | 'ENV', name: string, nameRange: Ranged, value: string | undefined, valueRange: Ranged | undefined) => {
      const kind = value === undefined ? undefined : secretValueKind(value);
      if (kind) {
        ctx.report({ at: valueRange ?? nameRange, messageId: 'secretValue', data: { name, kind } });
        return;
      }
      const word = secretWordOf(name);
      if (!word) return;
      // An ENV with an empty or on/off value configures something; it carries no secret.
      if (keyword === 'ENV' && isSwitchValue(value ?? '')) return;
      const id = name.toLowerCase().replace(/_/g, '-');
      ctx.report({ at: nameRange, messageId: keyword === 'ARG' ? 'secretArg' : 'secretEnv', data: { name, word, id } });
    };
    return {
      'dockerfile:instruction'(ins) {
        if (ins.keyword === 'ARG') {
          for (const v of (ins as ArgInstruction).vars) check('ARG', v.name, v.nameRange, v.defaultValue, v.defaultRange);
        } else if (ins.keyword === 'ENV') {
          for (const p of (ins as EnvInstruction).pairs) check('ENV', p.key, p.keyRange, p.value, p.valueRange);
        }
      },
    };
  },
);
