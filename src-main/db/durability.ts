/**
 * Every commit waits for the disk (SQLite's synchronous FULL): a saved change survives a power
 * cut too (the sync design's G1 starts here). open.ts sets it; the write path lowers it for one
 * kind of transaction only, a read's audit entry, and puts it back after (WritePath.readAudit).
 */
export const DURABLE_SYNCHRONOUS = 'FULL';
