/**
 * The audit chain's head (sequence and hash) kept outside the database, in a file beside the
 * caseload, authenticated by an HMAC whose key is derived from the database key. A log cut short
 * (entries deleted from the end) or re-chained (an entry removed and the rest re-hashed) no longer
 * matches the head, which is checked each time the caseload is opened. The file is written after
 * each commit that added audit entries; if a crash comes between the two, the head is one commit
 * behind, which the check accepts (it only asks that the entry it names is still there, unchanged).
 *
 * What it does not stop: someone with the passphrase who knows this scheme can rebuild both.
 * Against that, per-user keys and the central copy of the audit log are the answer (README).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type SqliteDatabase from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH } from './audit-chain';

export interface ChainHead {
  seq: number;
  hash: string;
}

interface AnchorFile extends ChainHead {
  format: 1;
  mac: string;
}

/** The meta key that says this caseload has had an anchor, so a missing file is noticed. */
const ANCHORED = 'audit_anchored';

export const anchorFileFor = (databaseFile: string) => `${databaseFile}.audit-head.json`;

export class AuditAnchor {
  /** The head this process last anchored; null before the first, or after a mismatch was set aside. */
  private current: ChainHead | null = null;
  /** Set when the log changed outside the write path while open: the head is then frozen. */
  private frozen = false;

  constructor(
    private readonly file: string,
    private readonly key: Buffer,
  ) {}

  private mac(head: ChainHead): string {
    return createHmac('sha256', this.key).update(`${head.seq}\n${head.hash}`).digest('hex');
  }

  /**
   * After a commit that followed `from` and ended at `to`. If `from` is not the head anchored
   * last, something edited the log outside the write path while it was open: the anchored head
   * is then left as it was, so the next opening reports it, and later commits cannot hide it.
   */
  advance(from: ChainHead, to: ChainHead, durable = true): void {
    if (this.frozen) return;
    if (this.current && (from.seq !== this.current.seq || from.hash !== this.current.hash)) {
      this.frozen = true;
      return;
    }
    // A commit that did not wait for the disk (a read's audit entry) could be lost in a power
    // cut; a file naming it would then look like a log cut short. So the file keeps the last
    // durable head until the next durable commit, which also makes those entries durable (the
    // WAL is synced in order); a head that lags is accepted by the check.
    if (durable) this.write(to);
    else this.current = to;
  }

  /** Never throws (the data is committed; a head that lags is still valid). */
  private write(head: ChainHead): void {
    this.current = head;
    const body: AnchorFile = { format: 1, ...head, mac: this.mac(head) };
    const tmp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch {
      // A full disk: the next commit tries again; the check tolerates a head that lags.
    }
  }

  /**
   * Compares the log with the head; returns what is wrong (sequence numbers only, never data),
   * or null. A caseload opened for the first time since anchoring existed gets its first head.
   */
  check(raw: SqliteDatabase.Database): string | null {
    const anchored = raw.prepare('SELECT value FROM meta WHERE key = ?').get(ANCHORED);
    const last = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      ChainHead | undefined;
    if (!existsSync(this.file)) {
      if (anchored) return 'the audit anchor file beside the caseload is missing';
      raw.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(ANCHORED, '1');
      this.write(last ?? { seq: 0, hash: GENESIS_HASH });
      return null;
    }
    let head: AnchorFile;
    try {
      head = JSON.parse(readFileSync(this.file, 'utf8')) as AnchorFile;
    } catch {
      return 'the audit anchor file has been altered (it cannot be read)';
    }
    const expected = Buffer.from(this.mac({ seq: head.seq, hash: head.hash }), 'hex');
    const given = Buffer.from(String(head.mac), 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return 'the audit anchor file has been altered';
    if (!anchored)
      raw.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(ANCHORED, '1');
    const lastSeq = last?.seq ?? 0;
    if (head.seq > lastSeq)
      return `entries after ${lastSeq} have been removed (the log reached ${head.seq})`;
    if (head.seq === 0) return this.matched(last);
    const row = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(head.seq) as
      { hash: string } | undefined;
    if (row?.hash !== head.hash)
      return `the log has been rewritten at or before entry ${head.seq} (entries were removed or changed)`;
    return this.matched(last);
  }

  private matched(last: ChainHead | undefined): null {
    this.current = last ?? { seq: 0, hash: GENESIS_HASH };
    return null;
  }

  /** Keeps a head that did not match as evidence, beside the caseload. */
  setAside(at: Date): void {
    if (existsSync(this.file))
      renameSync(this.file, `${this.file}.mismatch-${at.toISOString().replace(/[:.]/g, '-')}`);
  }
}
