/** Healthcheck commands that work in the official images of common databases and brokers. */
const HINTS: [RegExp, string][] = [
  [/^(postgres|postgis|timescaledb(-ha)?|pgvector)$/, 'pg_isready -U $${POSTGRES_USER:-postgres}'],
  [/^mysql$/, 'mysqladmin ping -h 127.0.0.1'],
  [/^mariadb$/, 'healthcheck.sh --connect --innodb_initialized'],
  [/^redis(-stack(-server)?)?$/, 'redis-cli ping'],
  [/^valkey$/, 'valkey-cli ping'],
  [/^mongo$/, "mongosh --quiet --eval 'db.runCommand({ping: 1}).ok'"],
  [/^rabbitmq$/, 'rabbitmq-diagnostics -q ping'],
  [/^(elasticsearch|opensearch)$/, 'curl -fs http://localhost:9200/_cluster/health'],
  [/^cassandra$/, "cqlsh -e 'describe keyspaces'"],
];

/** `repository` as written (`postgres`, `library/postgres`, `bitnami/redis`). */
export function healthcheckHint(repository: string): string | undefined {
  const name = repository.toLowerCase().split('/').pop() ?? '';
  return HINTS.find(([re]) => re.test(name))?.[1];
}
