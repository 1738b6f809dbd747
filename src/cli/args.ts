/**
 * Argument parsing for `jxmb`. Hand-written rather than util.parseArgs so that every mistake gets a
 * bilingual message and a hint, and so unknown options are refused per command.
 */
import { usageError } from "./errors";
import { LIMIT_FLAG_LIST } from "./limit-flags";

export type CommandName = "validate" | "export" | "template" | "import" | "diff" | "seal" | "verify" | "help";
export const COMMANDS: readonly CommandName[] = ["validate", "export", "template", "import", "diff", "seal", "verify", "help"];

interface OptionSpec {
  name: string; // long name without dashes
  alias?: string; // one letter
  value: boolean; // takes a value
  choices?: readonly string[];
}

/** --max-file-mb, --max-cells, --max-sheets, … (one per read limit, limit-flags.ts). */
const LIMIT_OPTIONS: OptionSpec[] = LIMIT_FLAG_LIST.map((f) => ({ name: f.option, value: true }));

const COMMON: OptionSpec[] = [{ name: "help", alias: "h", value: false }];

export const PROFILES = ["hebei", "ningxia", "central-2021"] as const;
export const FORMATS = ["text", "json"] as const;

const SPECS: Record<Exclude<CommandName, "help">, OptionSpec[]> = {
  validate: [
    { name: "profile", value: true, choices: PROFILES },
    { name: "format", value: true, choices: FORMATS },
    { name: "output", alias: "o", value: true },
    { name: "jobs", alias: "j", value: true },
    { name: "max-worker-mb", value: true },
    ...LIMIT_OPTIONS,
    { name: "labels", value: true },
    { name: "report", value: true },
    { name: "merge", value: true },
    { name: "force", value: false },
  ],
  export: [
    { name: "profile", value: true, choices: PROFILES },
    { name: "labels", value: true },
    { name: "output", alias: "o", value: true },
    ...LIMIT_OPTIONS,
    { name: "force", value: false },
  ],
  template: [
    { name: "profile", value: true, choices: PROFILES },
    { name: "output", alias: "o", value: true },
    { name: "projects", alias: "n", value: true },
    { name: "add", value: true },
    { name: "force", value: false },
  ],
  import: [
    { name: "output", alias: "o", value: true },
    { name: "profile", value: true, choices: PROFILES },
    ...LIMIT_OPTIONS,
    { name: "force", value: false },
  ],
  diff: [
    { name: "format", value: true, choices: FORMATS },
    { name: "profile", value: true, choices: PROFILES },
    { name: "labels", value: true },
    { name: "output", alias: "o", value: true },
    ...LIMIT_OPTIONS,
    { name: "force", value: false },
  ],
  seal: [
    { name: "output", alias: "o", value: true },
    { name: "name", value: true },
    { name: "profile", value: true, choices: PROFILES },
    { name: "labels", value: true },
    ...LIMIT_OPTIONS,
    { name: "force", value: false },
  ],
  verify: [
    { name: "format", value: true, choices: FORMATS },
    { name: "profile", value: true, choices: PROFILES },
    { name: "labels", value: true },
    ...LIMIT_OPTIONS,
  ],
};

export interface Parsed {
  command: CommandName | null;
  /** For `help <cmd>` and `<cmd> --help`: which command's help to show (null = general). */
  helpFor: CommandName | null;
  showHelp: boolean;
  showVersion: boolean;
  positionals: string[];
  options: Record<string, string | boolean>;
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    const dd = distance(word, c);
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best !== null && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

export function parseArgs(argv: readonly string[]): Parsed {
  const out: Parsed = { command: null, helpFor: null, showHelp: false, showVersion: false, positionals: [], options: {} };
  if (argv.length === 0) {
    out.showHelp = true;
    return out;
  }
  const first = argv[0];
  if (first === "--help" || first === "-h") {
    out.showHelp = true;
    return out;
  }
  if (first === "--version" || first === "-v" || first === "-V") {
    out.showVersion = true;
    return out;
  }
  if (first.startsWith("-")) {
    throw usageError(`请先写子命令（validate、export、template、import、diff、seal 或 verify），再写选项 ${first}。`, `Give a command (validate, export, template, import, diff, seal or verify) before the option ${first}.`);
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    const guess = closest(first, COMMANDS);
    throw usageError(
      `未知命令 “${first}”。${guess ? `是否想用 “${guess}”？` : "可用命令：validate、export、template、import、diff、seal、verify、help。"}`,
      `Unknown command "${first}".${guess ? ` Did you mean "${guess}"?` : " Commands: validate, export, template, import, diff, seal, verify, help."}`,
    );
  }
  const command = first as CommandName;
  out.command = command;
  if (command === "help") {
    const rest = argv.slice(1).filter((a) => a !== "--help" && a !== "-h");
    if (rest.length > 1) throw usageError("help 只接受一个命令名。", "help takes a single command name.");
    if (rest.length === 1) {
      const which = rest[0];
      if (!(COMMANDS as readonly string[]).includes(which) || which === "help") {
        const guess = closest(which, COMMANDS.filter((c) => c !== "help"));
        throw usageError(
          `没有名为 “${which}” 的命令。${guess ? `是否想查看 “${guess}”？` : ""}`,
          `No command named "${which}".${guess ? ` Did you mean "${guess}"?` : ""}`,
        );
      }
      out.helpFor = which as CommandName;
    }
    out.showHelp = true;
    return out;
  }

  const specs = [...COMMON, ...SPECS[command]];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byAlias = new Map(specs.filter((s) => s.alias).map((s) => [s.alias as string, s]));
  let onlyPositionals = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPositionals || arg === "-" || !arg.startsWith("-")) {
      out.positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyPositionals = true;
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    let shown: string;
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      spec = byName.get(name);
      shown = `--${name}`;
    } else {
      const letter = arg.slice(1, 2);
      spec = byAlias.get(letter);
      if (arg.length > 2) inline = arg.slice(2).replace(/^=/, "");
      shown = `-${letter}`;
    }
    if (!spec) {
      const names = specs.map((s) => s.name);
      const guess = arg.startsWith("--") ? closest(shown.slice(2), names) : null;
      throw usageError(
        `命令 ${command} 不认识选项 ${shown}。${guess ? `是否想用 --${guess}？` : ""}`,
        `Unknown option ${shown} for ${command}.${guess ? ` Did you mean --${guess}?` : ""}`,
        command,
      );
    }
    if (spec.name === "help") {
      out.showHelp = true;
      out.helpFor = command;
      continue;
    }
    if (!spec.value) {
      if (inline !== undefined) throw usageError(`选项 --${spec.name} 不带值。`, `Option --${spec.name} takes no value.`, command);
      out.options[spec.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith("-") && next !== "-")) {
        throw usageError(`选项 --${spec.name} 需要一个值。`, `Option --${spec.name} needs a value.`, command);
      }
      value = next;
      i++;
    }
    if (value === "") throw usageError(`选项 --${spec.name} 的值不能为空。`, `Option --${spec.name} needs a non-empty value.`, command);
    if (spec.choices && !spec.choices.includes(value)) {
      throw usageError(
        `选项 --${spec.name} 的值 “${value}” 无效，可选：${spec.choices.join("、")}。`,
        `Invalid value "${value}" for --${spec.name}; choose one of: ${spec.choices.join(", ")}.`,
        command,
      );
    }
    if (out.options[spec.name] !== undefined) {
      throw usageError(`选项 --${spec.name} 重复出现。`, `Option --${spec.name} given twice.`, command);
    }
    out.options[spec.name] = value;
  }
  return out;
}

/**
 * A whole-number option within [min, max]; undefined when absent. Bad values are usage errors
 * (exit 2) naming the option and the range.
 */
export function intOption(parsed: Parsed, name: string, min: number, max: number, command: string): number | undefined {
  const raw = parsed.options[name];
  if (raw === undefined) return undefined;
  const text = String(raw);
  const n = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) {
    throw usageError(
      `--${name} 需要 ${min} 到 ${max} 之间的整数（收到 “${text}”）。`,
      `--${name} needs a whole number from ${min} to ${max} (got "${text}").`,
      command,
    );
  }
  return n;
}
