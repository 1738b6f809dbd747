/**
 * The CLI's language: one per run. zh-CN unless the user asks for English with `--lang en` or the
 * environment (JXMB_LANG, then LC_ALL / LC_MESSAGES / LANG as POSIX orders them). Every message keeps
 * its Chinese and English text side by side where it is written; `tr` picks one of them at print time.
 * Imports nothing: every command loads it before anything else.
 */

export type Lang = "zh" | "en";

let current: Lang = "zh";

export function setLang(l: Lang): void {
  current = l;
}

export function lang(): Lang {
  return current;
}

/** The text of the run's language. */
export function tr(zh: string, en: string): string {
  return current === "en" ? en : zh;
}

/** A --lang value: zh, zh-CN, zh_CN, en, en-US, en_GB … (case-insensitive); null for anything else. */
export function langOf(value: string): Lang | null {
  const m = /^(zh|en)(?:[-_][A-Za-z0-9]+)*$/i.exec(value.trim());
  return m ? (m[1].toLowerCase() as Lang) : null;
}

/**
 * The environment's choice: JXMB_LANG when set, else the first set of LC_ALL, LC_MESSAGES, LANG.
 * English only for a value starting with "en"; C, POSIX, C.UTF-8, zh_CN.UTF-8, unset → Chinese.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
  for (const name of ["JXMB_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]) {
    const v = env[name];
    if (v) return /^en/i.test(v) ? "en" : "zh";
  }
  return "zh";
}

/**
 * Take `--lang X` / `--lang=X` out of the arguments (anywhere before a `--`), so that every command
 * accepts it and the parser never sees it. `bad` is the value given when it is not a language, or ""
 * when the option has no value.
 */
export function takeLangOption(argv: readonly string[]): { rest: string[]; lang: Lang | null; bad: string | null } {
  const rest: string[] = [];
  let chosen: Lang | null = null;
  let bad: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === "--lang") {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith("-")) {
        value = next;
        i++;
      } else value = "";
    } else if (a.startsWith("--lang=")) value = a.slice("--lang=".length);
    else {
      rest.push(a);
      continue;
    }
    const l = langOf(value);
    if (l) chosen = l;
    else bad = value;
  }
  return { rest, lang: chosen, bad };
}
