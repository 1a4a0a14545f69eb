// The `tactful` command line: `check` lints reply drafts, `eval` scores the
// engine on a labeled corpus. Run from the repo with `npx tactful …` (see
// scripts/tactful.mjs) or `npx tsx scripts/cli.ts …`.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Channel } from '../analyzers/types.ts';

const CHANNELS: readonly Channel[] = ['email', 'zendesk', 'marketplace'];

/** A mistake by the user (bad option, unreadable file): a message and exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const HELP = `tactful: de-escalation checks for support reply drafts, run locally

Usage:
  tactful check FILE|DIR|- [FILE…] [--customer FILE] [--channel email|zendesk|marketplace] [--json] [--quiet]
  tactful eval FILE.jsonl [--json] [--errors] [--engine rules|model|combined]
  tactful --help | --version

check   Lints each reply draft ("-" reads stdin; a directory means every .txt,
        .md, .eml and .text file in it). Prints one line per finding:
          line:col  severity  category  message  (→ first suggestion)
        Lines and columns are 1-based; columns count UTF-16 code units.
  --customer FILE   the customer's message the drafts answer: sets how upset
                    the customer is (missing empathy is an error for a furious
                    customer) and prints the customer reading and checklist
  --channel NAME    email (default), zendesk or marketplace
  --json            print the analysis as JSON: one object (the AnalyzeResult
                    plus "file", findings with line/column) or, for several
                    files, an array of them
  --quiet           report error-level findings only

eval    Scores the engine on a labeled corpus (../shared/corpus/README.md
        format): per-label precision/recall/F1, micro and macro F1, false
        flags on clean replies. --errors lists the misses per item.
        --engine picks the judge of phrase flags: the phrase rules, the
        on-device tone model, or both (default, as the extension runs).

Exit codes: 0 no error-level finding, 1 at least one error-level finding
(so a team can lint its macro library in CI), 2 usage error or unreadable file.
Colors only when stdout is a terminal and NO_COLOR is unset.`;

function fail(message: string): number {
  // File names in messages come from the user's disk: no escape sequences reach the terminal.
  process.stderr.write(`tactful: ${message.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu, '')}\nRun "tactful --help" for usage.\n`);
  return 2;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function write(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0].replace(/\. To specify.*$/, '').replace(/^Unknown option/, 'unknown option'));
  }
}

async function evalCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' },
    errors: { type: 'boolean' },
    engine: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('eval takes exactly one FILE.jsonl');
  const engine = values.engine ?? 'combined';
  if (!['rules', 'model', 'combined'].includes(engine)) throw new UsageError(`--engine must be one of rules, model, combined (got '${engine}')`);
  const file = positionals[0];
  try {
    readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read '${file}': ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  // Loaded on demand so `check` does not pay for the evaluation code.
  const { runEval } = await import('./eval.ts');
  try {
    await runEval(file, { json: Boolean(values.json), errors: Boolean(values.errors), engine: engine as 'rules' | 'model' | 'combined' });
  } catch (err) {
    // Malformed corpus lines are a usage problem, not a crash.
    throw new UsageError((err as Error).message);
  }
  return 0;
}

async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(args, {
    customer: { type: 'string', short: 'c' },
    channel: { type: 'string' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    write(HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('check needs a FILE, a directory, or - for stdin');
  const channel = values.channel as string | undefined;
  if (channel !== undefined && !CHANNELS.includes(channel as Channel)) {
    throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')} (got '${channel}')`);
  }
  // Loaded on demand: --help and usage errors work without loading the engine.
  const { pickPalette, runCheck } = await import('./check.ts');
  return runCheck(
    {
      files: positionals,
      customerFile: values.customer as string | undefined,
      channel: channel as Channel | undefined,
      json: Boolean(values.json),
      quiet: Boolean(values.quiet),
    },
    write,
    pickPalette(process.stdout, process.env),
  );
}

/** Runs the CLI and returns its exit code; never throws for user mistakes. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
        return fail('missing command (check or eval)');
      case '-h':
      case '--help':
      case 'help':
        write(HELP);
        return 0;
      case '-v':
      case '--version':
        write(version());
        return 0;
      case 'check':
        return await checkCommand(rest);
      case 'eval':
        return await evalCommand(rest);
      default:
        return fail(`unknown command '${command}' (expected check or eval)`);
    }
  } catch (err) {
    // Matched by name: check.ts throws its own UsageError class.
    if (err instanceof Error && err.name === 'UsageError') return fail(err.message);
    process.stderr.write(`tactful: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

/** Exits quietly when the reader goes away (`tactful check … | head`). */
function ignoreBrokenPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** Entry point for scripts/tactful.mjs and direct `tsx scripts/cli.ts` runs. */
export async function runFromCommandLine(argv: string[]): Promise<void> {
  ignoreBrokenPipe();
  // exitCode (not process.exit) lets piped stdout drain completely.
  process.exitCode = await main(argv);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) await runFromCommandLine(process.argv.slice(2));
