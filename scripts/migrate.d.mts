// Types for scripts/migrate.mjs (plain JavaScript so `npm start` needs no compiler), for the
// TypeScript that imports it (tests).
export declare const DEFAULT_DATABASE_URL: string;
export declare const ROOT: string;
export declare class MigrateError extends Error {}
export declare function sqlitePath(url?: string, root?: string): string;
export declare function listMigrations(root?: string): { name: string; sql: string; checksum: string }[];
export declare function checkDatabaseFile(file: string): void;
export declare function migrateDeploy(options?: { url?: string; root?: string; log?: (message: string) => void }): Promise<string[]>;
export declare function appliedMigrations(options?: { url?: string; root?: string }): string[];
export declare function migrateDiff(name: string, options?: { root?: string; log?: (message: string) => void }): Promise<string | null>;
