/**
 * Which published ports belong to a database or message broker: by the container port the
 * product listens on, or by the image the service runs.
 */
import type { ImageRef } from '../../../src/parse/image-ref.js';

/**
 * Default container ports of databases and brokers. Ports that many unrelated images also use
 * (9000: MinIO, PHP-FPM, Portainer; 8123: Home Assistant) are left out: ClickHouse is recognised
 * by its image instead.
 */
export const DATABASE_PORTS: ReadonlyMap<number, string> = new Map([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL/MariaDB'],
  [33060, 'MySQL X protocol'],
  [6379, 'Redis'],
  [27017, 'MongoDB'],
  [27018, 'MongoDB'],
  [27019, 'MongoDB'],
  [5672, 'RabbitMQ'],
  [11211, 'Memcached'],
  [9200, 'Elasticsearch'],
  [9300, 'Elasticsearch'],
  [9042, 'Cassandra'],
  [5984, 'CouchDB'],
  [9092, 'Kafka'],
  [4222, 'NATS'],
  [2379, 'etcd'],
  [2181, 'ZooKeeper'],
  [7687, 'Neo4j'],
  [8086, 'InfluxDB'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [26257, 'CockroachDB'],
  [8529, 'ArangoDB'],
  [28015, 'RethinkDB'],
]);

/** Last path segment of the repository (`bitnami/postgresql` → `postgresql`) → product. */
const IMAGE_NAMES: ReadonlyMap<string, string> = new Map([
  ['postgres', 'PostgreSQL'],
  ['postgresql', 'PostgreSQL'],
  ['postgis', 'PostgreSQL'],
  ['timescaledb', 'PostgreSQL'],
  ['timescaledb-ha', 'PostgreSQL'],
  ['pgvector', 'PostgreSQL'],
  ['mysql', 'MySQL'],
  ['mysql-server', 'MySQL'],
  ['mariadb', 'MariaDB'],
  ['percona', 'MySQL'],
  ['percona-server', 'MySQL'],
  ['redis', 'Redis'],
  ['redis-stack', 'Redis'],
  ['redis-stack-server', 'Redis'],
  ['valkey', 'Valkey'],
  ['keydb', 'KeyDB'],
  ['dragonfly', 'Dragonfly'],
  ['mongo', 'MongoDB'],
  ['mongodb', 'MongoDB'],
  ['mongodb-community-server', 'MongoDB'],
  ['rabbitmq', 'RabbitMQ'],
  ['memcached', 'Memcached'],
  ['elasticsearch', 'Elasticsearch'],
  ['opensearch', 'OpenSearch'],
  ['cassandra', 'Cassandra'],
  ['scylla', 'ScyllaDB'],
  ['couchdb', 'CouchDB'],
  ['couchbase', 'Couchbase'],
  ['kafka', 'Kafka'],
  ['cp-kafka', 'Kafka'],
  ['nats', 'NATS'],
  ['clickhouse-server', 'ClickHouse'],
  ['clickhouse', 'ClickHouse'],
  ['etcd', 'etcd'],
  ['zookeeper', 'ZooKeeper'],
  ['cp-zookeeper', 'ZooKeeper'],
  ['neo4j', 'Neo4j'],
  ['influxdb', 'InfluxDB'],
  ['cockroach', 'CockroachDB'],
  ['arangodb', 'ArangoDB'],
  ['rethinkdb', 'RethinkDB'],
  ['oracle-xe', 'Oracle'],
  ['oracle-free', 'Oracle'],
]);

/** Repositories whose last segment is too generic to match alone. */
const IMAGE_REPOSITORIES: ReadonlyMap<string, string> = new Map([
  ['mssql/server', 'SQL Server'],
  ['mssql/rhel/server', 'SQL Server'],
  ['azure-sql-edge', 'SQL Server'],
  ['database/enterprise', 'Oracle'],
  ['database/free', 'Oracle'],
]);

/** The product a service image runs, when it is a known database or broker image. */
export function databaseOfImage(ref: ImageRef): string | undefined {
  // A variable left unresolved may name any image.
  if (ref.unresolved.length || ref.repository === '') return undefined;
  const repo = ref.repository.toLowerCase().replace(/^library\//, '');
  const byRepo = IMAGE_REPOSITORIES.get(repo);
  if (byRepo) return byRepo;
  return IMAGE_NAMES.get(repo.slice(repo.lastIndexOf('/') + 1));
}

/** The product listening on a container port or range, when one of `ports` falls inside it. */
export function databaseOfPort(target: string, extra: ReadonlySet<number>): { port: number; product?: string } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(target);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  for (const [port, product] of DATABASE_PORTS) if (port >= lo && port <= hi) return { port, product };
  for (const port of extra) if (port >= lo && port <= hi) return { port };
  return undefined;
}
