// Types for lib/map/basemap-version.mjs.
export declare const BASEMAP_FILE: string;
export declare function basemapVersion(root?: string): string;
