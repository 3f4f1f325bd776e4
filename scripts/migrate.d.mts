// Types for scripts/migrate.mjs (plain JavaScript so `npm start` needs no compiler), for the
// TypeScript that imports it (tests).
export type Provider = 'sqlite' | 'postgresql';
export declare const DEFAULT_DATABASE_URL: string;
export declare const ROOT: string;
export declare const PROVIDERS: readonly Provider[];
export declare class MigrateError extends Error {}
export declare function sqlitePath(url?: string, root?: string): string;
export declare function databaseTarget(
  url?: string,
  root?: string,
): { provider: 'sqlite'; file: string; label: string } | { provider: 'postgresql'; url: string; label: string };
export declare function checkPostgres(url: string): Promise<void>;
export declare function listMigrations(root?: string, provider?: Provider): { name: string; sql: string; checksum: string }[];
export declare class DamagedDatabaseError extends MigrateError {
  readonly file: string;
  readonly reason: string;
}
export declare function checkDatabaseFile(file: string): void;
export declare function checkWritable(file: string): void;
export declare function setDamagedAside(file: string, now?: Date): string;
export declare function recoverShortLinks(from: string, to: string): { recovered: number; found: number } | { recovered: 0; error: string };
export declare function migrateDeploy(options?: { url?: string; root?: string; log?: (message: string) => void }): Promise<string[]>;
export declare function appliedMigrations(options?: { url?: string; root?: string }): string[];
export declare function migrationStatus(options?: { url?: string; root?: string }): Promise<{ name: string; applied: boolean }[]>;
export declare function migrateDiff(name: string, options?: { root?: string; log?: (message: string) => void }): Promise<string | null>;
