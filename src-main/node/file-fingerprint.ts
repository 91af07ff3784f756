import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';

/** What a document file was when this session last read or wrote it. */
export interface FileFingerprint {
  readonly mtimeMs: number;
  readonly size: number;
  /** SHA-256 of the bytes. */
  readonly hash: string;
}

export const hashBytes = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

/** The fingerprint of a file now, or null if it is gone (or unreadable). */
export async function fingerprintOf(file: string): Promise<FileFingerprint | null> {
  try {
    const stat = await fs.stat(file);
    const bytes = await fs.readFile(file);
    return { mtimeMs: stat.mtimeMs, size: stat.size, hash: hashBytes(bytes) };
  } catch {
    return null;
  }
}

/**
 * Whether the file on disk is no longer what `known` recorded: another program, a second copy of the app or a
 * colleague on a shared folder wrote it (or removed it). Same time and size is taken as unchanged; otherwise the
 * content decides, so a file merely touched or copied back unchanged is not reported.
 */
export async function changedSince(file: string, known: FileFingerprint): Promise<boolean> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return true;
  }
  if (stat.mtimeMs === known.mtimeMs && stat.size === known.size) return false;
  const now = await fingerprintOf(file);
  return now === null || now.hash !== known.hash;
}
