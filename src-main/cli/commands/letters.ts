/**
 * `letters --db FILE --kind induction --participants ID[,ID...] --out DIR [--large-print] [--welsh]`:
 * one PDF per participant (by participant id or referral id), each logged as printed. Prints a
 * JSON summary: the files written, and anyone refused with the reason.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../errors';
import { findByReferralId } from '../../db/repositories/participants';
import { CliError, EXIT, withCaseload, writeJson, writePrivateFile } from '../io';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface LettersOptions {
  db: string;
  kind: string;
  participants: string;
  out: string;
  largePrint?: boolean;
  welsh?: boolean;
  outsideWindowReason?: string;
}

export function registerLetterCommands(program: Command): void {
  program
    .command('letters')
    .description('print letters (one PDF each) and record them in the letter log')
    .requiredOption('--db <file>', 'caseload file')
    .requiredOption('--kind <kind>', 'the letter: induction')
    .requiredOption('--participants <ids>', 'participant ids or referral ids, comma-separated')
    .requiredOption('--out <dir>', 'folder to write the PDFs to')
    .option('--large-print', 'large print (16 pt and above)')
    .option('--welsh', 'Welsh and English (bilingual)')
    .option(
      '--outside-window-reason <text>',
      'why an induction outside the charter window is right',
    )
    .action(async (o: LettersOptions) => {
      if (o.kind !== 'induction')
        throw new CliError(EXIT.usage, `Unknown --kind ${o.kind}: the only kind is induction`);
      const refs = o.participants
        .split(',')
        .map((r) => r.trim())
        .filter((r) => r !== '');
      if (refs.length === 0) throw new CliError(EXIT.usage, 'Give at least one participant');
      const out = resolve(o.out);
      mkdirSync(out, { recursive: true, mode: 0o700 });
      await withCaseload(o.db, async ({ services, opened }) => {
        const written: { participant: string; file: string; letterId: string; sha256: string }[] =
          [];
        const refused: { participant: string; reason: string }[] = [];
        for (const ref of refs) {
          const row = UUID.test(ref) ? { id: ref } : await findByReferralId(opened.db, ref);
          if (!row) {
            refused.push({
              participant: ref,
              reason: 'No participant with that id or referral id',
            });
            continue;
          }
          try {
            const issued = await services.documents.issueInduction({
              participantId: row.id,
              method: 'printed',
              options: {
                ...(o.largePrint ? { largePrint: true } : {}),
                ...(o.welsh ? { language: 'cy-en' as const } : {}),
              },
              ...(o.outsideWindowReason ? { outsideWindowReason: o.outsideWindowReason } : {}),
            });
            const file = join(out, `${ref}-induction-letter.pdf`);
            writePrivateFile(file, Buffer.from(issued.pdfBase64, 'base64'));
            written.push({
              participant: ref,
              file,
              letterId: issued.entry.id,
              sha256: issued.entry.contentSha256,
            });
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused.push({ participant: ref, reason: error.message });
          }
        }
        writeJson({ written, refused });
        if (refused.length > 0)
          throw new CliError(EXIT.refused, `${refused.length} letter(s) not printed (see above)`);
      });
    });
}
