export declare const SOURCE_HASH_FILE: string
export declare function sourceHash(root?: string): string
