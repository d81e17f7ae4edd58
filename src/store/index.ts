export type {
  ArticleInput,
  ArticleStore,
  Delivery,
  DeliveryKey,
  DeliveryLedger,
  DeliveryStatus,
  DigestStore,
  FeedStateStore,
  LeaseStore,
  Store,
  StoreDatabase,
  StoredArticle,
  Stores,
} from './types.js';
export { openStore, isPostgresUrl, type OpenStoreOptions } from './open.js';
export { SqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { PostgresStore, type PostgresStoreOptions } from './postgres.js';
export { StoreLibrary, storedEntry } from './library.js';
export { migrations, latestVersion, type Migration } from './migrations/index.js';
