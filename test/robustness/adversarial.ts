/**
 * Long inputs aimed at the hot paths of the parsers and rules, each sized by `n` (roughly its
 * length in characters), shared by the linear-time test and bench/adversarial.mjs.
 */
import type { MemFile } from './harness.js';

export interface AdversarialCase {
  name: string;
  make(n: number): MemFile;
  /** Size for the test (4× is linted too); the bench goes further. */
  size: number;
  /** Set while the case is known to be superlinear: why, and where. */
  quadratic?: string;
}

const df = (body: string): MemFile => ({ name: 'Dockerfile', text: `FROM alpine:3.20\n${body}\n` });
const compose = (text: string): MemFile => ({ name: 'compose.yaml', text });
const service = (body: string) => compose(`services:\n  web:\n    image: nginx:1.27\n${body}`);
const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('');

export const ADVERSARIAL: AdversarialCase[] = [
  { name: 'single-line RUN of one long word', size: 250_000, make: (n) => df(`RUN echo ${'x'.repeat(n)}`) },
  { name: 'single-line RUN of many words', size: 10_000, make: (n) => df(`RUN apt-get install -y ${'a '.repeat(n / 2)}`) },
  { name: 'RUN with long runs of spaces', size: 250_000, make: (n) => df(`RUN echo${' '.repeat(n)}x`) },
  { name: 'RUN chained with &&', size: 10_000, make: (n) => df(`RUN ${'a && '.repeat(n / 5)}b`) },
  { name: 'RUN pipelines', size: 10_000, make: (n) => df(`RUN ${'a | '.repeat(n / 4)}b`) },
  { name: 'RUN with an unclosed quote', size: 100_000, make: (n) => df(`RUN echo "${'a'.repeat(n)}`) },
  { name: 'RUN with many variables', size: 25_000, make: (n) => df(`RUN echo ${'${a}'.repeat(n / 4)}`) },
  { name: 'RUN of backslashes', size: 25_000, make: (n) => df(`RUN ${'\\'.repeat(n)}x`) },
  { name: 'RUN continued over many lines', size: 25_000, make: (n) => df(`RUN a${' \\\n'.repeat(n / 3)}b`) },
  { name: 'RUN heredoc of many lines', size: 25_000, make: (n) => df(`RUN <<EOF\n${'echo a\n'.repeat(n / 7)}EOF`) },
  { name: 'many RUN instructions', size: 12_500, make: (n) => df('RUN a\n'.repeat(n / 6)) },
  { name: 'ENV with many pairs', size: 25_000, make: (n) => df(`ENV ${'a=b '.repeat(n / 4)}`) },
  { name: 'LABEL with many pairs', size: 25_000, make: (n) => df(`LABEL ${'a="b" '.repeat(n / 6)}`) },
  { name: 'EXPOSE with many ports', size: 25_000, make: (n) => df(`EXPOSE ${'80 '.repeat(n / 3)}`) },
  { name: 'COPY with many sources', size: 25_000, make: (n) => df(`COPY ${'a '.repeat(n / 2)}/x/`) },
  { name: 'CMD exec form with many words', size: 25_000, make: (n) => df(`CMD [${'"a",'.repeat(n / 4)}"b"]`) },
  { name: 'FROM with a long image name', size: 100_000, make: (n) => ({ name: 'Dockerfile', text: `FROM ${'a'.repeat(n)}\n` }) },
  { name: 'a long comment', size: 250_000, make: (n) => df(`# ${'x'.repeat(n)}`) },
  {
    name: 'nested command substitutions',
    size: 5_000,
    make: (n) => df(`RUN ${'$('.repeat(n / 2)}`),
  },
  {
    name: 'a run of backquotes',
    size: 5_000,
    make: (n) => df(`RUN ${'`'.repeat(n)}`),
  },
  {
    name: 'a chain of stages, each FROM the previous',
    size: 8_000,
    make: (n) => ({ name: 'Dockerfile', text: `FROM alpine:3.20 AS s0\n${times(n / 20, (i) => `FROM s${i} AS s${i + 1}\n`)}` }),
  },
  { name: 'a port list, one item per line', size: 25_000, make: (n) => service(`    ports:\n${times(n / 14, (i) => `      - "${i % 65535}:80"\n`)}`) },
  {
    name: 'a port list in flow style',
    size: 8_000,
    make: (n) => service(`    ports: [${times(n / 8, (i) => `${i ? ',' : ''}"${i % 65535}:80"`)}]\n`),
  },
  { name: 'an environment list', size: 12_500, make: (n) => service(`    environment:\n${times(n / 16, (i) => `      - A${i}=\${B${i}}\n`)}`) },
  {
    name: 'a volume list',
    size: 25_000,
    make: (n) => service(`    volumes:\n${times(n / 20, (i) => `      - ./a${i}:/b${i}\n`)}`),
  },
  { name: 'many services in a depends_on chain', size: 12_500, make: (n) => compose(`services:\n${times(n / 60, (i) => `  s${i}:\n    image: nginx:1.27\n    depends_on: [s${i + 1}]\n`)}`) },
  { name: 'a long depends_on list', size: 12_500, make: (n) => service(`    depends_on: [${times(n / 6, (i) => `${i ? ',' : ''}s${i}`)}]\n`) },
  { name: 'a long interpolated image', size: 100_000, make: (n) => service(`    command: "${'${a:-'.repeat(n / 5)}"\n`) },
  { name: 'an unclosed YAML quote', size: 100_000, make: (n) => service(`    command: "${'a'.repeat(n)}`) },
];
