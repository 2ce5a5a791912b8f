/** `compose-lint graph`: exact pictures of a small project with a cycle and dangling references. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { main } from '../../src/cli/main.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { fixturesDir, repoRoot, sharedDir } from '../helpers.js';
import { graphCommand } from '../../src/cli/graph.js';

/** compose.yaml: a depends_on cycle (api ⇄ worker), an unknown service, network and volume, a missing build context. */
const dir = join(fixturesDir, 'graph-project');

async function graph(format: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await graphCommand(['.', '--format', format], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, env: {}, cwd: dir });
  return { code, out };
}

test('text', async () => {
  const { code, out } = await graph('text');
  assert.equal(code, 1, 'problems make the command fail');
  assert.equal(
    out,
    `project shop
  service web
    depends on api (service_healthy)
    network front
    builds context web, web/Dockerfile (target runtime)
  service api
    depends on db (service_started)
    depends on worker (service_started) [!]
    network front
    network back
    builds context api, api/Dockerfile [!]
  service worker  image shop/worker:1.0
    depends on api (service_started) [!]
  service db  image postgres:16
    depends on ghost (no such service) [!] (service_started)
    network back
    network missing-net (undefined network) [!]
    volume pgdata at /var/lib/postgresql/data
    volume cache (undefined volume) [!] at /cache
`,
  );
});

test('mermaid', async () => {
  const { out } = await graph('mermaid');
  assert.equal(
    out,
    `flowchart LR
  subgraph shop_project["shop"]
    svc_web["web"]
    svc_api["api"]
    svc_worker["worker<br/>shop/worker:1.0"]
    svc_db["db<br/>postgres:16"]
    net_front{{"front"}}
    net_back{{"back"}}
    vol_pgdata[("pgdata")]
    build_1[/"context web<br/>web/Dockerfile (target runtime)"/]
    build_2[/"context api<br/>api/Dockerfile"/]
    missing_svc_ghost["ghost (no such service)"]
    missing_net_missing_net["missing-net (undefined network)"]
    missing_vol_cache["cache (undefined volume)"]
    svc_web -->|"service_healthy"| svc_api
    svc_api -->|"service_started"| svc_db
    svc_api -->|"service_started"| svc_worker
    svc_worker -->|"service_started"| svc_api
    svc_db -->|"service_started"| missing_svc_ghost
    svc_web --- net_front
    svc_web -.-> build_1
    svc_api --- net_front
    svc_api --- net_back
    svc_api -.-> build_2
    svc_db --- net_back
    svc_db --- missing_net_missing_net
    svc_db ---|"/var/lib/postgresql/data"| vol_pgdata
    svc_db ---|"/cache"| missing_vol_cache
  end
  classDef problem stroke:#d00,stroke-width:2px,color:#d00
  class build_2,missing_svc_ghost,missing_net_missing_net,missing_vol_cache problem
  linkStyle 2,3,4,9,11,13 stroke:#d00,stroke-width:2px
`,
  );
});

test('dot', async () => {
  const { out } = await graph('dot');
  assert.equal(
    out,
    `digraph compose {
  rankdir=LR;
  node [fontname="Helvetica"];
  subgraph "cluster_shop" {
    label="shop";
    svc_web [label="web", shape=box];
    svc_api [label="api", shape=box];
    svc_worker [label="worker\\nshop/worker:1.0", shape=box];
    svc_db [label="db\\npostgres:16", shape=box];
    net_front [label="front", shape=hexagon];
    net_back [label="back", shape=hexagon];
    vol_pgdata [label="pgdata", shape=cylinder];
    build_1 [label="context web\\nweb/Dockerfile (target runtime)", shape=folder];
    build_2 [label="context api\\napi/Dockerfile", shape=folder, color=red, fontcolor=red];
    missing_svc_ghost [label="ghost (no such service)", shape=box, color=red, fontcolor=red];
    missing_net_missing_net [label="missing-net (undefined network)", shape=box, color=red, fontcolor=red];
    missing_vol_cache [label="cache (undefined volume)", shape=box, color=red, fontcolor=red];
    svc_web -> svc_api [label="service_healthy"];
    svc_api -> svc_db [label="service_started"];
    svc_api -> svc_worker [label="service_started", color=red, fontcolor=red];
    svc_worker -> svc_api [label="service_started", color=red, fontcolor=red];
    svc_db -> missing_svc_ghost [label="service_started", color=red, fontcolor=red];
    svc_web -> net_front [arrowhead=none];
    svc_web -> build_1 [style=dashed];
    svc_api -> net_front [arrowhead=none];
    svc_api -> net_back [arrowhead=none];
    svc_api -> build_2 [style=dashed, color=red, fontcolor=red];
    svc_db -> net_back [arrowhead=none];
    svc_db -> missing_net_missing_net [arrowhead=none, color=red, fontcolor=red];
    svc_db -> vol_pgdata [label="/var/lib/postgresql/data", arrowhead=none];
    svc_db -> missing_vol_cache [label="/cache", arrowhead=none, color=red, fontcolor=red];
  }
}
`,
  );
});

test('main dispatches `graph` and rejects unknown formats', async () => {
  let err = '';
  const code = await main(['graph', '--format', 'png'], {
    stdout: { write: () => true },
    stderr: { write: (s: string) => (err += s) },
    readStdin: () => '',
    env: {},
    cwd: '/nonexistent',
  });
  assert.equal(code, 2);
  assert.equal(err, 'compose-lint: --format for graph is one of mermaid, dot, text, not png\n');
});

test('the README shows the seed example graph as the command draws it', async () => {
  let out = '';
  await graphCommand(['seed-example', '--format', 'mermaid'], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, env: {}, cwd: sharedDir });
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  assert.ok(readme.includes('```mermaid\n' + out + '```\n'), 'README.md: regenerate the "Project graph" block with `compose-lint graph ../shared/seed-example --format mermaid`');
});
